/**
 * Decoding a PATCH: the apiserver reads the live object, applies the patch to it, and the result
 * goes on to admission and validation as an UPDATE (or, for server-side apply of a missing object,
 * a CREATE). Models staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (PatchResource,
 * jsonPatcher, smpPatcher, applyPatcher) and apimachinery's meta/v1/validation ValidatePatchOptions.
 *
 * Simplifications: patch bytes are not strict-decoded against a schema (unknown fields pass);
 * server-side apply merges the configuration into the live object with strategic-merge rules
 * instead of structured-merge-diff (fields the manager stops applying are not removed) and detects
 * conflicts only on leaves another manager owns.
 */
import { parseAllDocuments } from 'yaml';
import { engineMessage } from '../messages';
import { apiVersionOf, type ResourceType } from '../resources';
import { badRequest, invalid, notFound } from '../responses/status';
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  conflictMessage,
  type FieldSet,
  fieldSetOf,
  findApplyConflicts,
  type ManagedFieldsEntry,
  managerOrUserAgent,
  PATCH_TYPE_OF_MEDIA_TYPE,
  type PatchType,
  printManager,
} from '../storage/patch';
import type { DecodingDetails, HttpRequest, KubeObject, RequestInfo, StageResult, Status } from '../types';
import { checkJsonSyntax } from './go-json';

export interface PatchDecodeOutcome {
  readonly result: StageResult<DecodingDetails>;
  readonly object?: KubeObject;
  readonly status?: Status;
  /** True when server-side apply creates the object (admission sees CREATE). */
  readonly creating?: boolean;
  /** The field manager and, for apply, the applied field set, for metadata.managedFields. */
  readonly manager?: {
    readonly name: string;
    readonly operation: 'Update' | 'Apply';
    readonly applied?: FieldSet;
  };
}

/** patch.go: the patch types built-in resources accept, in the order the installer lists them. */
export const PATCH_MEDIA_TYPES = Object.keys(PATCH_TYPE_OF_MEDIA_TYPE);

function header(request: HttpRequest, name: string): string {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === wanted) return value;
  return '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function failure(
  contentType: string,
  patchType: string,
  status: Status,
  live?: KubeObject,
): PatchDecodeOutcome {
  return {
    result: {
      stage: 'decoding',
      outcome: 'failed',
      ...engineMessage('decoding.patchFailed', { patchType, reason: status.message ?? '' }),
      details: { contentType },
      ...(live === undefined ? {} : {}),
    },
    status,
  };
}

/** errors.NewGenericServerResponse(422, …) as patch.go returns it when a JSON patch does not apply. */
function unprocessable(): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server rejected our request due to an error in our request',
    reason: 'Invalid',
    details: {},
    code: 422,
  };
}

/** encoding/json's error for a body that is not JSON (Go's wording, from go-json.ts). */
function jsonError(text: string): string | undefined {
  return checkJsonSyntax(new TextEncoder().encode(text));
}

/** Server-managed metadata the patch must not see (patch.go sets managedFields aside while patching). */
function withoutManagedFields(object: KubeObject): KubeObject {
  const { managedFields: _m, ...meta } = object.metadata ?? {};
  return { ...object, metadata: meta };
}

/**
 * Applies the PATCH in `request` to `live` (undefined when nothing is stored under the URL's name).
 * `mediaType` is the request's Content-Type without parameters.
 */
export function decodePatchStage(
  request: HttpRequest,
  info: RequestInfo,
  type: ResourceType,
  mediaType: string,
  live: KubeObject | undefined,
): PatchDecodeOutcome {
  const patchType = PATCH_TYPE_OF_MEDIA_TYPE[mediaType];
  if (patchType === undefined) {
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `the body of the request was in an unknown format - accepted media types include: ${PATCH_MEDIA_TYPES.join(', ')}`,
      reason: 'UnsupportedMediaType',
      code: 415,
    };
    return failure(mediaType, 'unknown', status);
  }
  const query = new URLSearchParams(request.path.split('?')[1] ?? '');
  const fieldManager = query.get('fieldManager');
  // ValidatePatchOptions.
  if (patchType === 'apply' && (fieldManager === null || fieldManager === '')) {
    return failure(
      mediaType,
      patchType,
      invalid('meta.k8s.io', 'PatchOptions', '', [
        {
          type: 'FieldValueRequired',
          field: 'fieldManager',
          body: 'Required value: is required for apply patch',
        },
      ]),
    );
  }
  if (patchType !== 'apply' && query.has('force')) {
    return failure(
      mediaType,
      patchType,
      invalid('meta.k8s.io', 'PatchOptions', '', [
        {
          type: 'FieldValueForbidden',
          field: 'force',
          body: 'Forbidden: may not be specified for non-apply patch',
        },
      ]),
    );
  }
  const manager = managerOrUserAgent(fieldManager, header(request, 'User-Agent'));
  const text = request.body ?? '';

  if (patchType === 'apply')
    return serverSideApply(info, type, mediaType, text, live, manager, query.get('force') === 'true');

  if (live === undefined)
    return failure(mediaType, patchType, notFound(type.group, type.resource, info.name));
  const current = withoutManagedFields(live);
  let patched: unknown;
  if (patchType === 'json') {
    const result = applyJsonPatch(current, text);
    if (!result.ok) {
      const status = result.kind === 'decode' ? badRequest(jsonError(text) ?? result.error) : unprocessable();
      return {
        ...failure(mediaType, patchType, status),
        result: failedWith(mediaType, patchType, result.error),
      };
    }
    patched = result.value;
  } else {
    const syntax = jsonError(text);
    if (syntax !== undefined)
      return failure(mediaType, patchType, badRequest(`error decoding patch: ${syntax}`));
    const patch = JSON.parse(text) as unknown;
    if (!isObject(patch) && patchType === 'strategic') {
      return failure(
        mediaType,
        patchType,
        badRequest(
          `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`,
        ),
      );
    }
    patched =
      patchType === 'merge' ? applyMergePatch(current, patch) : applyStrategicMergePatch(current, patch);
  }
  return finish(info, type, mediaType, patchType, patched, live, { name: manager, operation: 'Update' });
}

