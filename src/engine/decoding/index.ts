import { parseAllDocuments } from 'yaml';
import { engineMessage } from '../messages';
import { apiVersionOf, RESOURCES, type ResourceType } from '../resources';
import { badRequest } from '../responses/status';
import type {
  DecodingDetails,
  HttpRequest,
  KubeObject,
  ObjectMeta,
  RequestInfo,
  SchemaProvider,
  StageResult,
  Status,
} from '../types';
import { checkFields, fieldValidationOf, pruneUnknownFields, typeErrorText } from './field-validation';
import { checkJsonSyntax, jsonKindName, MAX_NESTING_DEPTH } from './go-json';
import { decodePatchStage, type PatchDecodeOutcome } from './patch';
import { goYamlErrorText } from './yaml-errors';

/**
 * The decoding stage: body size limit, content negotiation, decoding to the URL's kind and the
 * checks the REST handlers make before admission. Models
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go, update.go, patch.go and rest.go
 * (limitedReadBody, transformDecodeError, checkName), and
 * staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go (Decode, gvkWithDefaults).
 */

/** genericapiserver Config.MaxRequestBodyBytes: 3 MiB. */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/** Aliases a YAML body may use; a handful is plenty for real manifests and stops "billion laughs" bodies. */
export const YAML_MAX_ALIAS_COUNT = 100;

/** Media types the built-in resources accept for create and update (1.31, without the CBOR gate). */
const BODY_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

export interface DecodeOutcome {
  readonly result: StageResult<DecodingDetails>;
  readonly object?: KubeObject;
  readonly status?: Status;
  /** Strict decoding errors reported as warnings (`fieldValidation=Warn`). */
  readonly warnings?: readonly string[];
}

/** What decoding may consult beyond the request. */
export interface DecodeOptions {
  /** The OpenAPI schemas, once loaded; without them unknown fields and JSON types are not checked. */
  readonly schemas?: SchemaProvider;
}

function header(request: HttpRequest, name: string): string {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === wanted) return value;
  return '';
}

/** The media type without parameters (`application/json; charset=utf-8` → `application/json`). */
function mediaTypeOf(request: HttpRequest): string {
  const raw = header(request, 'Content-Type');
  const bare = (raw.split(';')[0] ?? '').trim().toLowerCase();
  // negotiation.NegotiateInputSerializer: no Content-Type means the first supported type, JSON.
  return bare === '' ? 'application/json' : bare;
}

