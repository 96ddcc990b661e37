/**
 * Subresource handlers: `scale` (autoscaling/v1 Scale over a workload's spec.replicas,
 * pkg/registry/apps/deployment/storage/storage.go ScaleREST and its ReplicaSet/StatefulSet twins),
 * `status` (the StatusREST of each kind: only status changes), `pods/log`
 * (pkg/registry/core/pod/rest/log.go with strategy.go LogLocation) and the streaming
 * `pods/exec|attach|portforward` (pkg/registry/core/pod/rest/subresources.go).
 *
 * Simplifications: admission is not run for subresources (the plugins the simulator models act
 * only on main resources); a pod's log text comes from its kubelet, which is not simulated, so a
 * scheduled pod answers a one-line placeholder and an unscheduled pod the empty body the real
 * server sends; exec/attach/portforward stop with a 501 once the real server's checks pass, as
 * they need a streaming upgrade to the kubelet.
 */
import { type EngineMessageId, engineMessage } from '../messages';
import { apiVersionOf, type ResourceType, SUBRESOURCES, storageKey } from '../resources';
import { badRequest, conflict, invalid, notFound, pathNotFound } from '../responses/status';
import type {
  HttpRequest,
  HttpResponse,
  KubeObject,
  RequestInfo,
  ServerEnv,
  StageName,
  StageResult,
  Status,
  StorageDetails,
} from '../types';
import type { Etcd } from './etcd';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, PATCH_TYPE_OF_MEDIA_TYPE } from './patch';
import {
  changedFieldSet,
  type ManagedFieldsEntry,
  managerOrUserAgent,
  updateManagedFields,
} from './patch/managed-fields';
import { OPTIMISTIC_LOCK_ERROR_MSG, rfc3339 } from './registry';

export interface SubresourceContext {
  readonly etcd: Etcd;
  readonly env: ServerEnv;
}

const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets']);
const STREAMING = new Set(['exec', 'attach', 'portforward']);

function stage(
  name: StageName,
  outcome: StageResult['outcome'],
  id: EngineMessageId,
  values: Record<string, string | number> = {},
  details?: unknown,
): StageResult {
  return {
    stage: name,
    outcome,
    ...engineMessage(id, values),
    ...(details === undefined ? {} : { details }),
  };
}

function respond(status: Status): HttpResponse {
  return { status: status.code, body: status };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** metav1.FormatLabelSelector for matchLabels: `k=v` pairs sorted by key, comma-joined. */
function selectorString(object: KubeObject): string {
  const selector = (object.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)
    ?.selector;
  const labels = selector?.matchLabels ?? {};
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

/** scaleFromDeployment (and friends): an autoscaling/v1 Scale for a workload. */
export function scaleOf(object: KubeObject): KubeObject {
  const meta = object.metadata ?? {};
  const spec = (object.spec ?? {}) as { replicas?: number };
  const status = (object.status ?? {}) as { replicas?: number };
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      uid: meta.uid,
      resourceVersion: meta.resourceVersion,
      creationTimestamp: meta.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 1 },
    status: { replicas: status.replicas ?? 0, selector: selectorString(object) },
  };
}

function header(request: HttpRequest, name: string): string {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === wanted) return value;
  return '';
}

