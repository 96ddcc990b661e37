import { type ResourceType, storageKey } from '../../resources';
import { alreadyExists, invalid } from '../../responses/status';
import type { KubeObject, ObjectMeta, ServerEnv, Status } from '../../types';
import { withGeneratedJobSelector } from '../../validation/batch/job-selector';
import type { Etcd } from '../etcd';
import { rfc3339, shape, withManagedFields } from './meta';
import type { RegistryResult, StoreOptions } from './result';
import { prepareForCreate, tracksGeneration } from './strategy';

/** rest.BeforeCreate + store.Create. `object` has been decoded, defaulted, admitted and validated. */
export function createObject(
  type: ResourceType,
  namespace: string,
  object: KubeObject,
  etcd: Etcd,
  env: ServerEnv,
  options: StoreOptions,
): RegistryResult {
  const meta: ObjectMeta = { ...(object.metadata ?? {}) };
  if (type.namespaced) meta.namespace = namespace;
  else delete meta.namespace;
  // rest.BeforeCreate: a generateName becomes a name here (names.SimpleNameGenerator: prefix + 5 random chars).
  if ((meta.name === undefined || meta.name === '') && meta.generateName) {
    meta.name = `${meta.generateName}${env.randomSuffix(5)}`;
  }
  const name = meta.name ?? '';
  const key = storageKey(type, namespace, name);
  if (name === '') {
    const status = invalid(type.group, type.kind, '', [
      {
        type: 'FieldValueRequired',
        field: 'metadata.name',
        body: 'Required value: name or generateName is required',
      },
    ]);
    return { ok: false, operation: 'create', status, key };
  }
  if (meta.resourceVersion !== undefined && meta.resourceVersion !== '') {
    // etcd3/store.go Create: a plain error, which the apiserver sends as a 500 with no reason.
    return {
      ok: false,
      operation: 'create',
      status: unknownError('resourceVersion should not be set on objects to be created'),
      key,
    };
  }
  meta.uid = env.newUid();
  meta.creationTimestamp = rfc3339(env.now());
  if (tracksGeneration(type)) meta.generation = 1;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;

  if (etcd.peek(key) !== undefined) {
    return { ok: false, operation: 'create', status: alreadyExists(type.group, type.resource, name), key };
  }
  // The job strategy's PrepareForCreate also generates the Job's selector (validation/batch/job-selector.ts).
  const prepared =
    type.group === 'batch' && type.kind === 'Job'
      ? withGeneratedJobSelector(prepareForCreate(type, object), name, meta.uid ?? '')
      : prepareForCreate(type, object);
  const managed = withManagedFields(type, undefined, prepared, meta, options.manager);
  meta.managedFields = managed.managedFields;
  if (meta.managedFields === undefined) delete meta.managedFields;
  if (options.dryRun) {
    // dryrun.go Create: checks the key, copies the object out, writes nothing (so no resourceVersion).
    const body = shape(type, prepared, meta);
    return { ok: true, operation: 'create', code: 201, body, key, revision: etcd.revision, wrote: false };
  }
  const revision = etcd.revision + 1;
  const stored = shape(type, prepared, { ...meta, resourceVersion: String(revision) });
  etcd.put(key, stored);
  return { ok: true, operation: 'create', code: 201, body: stored, key, revision, wrote: true };
}

/** A 500 for a plain (non-API) error: responsewriters.ErrorToAPIStatus leaves the reason empty. */
function unknownError(message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 };
}