function failedWith(contentType: string, patchType: string, reason: string): StageResult<DecodingDetails> {
  return {
    stage: 'decoding',
    outcome: 'failed',
    ...engineMessage('decoding.patchFailed', { patchType, reason }),
    details: { contentType },
  };
}

/** patch.go applyPatch's decode + checkName: the patched JSON must still be this object. */
function finish(
  info: RequestInfo,
  type: ResourceType,
  mediaType: string,
  patchType: PatchType,
  patched: unknown,
  live: KubeObject | undefined,
  manager: NonNullable<PatchDecodeOutcome['manager']>,
): PatchDecodeOutcome {
  if (!isObject(patched)) {
    return failure(
      mediaType,
      patchType,
      badRequest(
        `json: cannot unmarshal ${Array.isArray(patched) ? 'array' : typeof patched} into Go value of type ${type.kind}`,
      ),
    );
  }
  const object = patched as KubeObject;
  const meta = { ...(object.metadata ?? {}) };
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (name !== info.name) {
    return failure(
      mediaType,
      patchType,
      badRequest(`the name of the object (${name}) does not match the name on the URL (${info.name})`),
    );
  }
  const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (type.namespaced && ns !== '' && ns !== info.namespace) {
    return failure(
      mediaType,
      patchType,
      badRequest(
        `the namespace of the object (${ns}) does not match the namespace on the request (${info.namespace})`,
      ),
    );
  }
  // rest.EnsureObjectNamespaceMatchesRequestNamespace: an object without a namespace takes the URL's.
  if (type.namespaced) meta.namespace = info.namespace;
  else delete meta.namespace;
  const result: KubeObject = { ...object, apiVersion: apiVersionOf(type), kind: type.kind, metadata: meta };
  const creating = live === undefined;
  const text = creating
    ? engineMessage('decoding.applyCreates', { kind: type.kind, name })
    : engineMessage('decoding.patched', {
        patchType,
        kind: type.kind,
        name,
        resourceVersion: live.metadata?.resourceVersion ?? '',
      });
  return {
    result: {
      stage: 'decoding',
      outcome: 'passed',
      ...text,
      details: {
        contentType: mediaType,
        object: result,
        patch: { patchType, fieldManager: manager.name, ...(live === undefined ? {} : { live }) },
      },
    },
    object: result,
    ...(creating ? { creating } : {}),
    manager,
  };
}

/**
 * applyPatcher: the body is the full intended configuration (YAML or JSON). The simulator merges
 * it into the live object (strategic-merge rules) and refuses when it would change a field
 * another manager owns, unless `force=true`.
 */
function serverSideApply(
  info: RequestInfo,
  type: ResourceType,
  mediaType: string,
  text: string,
  live: KubeObject | undefined,
  manager: string,
  force: boolean,
): PatchDecodeOutcome {
  let config: unknown;
  try {
    const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: true });
    const doc = Array.isArray(docs) ? docs[0] : undefined;
    const error = doc?.errors[0];
    if (error !== undefined) throw new Error(error.message.split('\n')[0]);
    config = doc?.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    return failure(
      mediaType,
      'apply',
      badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
  if (!isObject(config)) {
    return failure(
      mediaType,
      'apply',
      badRequest(
        'error decoding patch: json: cannot unmarshal into Go value of type map[string]interface {}',
      ),
    );
  }
  const applied = fieldSetOf(config as KubeObject);
  const operation = { name: manager, operation: 'Apply' as const, applied };
  if (live === undefined) {
    const meta = { ...((config.metadata ?? {}) as Record<string, unknown>) };
    return finish(info, type, mediaType, 'apply', { ...config, metadata: meta }, undefined, operation);
  }
  const current = withoutManagedFields(live);
  const merged = applyStrategicMergePatch(current, config) as KubeObject;
  const entries = Array.isArray(live.metadata?.managedFields)
    ? (live.metadata?.managedFields as ManagedFieldsEntry[])
    : [];
  const conflicts = force ? [] : findApplyConflicts(entries, manager, live, merged, applied);
  if (conflicts.length > 0) {
    // internal/conflict.go NewConflictError → errors.NewApplyConflict: 409 Conflict with one cause per field.
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: conflictMessage(conflicts),
      reason: 'Conflict',
      details: {
        causes: conflicts.map((c) => ({
          reason: 'FieldManagerConflict',
          message: `conflict with ${printManager(c)}`,
          field: c.path,
        })),
      },
      code: 409,
    };
    return failure(mediaType, 'apply', status);
  }
  return finish(info, type, mediaType, 'apply', merged, live, operation);
}
