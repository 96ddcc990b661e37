import { type ResourceType, storageKey } from '../../resources';
import { conflict, notFound } from '../../responses/status';
import type { KubeObject, ObjectMeta } from '../../types';
import type { Etcd } from '../etcd';
import { isStaleResourceVersion } from '../update-precondition';
import { shape, withManagedFields } from './meta';
import { OPTIMISTIC_LOCK_ERROR_MSG, type RegistryResult, type StoreOptions } from './result';
import { GENERATION_TRACKED, tracksGeneration } from './strategy';

/** store.Update (GuaranteedUpdate with a resourceVersion precondition). */
export function updateObject(
  type: ResourceType,
  namespace: string,
  name: string,
  object: KubeObject,
  etcd: Etcd,
  options: StoreOptions,
): RegistryResult {
  const key = storageKey(type, namespace, name);
  const existing = etcd.get(key);
  if (existing === undefined) {
    // AllowCreateOnUpdate is false for the resources the simulator models.
    return { ok: false, operation: 'update', status: notFound(type.group, type.resource, name), key };
  }
  const oldMeta = existing.metadata ?? {};
  const sentVersion = object.metadata?.resourceVersion;
  if (isStaleResourceVersion(sentVersion, oldMeta.resourceVersion)) {
    return {
      ok: false,
      operation: 'update',
      status: conflict(type.group, type.resource, name, OPTIMISTIC_LOCK_ERROR_MSG),
      key,
    };
  }
  // rest.BeforeUpdate and the strategies' PrepareForUpdate: identity and status stay as stored.
  const meta: ObjectMeta = {
    ...(object.metadata ?? {}),
    name,
    uid: oldMeta.uid,
    creationTimestamp: oldMeta.creationTimestamp,
    resourceVersion: oldMeta.resourceVersion,
  };
  if (type.namespaced) meta.namespace = namespace;
  else delete meta.namespace;
  const next: KubeObject = { ...object };
  if (existing.status !== undefined && (type.resource === 'pods' || GENERATION_TRACKED.has(type.resource))) {
    next.status = existing.status;
  }
  if (tracksGeneration(type)) {
    const oldGeneration = typeof oldMeta.generation === 'number' ? oldMeta.generation : 1;
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(existing.spec);
    meta.generation = specChanged ? oldGeneration + 1 : oldGeneration;
  }
  if (oldMeta.deletionTimestamp !== undefined) {
    // rest.BeforeUpdate: deletionTimestamp and its grace period cannot be changed by an update.
    meta.deletionTimestamp = oldMeta.deletionTimestamp;
    if (oldMeta.deletionGracePeriodSeconds !== undefined)
      meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
  }
  const managedMeta = withManagedFields(type, existing, next, meta, options.manager);
  // The field manager leaves managedFields alone when nothing else changed (no-op updates stay no-ops).
  const unchanged =
    JSON.stringify(shape(type, next, { ...meta, managedFields: existing.metadata?.managedFields })) ===
    JSON.stringify(existing);
  const candidate = shape(
    type,
    next,
    unchanged ? { ...meta, managedFields: existing.metadata?.managedFields } : managedMeta,
  );
  if (candidate.metadata?.managedFields === undefined) delete candidate.metadata?.managedFields;
  const revision = etcd.revision;
  if (JSON.stringify(candidate) === JSON.stringify(existing)) {
    // GuaranteedUpdate skips the write when nothing changed: no new revision.
    return { ok: true, operation: 'update', code: 200, body: existing, key, revision, wrote: false };
  }
  if (options.dryRun) {
    return { ok: true, operation: 'update', code: 200, body: candidate, key, revision, wrote: false };
  }
  const written = {
    ...candidate,
    metadata: { ...candidate.metadata, resourceVersion: String(revision + 1) },
  };
  etcd.put(key, written);
  return {
    ok: true,
    operation: 'update',
    code: 200,
    body: written,
    key,
    revision: revision + 1,
    wrote: true,
  };
}
