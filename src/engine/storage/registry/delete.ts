import { type ResourceType, storageKey } from '../../resources';
import { conflict, notFound, success } from '../../responses/status';
import type { KubeObject, ServerEnv } from '../../types';
import type { Etcd } from '../etcd';
import { rfc3339, shape } from './meta';
import type { RegistryResult, StoreOptions } from './result';

/** Kinds whose DELETE answers with the object itself (`ReturnDeletedObject: true` in their storage.go). */
const RETURNS_DELETED_OBJECT = new Set(['pods', 'serviceaccounts', 'namespaces']);

/** Default grace period for pods (pkg/apis/core/v1 DefaultTerminationGracePeriodSeconds). */
const POD_GRACE_SECONDS = 30;

/**
 * A graceful delete only marks the object (deletionTimestamp) and answers 200 with it; something
 * else (kubelet, the namespace controller) removes it later. Dry run answers without writing.
 */
function writePendingDeletion(etcd: Etcd, key: string, marked: KubeObject, dryRun: boolean): RegistryResult {
  const base = { ok: true, operation: 'delete', code: 200, key, pendingDeletion: true } as const;
  if (dryRun) return { ...base, body: marked, revision: etcd.revision, wrote: false };
  const revision = etcd.revision + 1;
  const written = { ...marked, metadata: { ...marked.metadata, resourceVersion: String(revision) } };
  etcd.put(key, written);
  return { ...base, body: written, revision, wrote: true };
}

/** store.Delete. */
export function deleteObject(
  type: ResourceType,
  namespace: string,
  name: string,
  etcd: Etcd,
  env: ServerEnv,
  options: StoreOptions,
): RegistryResult {
  const key = storageKey(type, namespace, name);
  const existing = etcd.get(key);
  if (existing === undefined) {
    return { ok: false, operation: 'delete', status: notFound(type.group, type.resource, name), key };
  }
  const meta = existing.metadata ?? {};
  if (type.group === '' && type.resource === 'namespaces')
    return deleteNamespace(type, name, existing, etcd, env, options);
  const finalizers = Array.isArray(meta.finalizers) ? meta.finalizers : [];
  const isPod = type.group === '' && type.resource === 'pods';
  const nodeName = (existing.spec as { nodeName?: unknown } | undefined)?.nodeName;
  // pkg/registry/core/pod/strategy.go CheckGracefulDelete: a pod never scheduled to a node has no
  // kubelet to stop it, so its grace period is forced to 0 and it is deleted at once. A scheduled pod
  // only gets metadata.deletionTimestamp; its kubelet finishes the delete (not simulated).
  // DeleteOptions.gracePeriodSeconds=0 (kubectl --force --grace-period=0) deletes at once.
  const graceful =
    isPod && typeof nodeName === 'string' && nodeName !== '' && options.gracePeriodSeconds !== 0;
  if (graceful || finalizers.length > 0) {
    if (meta.deletionTimestamp !== undefined) {
      return {
        ok: true,
        operation: 'delete',
        code: 200,
        body: existing,
        key,
        revision: etcd.revision,
        wrote: false,
        pendingDeletion: true,
      };
    }
    const grace = graceful ? (options.gracePeriodSeconds ?? POD_GRACE_SECONDS) : 0;
    const marked = shape(type, existing, {
      ...meta,
      deletionTimestamp: rfc3339(new Date(env.now().getTime() + grace * 1000)),
      deletionGracePeriodSeconds: grace,
    });
    return writePendingDeletion(etcd, key, marked, options.dryRun === true);
  }
  // Everything else (including namespaces, whose controller is not simulated) goes at once.
  const deletedBody = (object: KubeObject): unknown =>
    RETURNS_DELETED_OBJECT.has(type.resource)
      ? object
      : success({ name, group: type.group, kind: type.resource, uid: meta.uid ?? '' });
  if (options.dryRun) {
    return {
      ok: true,
      operation: 'delete',
      code: 200,
      body: deletedBody(existing),
      key,
      revision: etcd.revision,
      wrote: false,
    };
  }
  const revision = etcd.delete(key) as number;
  // etcd3/store.go conditionalDelete decodes the last state at the delete's revision.
  const body = deletedBody({ ...existing, metadata: { ...meta, resourceVersion: String(revision) } });
  return { ok: true, operation: 'delete', code: 200, body, key, revision, wrote: true };
}

/** Conflict text of pkg/registry/core/namespace/storage/storage.go Delete (two spaces included). */
export const NAMESPACE_TERMINATING_MESSAGE =
  'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.';

/**
 * pkg/registry/core/namespace/storage/storage.go Delete: the first DELETE only sets
 * deletionTimestamp and status.phase=Terminating (200, the namespace). While spec.finalizers still
 * holds `kubernetes`, a further DELETE is a 409; the namespace controller removes the contents and
 * then the finalizer, which deletes the namespace (see namespace-controller.ts).
 */
function deleteNamespace(
  type: ResourceType,
  name: string,
  existing: KubeObject,
  etcd: Etcd,
  env: ServerEnv,
  options: StoreOptions,
): RegistryResult {
  const key = storageKey(type, '', name);
  const meta = existing.metadata ?? {};
  const finalizers = (existing.spec as { finalizers?: unknown } | undefined)?.finalizers;
  if (meta.deletionTimestamp === undefined) {
    const marked = shape(
      type,
      { ...existing, status: { ...(existing.status as object), phase: 'Terminating' } },
      {
        ...meta,
        deletionTimestamp: rfc3339(env.now()),
        deletionGracePeriodSeconds: 0,
      },
    );
    return writePendingDeletion(etcd, key, marked, options.dryRun === true);
  }
  if (Array.isArray(finalizers) && finalizers.length > 0) {
    return {
      ok: false,
      operation: 'delete',
      status: conflict('', 'namespaces', name, NAMESPACE_TERMINATING_MESSAGE),
      key,
    };
  }
  if (options.dryRun) {
    return {
      ok: true,
      operation: 'delete',
      code: 200,
      body: existing,
      key,
      revision: etcd.revision,
      wrote: false,
    };
  }
  const revision = etcd.delete(key) as number;
  return {
    ok: true,
    operation: 'delete',
    code: 200,
    body: { ...existing, metadata: { ...meta, resourceVersion: String(revision) } },
    key,
    revision,
    wrote: true,
  };
}