function statusOf(code: number, reason: Status['reason'], message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

/** apierrors.NewRequestEntityTooLargeError(fmt.Sprintf("limit is %d", limit)). */
export function requestEntityTooLarge(limit: number): Status {
  return statusOf(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}

/** negotiation.NewUnsupportedMediaTypeError. */
function unsupportedMediaType(accepted: readonly string[]): Status {
  return statusOf(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

function failed(contentType: string, status: Status): DecodeOutcome {
  return {
    result: {
      stage: 'decoding',
      outcome: 'failed',
      ...engineMessage('decoding.failed', { reason: status.message ?? '' }),
      details: { contentType },
    },
    status,
  };
}

/** rest.go summarizeData: the first 30 bytes, as text for a JSON object, else as hex. */
function summarizeData(bytes: Uint8Array, maxLength = 30): string {
  if (bytes.length === 0) return '<empty>';
  const head = bytes.subarray(0, maxLength);
  const more = bytes.length > maxLength ? ' ...' : '';
  if (bytes[0] === 0x7b) return `${new TextDecoder().decode(head)}${more}`;
  return `${[...head].map((b) => b.toString(16).padStart(2, '0')).join('')}${more}`;
}

/** The anonymous struct runtime/serializer/json/meta.go Interpret unmarshals into. */
const FIND_KIND_TYPE =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/** Parses `group/version` or `version` (schema.ParseGroupVersion). */
function splitGroupVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash === -1
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Go package names of the internal types, used in conversion errors (`core.Pod`, `apps.Deployment`). */
const INTERNAL_PACKAGE: Readonly<Record<string, string>> = {
  '': 'core',
  apps: 'apps',
  batch: 'batch',
  'rbac.authorization.k8s.io': 'rbac',
  'networking.k8s.io': 'networking',
  policy: 'policy',
  'storage.k8s.io': 'storage',
  'admissionregistration.k8s.io': 'admissionregistration',
};

/**
 * Older versions the apiserver's scheme still registers (so they decode) but no longer serves.
 * A body in one of them converts fine, then fails create.go's group-version check.
 */
const LEGACY_REGISTERED: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1'],
  ReplicaSet: ['apps/v1beta2', 'extensions/v1beta1'],
  DaemonSet: ['apps/v1beta2', 'extensions/v1beta1'],
  StatefulSet: ['apps/v1beta1', 'apps/v1beta2'],
  CronJob: ['batch/v1beta1'],
  PodDisruptionBudget: ['policy/v1beta1'],
  Ingress: ['networking.k8s.io/v1beta1', 'extensions/v1beta1'],
  NetworkPolicy: ['extensions/v1beta1'],
  Role: ['rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1'],
  RoleBinding: ['rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1'],
  ClusterRole: ['rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1'],
  ClusterRoleBinding: ['rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1'],
};

/** Where a decoded value came from, for messages. */
type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

function parseJsonBody(bytes: Uint8Array, text: string): Parsed {
  const syntax = checkJsonSyntax(bytes);
  if (syntax !== undefined)
    return { ok: false, error: `couldn't get version/kind; json parse error: ${syntax}` };
  return { ok: true, value: JSON.parse(text) as unknown };
}

/** Depth of nested arrays/objects, without recursion; stops counting past `limit`. */
function nestingExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * YAML bodies as sigs.k8s.io/yaml reads them: YAML → JSON, first document only.
 * Kubernetes' YAML is 1.1 (`yes`/`no` are booleans, `012` is octal), so the parser runs in 1.1 mode.
 * Error texts come from the `yaml` package, not go-yaml, so only their prefix matches the real server.
 */
function parseYamlBody(text: string): Parsed {
  try {
    const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: true });
    const doc = Array.isArray(docs) ? docs[0] : undefined;
    if (doc === undefined) return { ok: true, value: null };
    const error = doc.errors[0];
    if (error !== undefined) {
      const line = error.linePos?.[0]?.line;
      const first = error.message.split('\n')[0] ?? error.message;
      return {
        ok: false,
        error: `error converting YAML to JSON: yaml: ${line === undefined ? '' : `line ${line}: `}${first}`,
      };
    }
    const value: unknown = doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
    if (nestingExceeds(value, MAX_NESTING_DEPTH)) {
      return {
        ok: false,
        error: `error converting YAML to JSON: yaml: exceeded max depth of ${MAX_NESTING_DEPTH}`,
      };
    }
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    // An alias to no anchor, or too many aliases: go-yaml's words for them.
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      return { ok: false, error: `error converting YAML to JSON: yaml: ${goYamlErrorText(e)}` };
    }
    if (e instanceof RangeError) {
      return {
        ok: false,
        error: `error converting YAML to JSON: yaml: exceeded max depth of ${MAX_NESTING_DEPTH}`,
      };
    }
    return {
      ok: false,
      error: `error converting YAML to JSON: yaml: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/**
 * Drops `__proto__` keys at any depth. JSON.parse and yaml's toJS create them as harmless own
 * properties, but any later `target[key] = value` copy would turn one into a prototype change.
 * The apiserver itself drops unknown fields, and `__proto__` is never a known one.
 */
function stripProtoKeys(value: unknown): unknown {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (!Array.isArray(v) && Object.hasOwn(v, '__proto__')) Reflect.deleteProperty(v, '__proto__');
    for (const child of Object.values(v)) stack.push(child);
  }
  return value;
}

/** json.Unmarshal type errors for the metadata fields everything relies on. */
function metadataTypeError(kind: string, object: Record<string, unknown>): string | undefined {
  const field = (path: string, value: unknown, goType: string) =>
    `json: cannot unmarshal ${jsonKindName(value)} into Go struct field ${kind}.${path} of type ${goType}`;
  const meta = object.metadata;
  if (meta === undefined || meta === null) return undefined;
  if (typeof meta !== 'object' || Array.isArray(meta)) return field('metadata', meta, 'v1.ObjectMeta');
  const m = meta as Record<string, unknown>;
  for (const key of ['name', 'generateName', 'namespace', 'resourceVersion', 'uid']) {
    const v = m[key];
    if (v !== undefined && v !== null && typeof v !== 'string') return field(`metadata.${key}`, v, 'string');
  }
  for (const key of ['labels', 'annotations']) {
    const v = m[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'object' || Array.isArray(v)) return field(`metadata.${key}`, v, 'map[string]string');
    for (const entry of Object.values(v)) {
      if (entry !== null && typeof entry !== 'string') return field(`metadata.${key}`, entry, 'string');
    }
  }
  return undefined;
}

/** create.go's WipeObjectMetaSystemFields: fields a create request cannot set. */
function wipeSystemFields(meta: ObjectMeta): void {
  delete meta.creationTimestamp;
  delete meta.uid;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
}

function decodeKindError(
  type: ResourceType,
  kind: string,
  apiVersion: string,
  version: string,
): string | undefined {
  const known = RESOURCES.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
  const legacy = (LEGACY_REGISTERED[kind] ?? []).includes(apiVersion);
  if (known === undefined && !legacy) {
    return `no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme "pkg/api/legacyscheme/scheme.go:30"`;
  }
  if (kind !== type.kind) {
    // The body decodes as its own type, then conversion to the URL's internal type fails.
    return `converting (${version}.${kind}) to (${INTERNAL_PACKAGE[type.group] ?? type.group}.${type.kind}): unknown conversion`;
  }
  return undefined;
}

/**
 * Decodes the body of a create or update into an object of the URL's kind. Reads and deletes have
 * no body to decode (`skipped`). A failure carries the Status the apiserver would send.
 */
export function decodeStage(
  request: HttpRequest,
  info: RequestInfo,
  type: ResourceType,
  live?: KubeObject,
  options: DecodeOptions = {},
): DecodeOutcome | PatchDecodeOutcome {
  const mediaType = mediaTypeOf(request);
  if (info.verb !== 'create' && info.verb !== 'update' && info.verb !== 'patch') {
    return {
      result: {
        stage: 'decoding',
        outcome: 'skipped',
        ...engineMessage('decoding.noBody'),
        details: { contentType: '' },
      },
    };
  }

  // limitedReadBody runs before anything looks at the bytes.
  const text = request.body ?? '';
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_REQUEST_BODY_BYTES)
    return failed(mediaType, requestEntityTooLarge(MAX_REQUEST_BODY_BYTES));

  // PATCH bodies are applied to the live object (patch.ts, endpoints/handlers/patch.go).
  if (info.verb === 'patch') return decodePatchStage(request, info, type, mediaType, live);
  if (!BODY_MEDIA_TYPES.includes(mediaType)) return failed(mediaType, unsupportedMediaType(BODY_MEDIA_TYPES));
  if (mediaType === 'application/vnd.kubernetes.protobuf') {
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the simulator does not decode protobuf bodies',
      code: 501,
    };
    return failed(mediaType, status);
  }

  const parsed = mediaType === 'application/yaml' ? parseYamlBody(text) : parseJsonBody(bytes, text);
  if (!parsed.ok) {
    return failed(
      mediaType,
      badRequest(
        `the object provided is unrecognized (must be of type ${type.kind}): ${parsed.error} (${summarizeData(bytes)})`,
      ),
    );
  }
  const value = stripProtoKeys(parsed.value);
  // meta.go Interpret: the body must be a JSON object (null decodes to an empty one).
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    const error = `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKindName(value)} into Go value of type ${FIND_KIND_TYPE}`;
    return failed(
      mediaType,
      badRequest(
        `the object provided is unrecognized (must be of type ${type.kind}): ${error} (${summarizeData(bytes)})`,
      ),
    );
  }
  const raw = (value ?? {}) as Record<string, unknown>;
  for (const field of ['apiVersion', 'kind']) {
    const v = raw[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      const error = `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKindName(v)} into Go struct field .${field} of type string`;
      return failed(
        mediaType,
        badRequest(
          `the object provided is unrecognized (must be of type ${type.kind}): ${error} (${summarizeData(bytes)})`,
        ),
      );
    }
  }

  // json.go gvkWithDefaults: a missing kind or version is taken from the URL.
  const sent = splitGroupVersion(typeof raw.apiVersion === 'string' ? raw.apiVersion : '');
  const kind = typeof raw.kind === 'string' && raw.kind !== '' ? raw.kind : type.kind;
  let { group, version } = sent;
  if (version === '' && group === '') ({ group, version } = type);
  else if (version === '' && group === type.group) version = type.version;
  const apiVersion = group === '' ? version : `${group}/${version}`;

  // transformDecodeError: `<Kind> in version "<version>" cannot be handled as a <URL Kind>: <err>`.
  const handledAs = (err: string) =>
    failed(
      mediaType,
      badRequest(`${kind} in version ${JSON.stringify(version)} cannot be handled as a ${type.kind}: ${err}`),
    );
  const kindError = decodeKindError(type, kind, apiVersion, version);
  if (kindError !== undefined) return handledAs(kindError);
  const typeError = metadataTypeError(kind, raw);
  if (typeError !== undefined) return handledAs(typeError);

  // create.go / update.go: the decoded group/version must be the URL's.
  if (apiVersion !== apiVersionOf(type)) {
    return failed(
      mediaType,
      badRequest(
        `the API version in the data (${apiVersion}) does not match the expected API version (${apiVersionOf(type)})`,
      ),
    );
  }

  const meta: ObjectMeta = { ...((raw.metadata ?? {}) as ObjectMeta) };
  const expectedNamespace = type.namespaced ? info.namespace : '';
  if (info.verb === 'update') {
    // rest.go checkName runs first on an update.
    const objName = meta.name ?? '';
    if (objName !== info.name) {
      return failed(
        mediaType,
        badRequest(`the name of the object (${objName}) does not match the name on the URL (${info.name})`),
      );
    }
    const objNamespace = meta.namespace ?? '';
    if (expectedNamespace !== '' && objNamespace !== '' && objNamespace !== expectedNamespace) {
      return failed(
        mediaType,
        badRequest(
          `the namespace of the object (${objNamespace}) does not match the namespace on the request (${expectedNamespace})`,
        ),
      );
    }
  } else {
    wipeSystemFields(meta);
  }
  // rest.EnsureObjectNamespaceMatchesRequestNamespace.
  const objNamespace = meta.namespace ?? '';
  if (expectedNamespace === '') delete meta.namespace;
  else if (objNamespace === '') meta.namespace = expectedNamespace;
  else if (objNamespace !== expectedNamespace) {
    return failed(
      mediaType,
      badRequest('the namespace of the provided object does not match the namespace sent on the request'),
    );
  }

  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = raw;
  const object: KubeObject = { apiVersion: apiVersionOf(type), kind: type.kind, metadata: meta, ...rest };
  const name = meta.name ?? (meta.generateName === undefined ? '' : `${meta.generateName}…`);

  // Type errors and strict field validation (field-validation.ts): JSON type errors always fail;
  // unknown and duplicate fields fail only with fieldValidation=Strict.
  const fieldValidation = fieldValidationOf(request.path);
  const fields = checkFields(
    options.schemas,
    apiVersionOf(type),
    type.kind,
    object,
    mediaType === 'application/json' ? text : undefined,
  );
  const schemaChecked = fields.check !== undefined;
  const firstTypeError = fields.check?.typeErrors[0];
  if (firstTypeError !== undefined) return handledAs(typeErrorText(type.kind, firstTypeError));
  if (fields.strictErrors.length > 0 && fieldValidation === 'Strict') {
    const outcome = handledAs(`strict decoding error: ${fields.strictErrors.join(', ')}`);
    return {
      ...outcome,
      result: {
        ...outcome.result,
        details: {
          contentType: mediaType,
          fieldValidation,
          strictErrors: fields.strictErrors,
          schemaChecked,
        },
      },
    };
  }
  if (fields.check !== undefined) pruneUnknownFields(object, fields.check.unknownFields);
  const warnings = fieldValidation === 'Warn' ? fields.strictErrors : [];
  const text2 = !schemaChecked
    ? engineMessage('decoding.decodedWithoutSchema', { contentType: mediaType, kind: type.kind, name })
    : fields.strictErrors.length > 0
      ? engineMessage('decoding.decodedStrictErrors', {
          contentType: mediaType,
          kind: type.kind,
          name,
          count: fields.strictErrors.length,
          fieldValidation,
        })
      : engineMessage('decoding.decoded', { contentType: mediaType, kind: type.kind, name });
  return {
    result: {
      stage: 'decoding',
      outcome: 'passed',
      ...text2,
      details: {
        contentType: mediaType,
        object,
        fieldValidation,
        ...(fields.strictErrors.length > 0 ? { strictErrors: fields.strictErrors } : {}),
        schemaChecked,
      },
    },
    object,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
