import { engineMessage } from '../messages';
import type { ResourceType } from '../resources';
import { conflict } from '../responses/status';
import type { KubeObject, StageResult, Status, StorageDetails } from '../types';

/**
 * The resourceVersion precondition of an update, where upstream checks it: inside
 * GuaranteedUpdate's tryUpdate in staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go
 * (Store.Update). There the new object is built first (objInfo.UpdatedObject, which runs the
 * patch and mutating admission), then its resourceVersion is compared with the stored one, and
 * only then come rest.BeforeUpdate (the strategy's validation) and the validating admission
 * hook. So a stale resourceVersion answers 409 Conflict even when the object is also invalid.
 */

/** From store.go: the text of a resourceVersion precondition failure. */
export const OPTIMISTIC_LOCK_ERROR_MSG =
  'the object has been modified; please apply your changes to the latest version and try again';

/**
 * Whether an update that carries `sent` conflicts with the stored `stored`. An unset (or "0",
 * which ParseResourceVersion reads as 0) resourceVersion is an unconditional update: every type
 * the simulator models has AllowUnconditionalUpdate, so store.go fills in the latest version.
 */
export function isStaleResourceVersion(sent: string | undefined, stored: string | undefined): boolean {
  if (sent === undefined || sent === '' || sent === '0') return false;
  return sent !== stored;
}

/**
 * The storage verdict for an update whose object (already patched and mutated) carries a stale
 * resourceVersion, or undefined when the update may go on to validation. A missing object is left
 * to the registry's own NotFound.
 */
export function checkUpdatePrecondition(
  type: ResourceType,
  key: string,
  name: string,
  object: KubeObject,
  existing: KubeObject | undefined,
  revision: number,
): { result: StageResult<StorageDetails>; status: Status } | undefined {
  if (existing === undefined) return undefined;
  if (!isStaleResourceVersion(object.metadata?.resourceVersion, existing.metadata?.resourceVersion))
    return undefined;
  const status = conflict(type.group, type.resource, name, OPTIMISTIC_LOCK_ERROR_MSG);
  return {
    result: {
      stage: 'storage',
      outcome: 'failed',
      ...engineMessage('storage.failed', { reason: status.message ?? '' }),
      details: { operation: 'update', key, revision },
    },
    status,
  };
}
