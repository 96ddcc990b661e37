/** What the registry's verbs take (StoreOptions) and answer (RegistryResult). */
import type { Status, StorageDetails } from '../../types';
import type { FieldSet } from '../patch/managed-fields';

export interface StoreOptions {
  /** `?dryRun=All`: run every check, write nothing (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/dryrun.go). */
  readonly dryRun: boolean;
  /** Who writes, for metadata.managedFields; without it managedFields are left as they are. */
  readonly manager?: ManagerWrite;
  /** DeleteOptions.gracePeriodSeconds, from the query or the DELETE body. */
  readonly gracePeriodSeconds?: number;
}

/** The field manager's view of one write (managedfields FieldManager.Update / Apply). */
export interface ManagerWrite {
  /** `kubectl-create`, `kubectl-client-side-apply`…, or the User-Agent prefix (managerOrUserAgent). */
  readonly manager: string;
  readonly operation: 'Update' | 'Apply';
  /** metav1.Time of the write. */
  readonly time: string;
  /** For Apply: the fields of the applied configuration. */
  readonly applied?: FieldSet;
}

export type StorageOperation = StorageDetails['operation'];

/** What a registry call did: the response it answers with, or the Status it failed with. */
export type RegistryResult =
  | {
      readonly ok: true;
      readonly operation: StorageOperation;
      readonly code: number;
      readonly body: unknown;
      readonly key: string;
      /** The revision of the write, or the revision read at. */
      readonly revision: number;
      /** False when nothing was written: a read, a dry run, or an update that changed nothing. */
      readonly wrote: boolean;
      /** A delete that only set metadata.deletionTimestamp (graceful deletion or pending finalizers). */
      readonly pendingDeletion?: boolean;
    }
  | {
      readonly ok: false;
      readonly operation: StorageOperation;
      readonly status: Status;
      readonly key: string;
    };

export { OPTIMISTIC_LOCK_ERROR_MSG } from '../update-precondition';