/** The body of a PUT or PATCH to a subresource, applied to `current` (the subresource's view). */
function bodyAgainst(
  request: HttpRequest,
  current: KubeObject,
): { ok: true; value: KubeObject } | { ok: false; status: Status } {
  const text = request.body ?? '';
  if (request.method === 'PUT') {
    try {
      const value = JSON.parse(text) as unknown;
      if (isObject(value)) return { ok: true, value: value as KubeObject };
    } catch {
      // fall through to the decode error
    }
    return { ok: false, status: badRequest('the object provided is unrecognized') };
  }
  const mediaType = (header(request, 'Content-Type').split(';')[0] ?? '').trim().toLowerCase();
  const patchType = PATCH_TYPE_OF_MEDIA_TYPE[mediaType];
  if (patchType === undefined || patchType === 'apply') {
    return {
      ok: false,
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          patchType === 'apply'
            ? 'the simulator does not model server-side apply on subresources'
            : `the body of the request was in an unknown format - accepted media types include: ${Object.keys(PATCH_TYPE_OF_MEDIA_TYPE).join(', ')}`,
        ...(patchType === 'apply' ? {} : { reason: 'UnsupportedMediaType' as const }),
        code: patchType === 'apply' ? 501 : 415,
      },
    };
  }
  if (patchType === 'json') {
    const result = applyJsonPatch(current, text);
    if (!result.ok || !isObject(result.value))
      return { ok: false, status: badRequest(result.ok ? 'invalid patch' : result.error) };
    return { ok: true, value: result.value as KubeObject };
  }
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      status: badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`),
    };
  }
  const value =
    patchType === 'merge' ? applyMergePatch(current, patch) : applyStrategicMergePatch(current, patch);
  return isObject(value)
    ? { ok: true, value: value as KubeObject }
    : { ok: false, status: badRequest('invalid patch') };
}

/**
 * Runs one subresource request after authorization; pushes the remaining stages onto `stages`.
 * Returns undefined for subresources it does not serve.
 */
export function runSubresource(
  ctx: SubresourceContext,
  request: HttpRequest,
  info: RequestInfo,
  type: ResourceType,
  stages: StageResult[],
): HttpResponse {
  const sub = info.subresource;
  const key = storageKey(type, info.namespace, info.name);
  const live = ctx.etcd.get(key);
  const isWrite = request.method === 'PUT' || request.method === 'PATCH';
  const detail = (operation: StorageDetails['operation'], revision = ctx.etcd.revision): StorageDetails => ({
    operation,
    key,
    revision,
  });
  const skipRest = (read: boolean) => {
    const id: EngineMessageId = read ? 'admission.readSkip' : 'admission.subresourceSimplified';
    stages.push(stage('mutatingAdmission', 'skipped', id, { verb: info.verb, subresource: sub }));
    stages.push(
      stage('schemaValidation', 'skipped', read ? 'admission.readSkip' : 'validation.notApplicable', {
        verb: info.verb,
      }),
    );
    stages.push(stage('validatingAdmission', 'skipped', id, { verb: info.verb, subresource: sub }));
  };
  const missing = () => {
    stages.push(stage('decoding', 'skipped', 'decoding.noBody', {}, { contentType: '' }));
    skipRest(true);
    const status = notFound(type.group, type.resource, info.name);
    stages.push(
      stage('storage', 'failed', 'storage.failed', { reason: status.message ?? '' }, detail('get')),
    );
    return respond(status);
  };

  const served =
    (sub === 'scale' && SCALABLE.has(type.resource)) ||
    sub === 'status' ||
    (type.group === '' && type.resource === 'pods' && (sub === 'log' || STREAMING.has(sub)));
  if (!served) {
    if ((SUBRESOURCES[type.resource] ?? []).includes(sub)) {
      // A real subresource (binding, eviction, token, finalize…) the simulator does not model.
      stages.push(
        stage('decoding', 'skipped', 'storage.notSimulated', {
          verb: `${info.verb} ${info.resource}/${sub}`,
        }),
      );
      return {
        status: 501,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `the simulator does not model the ${info.resource}/${sub} subresource yet`,
          code: 501,
        },
      };
    }
    stages.push(
      stage('decoding', 'skipped', 'stage.unknownResource', { resource: `${info.resource}/${sub}` }),
    );
    return respond(pathNotFound());
  }
  if (live === undefined) return missing();

  if (sub === 'log' || STREAMING.has(sub)) {
    stages.push(stage('decoding', 'skipped', 'decoding.noBody', {}, { contentType: '' }));
    skipRest(sub === 'log');
    const query = new URLSearchParams(request.path.split('?')[1] ?? '');
    const checked = validateContainer(live, query.get('container') ?? '');
    if (typeof checked !== 'string') {
      stages.push(
        stage('storage', 'failed', 'storage.failed', { reason: checked.message ?? '' }, detail('get')),
      );
      return respond(checked);
    }
    const nodeName = (live.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
    if (sub === 'log') {
      stages.push(stage('storage', 'passed', 'storage.podLog', { name: info.name, key }, detail('get')));
      // LogLocation returns no location for a pod without a node, and the handler streams nothing.
      const text =
        nodeName === ''
          ? ''
          : `[simulated] the kubelet on ${nodeName} would stream container "${checked}"'s log here; the simulator runs no containers`;
      return { status: 200, body: text };
    }
    if (nodeName === '') {
      const status = badRequest(`pod ${info.name} does not have a host assigned`);
      stages.push(
        stage('storage', 'failed', 'storage.failed', { reason: status.message ?? '' }, detail('get')),
      );
      return respond(status);
    }
    stages.push(
      stage('storage', 'skipped', 'storage.streamingNotSimulated', { subresource: sub }, detail('none')),
    );
    return {
      status: 501,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `the simulator does not open streaming connections: pods/${sub} needs a WebSocket or SPDY upgrade proxied to the kubelet on ${nodeName}`,
        code: 501,
      },
    };
  }

  const view = sub === 'scale' ? scaleOf(live) : live;
  if (!isWrite) {
    stages.push(stage('decoding', 'skipped', 'decoding.noBody', {}, { contentType: '' }));
    skipRest(true);
    stages.push(
      stage(
        'storage',
        'passed',
        sub === 'scale' ? 'storage.scaleRead' : 'storage.read',
        { key, revision: ctx.etcd.revision },
        detail('get'),
      ),
    );
    return { status: 200, body: view };
  }

  const body = bodyAgainst(request, view);
  const contentType = header(request, 'Content-Type');
  if (!body.ok) {
    stages.push(
      stage('decoding', 'failed', 'decoding.failed', { reason: body.status.message ?? '' }, { contentType }),
    );
    return respond(body.status);
  }
  const kind = sub === 'scale' ? 'Scale' : type.kind;
  stages.push(
    stage(
      'decoding',
      'passed',
      'decoding.subresource',
      { subresource: sub, kind, detail: `${request.method} applied to the current ${kind}` },
      { contentType, object: body.value },
    ),
  );
  const admissionId: EngineMessageId = 'admission.subresourceSimplified';
  stages.push(stage('mutatingAdmission', 'skipped', admissionId, { subresource: sub }));

  const sentVersion = body.value.metadata?.resourceVersion;
  const liveVersion = live.metadata?.resourceVersion;
  let next: KubeObject;
  if (sub === 'scale') {
    const replicas = (body.value.spec as { replicas?: unknown } | undefined)?.replicas;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
      // ValidateScale: spec.replicas must be >= 0.
      const status = invalid('autoscaling', 'Scale', info.name, [
        {
          type: 'FieldValueInvalid',
          field: 'spec.replicas',
          body: `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`,
        },
      ]);
      stages.push(
        stage(
          'schemaValidation',
          'failed',
          'validation.failed',
          { count: 1 },
          { causes: status.details?.causes ?? [] },
        ),
      );
      return respond(status);
    }
    stages.push(stage('schemaValidation', 'passed', 'validation.passed', { kind: 'Scale' }, { causes: [] }));
    const spec = { ...((live.spec ?? {}) as object), replicas };
    const changed = JSON.stringify(spec) !== JSON.stringify(live.spec);
    const generation = typeof live.metadata?.generation === 'number' ? live.metadata.generation : 1;
    next = {
      ...live,
      metadata: { ...live.metadata, generation: changed ? generation + 1 : generation },
      spec,
    };
  } else {
    stages.push(stage('schemaValidation', 'skipped', 'validation.notApplicable'));
    // StatusREST: PrepareForUpdate keeps everything but status from the stored object.
    next = { ...live, ...(body.value.status === undefined ? {} : { status: body.value.status }) };
  }
  stages.push(stage('validatingAdmission', 'skipped', admissionId, { subresource: sub }));

  if (sentVersion !== undefined && sentVersion !== '' && sentVersion !== liveVersion) {
    const status = conflict(type.group, type.resource, info.name, OPTIMISTIC_LOCK_ERROR_MSG);
    stages.push(
      stage('storage', 'failed', 'storage.failed', { reason: status.message ?? '' }, detail('update')),
    );
    return respond(status);
  }
  const query = new URLSearchParams(request.path.split('?')[1] ?? '');
  const dryRun = query.getAll('dryRun').includes('All');
  // The field manager records the write with its subresource (managedFields entry `subresource`).
  const entries = Array.isArray(live.metadata?.managedFields)
    ? (live.metadata?.managedFields as ManagedFieldsEntry[])
    : [];
  const owned = changedFieldSet(live, next);
  if (Object.keys(owned).length > 0) {
    const managedFields = updateManagedFields(entries, {
      manager: managerOrUserAgent(query.get('fieldManager'), header(request, 'User-Agent')),
      operation: 'Update',
      apiVersion: apiVersionOf(type),
      time: rfc3339(ctx.env.now()),
      owned,
      subresource: sub,
    });
    next = { ...next, metadata: { ...next.metadata, managedFields } };
  }
  const unchanged = JSON.stringify(next) === JSON.stringify(live);
  let stored = live;
  if (!unchanged && !dryRun) {
    const revision = ctx.etcd.revision + 1;
    stored = { ...next, metadata: { ...next.metadata, resourceVersion: String(revision) } };
    ctx.etcd.put(key, stored);
  } else if (dryRun) stored = next;
  const revision = ctx.etcd.revision;
  const message: EngineMessageId = dryRun
    ? 'storage.dryRun'
    : unchanged
      ? 'storage.unchanged'
      : sub === 'scale'
        ? 'storage.scaled'
        : 'storage.statusUpdated';
  const replicas = (stored.spec as { replicas?: number } | undefined)?.replicas ?? 0;
  stages.push(
    stage(
      'storage',
      'passed',
      message,
      { key, revision, replicas, operation: 'update' },
      {
        ...detail('update', revision),
        ...(dryRun ? { dryRun: true } : {}),
      },
    ),
  );
  return { status: 200, body: sub === 'scale' ? scaleOf(stored) : stored };
}

/** pkg/registry/core/pod/strategy.go validateContainer: the container to read, or a 400. */
function validateContainer(pod: KubeObject, container: string): string | Status {
  const spec = (pod.spec ?? {}) as { containers?: { name?: string }[]; initContainers?: { name?: string }[] };
  const names = (spec.containers ?? []).map((c) => c.name ?? '');
  const initNames = (spec.initContainers ?? []).map((c) => c.name ?? '');
  const name = pod.metadata?.name ?? '';
  if (container === '') {
    if (names.length === 1) return names[0] as string;
    const init = initNames.length > 0 ? ` or one of the init containers: [${initNames.join(' ')}]` : '';
    return badRequest(
      `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]${init}`,
    );
  }
  if (!names.includes(container) && !initNames.includes(container)) {
    return badRequest(`container ${container} is not valid for pod ${name}`);
  }
  return container;
}
