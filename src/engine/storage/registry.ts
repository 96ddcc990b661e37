import { engineMessage } from '../messages';
import { apiVersionOf, type ResourceType, storageKey } from '../resources';
import { alreadyExists, badRequest, conflict, invalid, notFound, success } from '../responses/status';
import type {
  HttpResponse,
  KubeObject,
  ObjectMeta,
  RequestInfo,
  ServerEnv,
  StageResult,
  Status,
  StorageDetails,
} from '../types';
import { withGeneratedJobSelector } from '../validation/batch/job-selector';
import type { Etcd } from './etcd';
import {
  changedFieldSet,
  type FieldSet,
  type ManagedFieldsEntry,
  updateManagedFields,
} from './patch/managed-fields';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { isStaleResourceVersion, OPTIMISTIC_LOCK_ERROR_MSG } from './update-precondition';

/**
 * REST semantics over the simulated etcd, after
 * staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (Create, Get, List, Update, Delete)
 * and the per-resource strategies under pkg/registry/.
 */

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

/** metadata.managedFields after a write of `next` over `previous` (undefined on create). */
function withManagedFields(
  type: ResourceType,
  previous: KubeObject | undefined,
  next: KubeObject,
  meta: ObjectMeta,
  manager: ManagerWrite | undefined,
): ObjectMeta {
  if (manager === undefined) return meta;
  const sent = Array.isArray(meta.managedFields) ? (meta.managedFields as ManagedFieldsEntry[]) : [];
  const live = Array.isArray(previous?.metadata?.managedFields)
    ? (previous?.metadata?.managedFields as ManagedFieldsEntry[])
    : [];
  // An update that sends no managedFields keeps the stored ones (managedfields: "if the new object
  // has none, copy the live ones").
  const entries = sent.length > 0 ? sent : live;
  const owned = manager.applied ?? changedFieldSet(previous, next);
  const managedFields = updateManagedFields(entries, {
    manager: manager.manager,
    operation: manager.operation,
    apiVersion: apiVersionOf(type),
    time: manager.time,
    owned,
  });
  const out: ObjectMeta = { ...meta };
  if (managedFields.length > 0) out.managedFields = managedFields;
  else delete out.managedFields;
  return out;
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

export { OPTIMISTIC_LOCK_ERROR_MSG };

/** Kinds whose DELETE answers with the object itself (`ReturnDeletedObject: true` in their storage.go). */
const RETURNS_DELETED_OBJECT = new Set(['pods', 'serviceaccounts', 'namespaces']);

/** RFC 3339 with seconds precision, as metav1.Time marshals. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const META_ORDER = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

/** ObjectMeta's fields in the order Go's encoder writes them (apimachinery meta/v1 types.go). */
function orderMeta(meta: ObjectMeta): ObjectMeta {
  const out: ObjectMeta = {};
  for (const key of META_ORDER) if (meta[key] !== undefined) out[key] = meta[key];
  for (const [key, value] of Object.entries(meta)) if (!META_ORDER.includes(key)) out[key] = value;
  return out;
}

/** apiVersion, kind, metadata first, as the apiserver's JSON has them. */
function shape(type: ResourceType, object: KubeObject, meta: ObjectMeta): KubeObject {
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = object;
  return { apiVersion: apiVersionOf(type), kind: type.kind, metadata: orderMeta(meta), ...rest };
}

type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown> };

/** pkg/apis/core/helper/qos/qos.go GetPodQOS, for cpu and memory. */
export function podQOSClass(pod: KubeObject): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const spec = (pod.spec ?? {}) as {
    containers?: { resources?: Resources }[];
    initContainers?: { resources?: Resources }[];
  };
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  const qosResources = ['cpu', 'memory'];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const r of qosResources) {
      if (requests[r] !== undefined || limits[r] !== undefined) any = true;
      if (limits[r] === undefined || String(requests[r] ?? limits[r]) !== String(limits[r]))
        guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * Kinds whose strategy sets metadata.generation to 1 on create and bumps it when the spec changes,
 * and resets status on create (pkg/registry/apps/*, batch/job, batch/cronjob, networking/ingress
 * strategy.go PrepareForCreate/PrepareForUpdate). Pods have no generation in v1.31.
 */
const GENERATION_TRACKED = new Set([
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'ingresses',
]);
/** Kinds that bump generation but whose status the simulator leaves alone (networkpolicy, pdb strategy.go). */
const GENERATION_ONLY = new Set(['networkpolicies', 'poddisruptionbudgets']);

function tracksGeneration(type: ResourceType): boolean {
  return GENERATION_TRACKED.has(type.resource) || GENERATION_ONLY.has(type.resource);
}

/** The strategies' PrepareForCreate: server-owned fields the request cannot set. */
function prepareForCreate(type: ResourceType, object: KubeObject): KubeObject {
  const out = { ...object };
  if (type.group === '' && type.resource === 'pods') {
    // pkg/registry/core/pod/strategy.go: status is reset to Pending with the computed QoS class.
    out.status = { phase: 'Pending', qosClass: podQOSClass(out) };
  } else if (type.group === '' && type.resource === 'namespaces') {
    // pkg/registry/core/namespace/strategy.go: status Active, and the `kubernetes` finalizer is required.
    const spec = { ...((out.spec ?? {}) as { finalizers?: string[] }) };
    const finalizers = spec.finalizers ?? [];
    spec.finalizers = finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'];
    out.spec = spec;
    out.status = { phase: 'Active' };
  } else if (GENERATION_TRACKED.has(type.resource)) {
    out.status = {};
  }
  return out;
}

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

/** store.Get. */
export function getObject(type: ResourceType, namespace: string, name: string, etcd: Etcd): RegistryResult {
  const key = storageKey(type, namespace, name);
  const object = etcd.get(key);
  if (object === undefined) {
    return { ok: false, operation: 'get', status: notFound(type.group, type.resource, name), key };
  }
  return { ok: true, operation: 'get', code: 200, body: object, key, revision: etcd.revision, wrote: false };
}

/**
 * store.List: a `<Kind>List` at the current revision. Items come in key order and, as in the
 * apiserver's JSON, without their own apiVersion/kind. An empty namespace lists every namespace.
 */
export function listObjects(
  type: ResourceType,
  namespace: string,
  etcd: Etcd,
  query: URLSearchParams,
): RegistryResult {
  const key = storageKey(type, namespace);
  const labelSelector = query.get('labelSelector') ?? '';
  const fieldSelector = query.get('fieldSelector') ?? '';
  const labels = parseLabelSelector(labelSelector);
  if (!labels.ok) return { ok: false, operation: 'list', status: badRequest(labels.error), key };
  const fields = parseFieldSelector(fieldSelector, type.group === '' && type.resource === 'pods');
  if (!fields.ok) {
    const gvr = `${type.group}/${type.version}, Resource=${type.resource}`;
    const message = `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${fields.error}`;
    return { ok: false, operation: 'list', status: badRequest(message), key };
  }
  // Select on the stored values and copy only what is returned.
  const items = etcd
    .scan(key)
    .filter((o) => labels.matches(o) && fields.matches(o))
    .map(({ apiVersion: _a, kind: _k, ...rest }) => JSON.parse(JSON.stringify(rest)) as typeof rest);
  const body = {
    kind: `${type.kind}List`,
    apiVersion: apiVersionOf(type),
    metadata: { resourceVersion: String(etcd.revision) },
    items,
  };
  return { ok: true, operation: 'list', code: 200, body, key, revision: etcd.revision, wrote: false };
}

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

/** Default grace period for pods (pkg/apis/core/v1 DefaultTerminationGracePeriodSeconds). */
const POD_GRACE_SECONDS = 30;

/** store.Delete. */
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

/**
 * store.DeleteCollection: lists with the request's selectors, deletes each item with the same
 * options, and answers the list as it was read (items before deletion). Admission ran once for
 * the collection in the pipeline; the real store calls the validating admission per item (not modelled).
 */
export function deleteCollection(
  type: ResourceType,
  namespace: string,
  etcd: Etcd,
  env: ServerEnv,
  query: URLSearchParams,
  options: StoreOptions,
): RegistryResult & { keys?: string[] } {
  const listed = listObjects(type, namespace, etcd, query);
  if (!listed.ok) return { ...listed, operation: 'deletecollection' };
  const body = listed.body as { items: KubeObject[] };
  const keys: string[] = [];
  for (const item of body.items) {
    const itemName = item.metadata?.name ?? '';
    const itemNamespace = item.metadata?.namespace ?? '';
    const done = deleteObject(type, itemNamespace, itemName, etcd, env, options);
    if (done.ok) keys.push(done.key);
  }
  return {
    ok: true,
    operation: 'deletecollection',
    code: 200,
    body: listed.body,
    key: listed.key,
    revision: etcd.revision,
    wrote: !options.dryRun && keys.length > 0,
    keys,
  };
}

/**
 * A watch (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/watch.go over the storage's watch).
 * `resourceVersion` unset or "0": an ADDED event for each object that exists now (the initial
 * state); `resourceVersion=N`: every change after revision N. Label and field selectors filter
 * the events. The body is the events so far, as an array; on the wire they are a stream of
 * `{"type":…,"object":…}` lines that stays open. Simplification: an object that stops matching a
 * selector is not sent as DELETED.
 */
export function watchObjects(
  type: ResourceType,
  namespace: string,
  etcd: Etcd,
  query: URLSearchParams,
): RegistryResult & { events?: number; since?: number } {
  const key = storageKey(type, namespace);
  const labelSelector = query.get('labelSelector') ?? '';
  const fieldSelector = query.get('fieldSelector') ?? '';
  const labels = parseLabelSelector(labelSelector);
  if (!labels.ok) return { ok: false, operation: 'watch', status: badRequest(labels.error), key };
  const fields = parseFieldSelector(fieldSelector, type.group === '' && type.resource === 'pods');
  if (!fields.ok) return { ok: false, operation: 'watch', status: badRequest(fields.error), key };
  const matches = (o: KubeObject) => labels.matches(o) && fields.matches(o);
  const rv = query.get('resourceVersion') ?? '';
  let events: { type: string; object: KubeObject }[];
  let since = 0;
  if (rv === '' || rv === '0') {
    events = etcd
      .list(key)
      .filter(matches)
      .map((object) => ({ type: 'ADDED', object }));
    since = etcd.revision;
  } else {
    since = Number(rv);
    if (!/^\d+$/.test(rv)) {
      // storage.ParseResourceVersion: `invalid resource version "x": …`, a 400 (watch.go).
      return {
        ok: false,
        operation: 'watch',
        status: badRequest(`invalid resource version ${JSON.stringify(rv)}`),
        key,
      };
    }
    events = etcd
      .events(since, key)
      .filter((e) => matches(e.object))
      .map((e) => ({ type: e.type, object: e.object }));
  }
  return {
    ok: true,
    operation: 'watch',
    code: 200,
    body: events,
    key,
    revision: etcd.revision,
    wrote: false,
    events: events.length,
    since,
  };
}

function notSimulated(
  info: RequestInfo,
  etcd: Etcd,
): { result: StageResult<StorageDetails>; response: HttpResponse } {
  const message = `the simulator does not model ${info.verb} requests yet`;
  return {
    result: {
      stage: 'storage',
      outcome: 'skipped',
      ...engineMessage('storage.notSimulated', { verb: info.verb }),
      details: { operation: 'none', key: '', revision: etcd.revision },
    },
    // 501 Not Implemented: an honest "the simulator stops here", not a made-up server answer.
    response: {
      status: 501,
      body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 501 },
    },
  };
}

/**
 * The storage stage: dispatches on the verb to the registry and turns its answer into the
 * stage verdict and the HTTP response (201 for a create, 200 otherwise).
 */
export function storageStage(
  info: RequestInfo,
  type: ResourceType,
  object: KubeObject | undefined,
  etcd: Etcd,
  env: ServerEnv,
  query: URLSearchParams,
  manager?: ManagerWrite,
): { result: StageResult<StorageDetails>; response: HttpResponse } {
  const grace = query.get('gracePeriodSeconds');
  const options: StoreOptions = {
    dryRun: query.getAll('dryRun').includes('All'),
    ...(manager === undefined ? {} : { manager }),
    ...(grace !== null && /^-?\d+$/.test(grace) ? { gracePeriodSeconds: Number(grace) } : {}),
  };
  let outcome: RegistryResult & { keys?: string[]; events?: number; since?: number };
  switch (info.verb) {
    case 'create':
      if (object === undefined) return notSimulated(info, etcd);
      outcome = createObject(type, info.namespace, object, etcd, env, options);
      break;
    case 'get':
      outcome = getObject(type, info.namespace, info.name, etcd);
      break;
    case 'list':
      outcome = listObjects(type, info.namespace, etcd, query);
      break;
    case 'update':
      if (object === undefined) return notSimulated(info, etcd);
      outcome = updateObject(type, info.namespace, info.name, object, etcd, options);
      break;
    case 'patch':
      if (object === undefined) return notSimulated(info, etcd);
      // Server-side apply creates a missing object (patch.go applyPatcher.createNewObject).
      outcome =
        etcd.get(storageKey(type, info.namespace, info.name)) === undefined
          ? createObject(type, info.namespace, object, etcd, env, options)
          : updateObject(type, info.namespace, info.name, object, etcd, options);
      break;
    case 'delete':
      outcome = deleteObject(type, info.namespace, info.name, etcd, env, options);
      break;
    case 'deletecollection':
      outcome = deleteCollection(type, info.namespace, etcd, env, query, options);
      break;
    case 'watch':
      outcome = watchObjects(type, info.namespace, etcd, query);
      break;
    default:
      return notSimulated(info, etcd);
  }
  return toStage(outcome, options, etcd);
}

const SUCCESS_MESSAGE = {
  create: 'storage.created',
  get: 'storage.read',
  list: 'storage.listed',
  update: 'storage.updated',
  delete: 'storage.deleted',
  none: 'storage.read',
  watch: 'storage.read',
  deletecollection: 'storage.deletedCollection',
} as const;

function toStage(
  outcome: RegistryResult & { keys?: string[]; events?: number; since?: number },
  options: StoreOptions,
  etcd: Etcd,
): { result: StageResult<StorageDetails>; response: HttpResponse } {
  if (!outcome.ok) {
    return {
      result: {
        stage: 'storage',
        outcome: 'failed',
        ...engineMessage('storage.failed', { reason: outcome.status.message ?? '' }),
        details: { operation: outcome.operation, key: outcome.key, revision: etcd.revision },
      },
      response: { status: outcome.status.code, body: outcome.status },
    };
  }
  const { operation, key, revision } = outcome;
  const isWrite =
    operation === 'create' ||
    operation === 'update' ||
    operation === 'delete' ||
    operation === 'deletecollection';
  const isNamespace = key.startsWith('/registry/namespaces/');
  let text: ReturnType<typeof engineMessage>;
  if (isWrite && options.dryRun) text = engineMessage('storage.dryRun', { operation, key, revision });
  else if (operation === 'update' && !outcome.wrote)
    text = engineMessage('storage.unchanged', { key, revision });
  else if (outcome.pendingDeletion && isNamespace)
    text = engineMessage('storage.namespaceTerminating', {
      name: key.slice('/registry/namespaces/'.length),
      revision,
    });
  else if (outcome.pendingDeletion) text = engineMessage('storage.deletionPending', { key, revision });
  else if (operation === 'list') {
    const count = (outcome.body as { items: unknown[] }).items.length;
    text = engineMessage('storage.listed', { count, key, revision });
  } else if (operation === 'watch') {
    text = engineMessage('storage.watched', {
      key,
      since: outcome.since ?? 0,
      count: outcome.events ?? 0,
      revision,
    });
  } else if (operation === 'deletecollection') {
    text = engineMessage('storage.deletedCollection', { count: outcome.keys?.length ?? 0, key, revision });
  } else text = engineMessage(SUCCESS_MESSAGE[operation], { key, revision });
  const details: StorageDetails = {
    operation,
    key,
    revision,
    ...(outcome.keys === undefined ? {} : { keys: outcome.keys }),
    ...(outcome.events === undefined ? {} : { events: outcome.events }),
    ...(isWrite && options.dryRun ? { dryRun: true } : {}),
  };
  return {
    result: { stage: 'storage', outcome: 'passed', ...text, details },
    response: { status: outcome.code, body: outcome.body },
  };
}

/** A stored object by its coordinates, for callers that only hold a type (admission lookups). */
export function readObject(
  etcd: Etcd,
  type: ResourceType,
  namespace: string,
  name: string,
): KubeObject | undefined {
  return etcd.get(storageKey(type, namespace, name));
}
