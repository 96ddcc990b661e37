/**
 * The engine's shared vocabulary. Names follow Kubernetes' own types where one exists
 * (RequestInfo, UserInfo, PolicyRule, Status); each links the upstream source it models.
 * Everything here is plain, JSON-serialisable data.
 */

/** An HTTP request as kubectl (or curl) would put it on the wire. */
export interface HttpRequest {
  readonly method: HttpMethod;
  /** Path with its query string, e.g. `/api/v1/namespaces/default/pods?fieldValidation=Strict`. */
  readonly path: string;
  /** Header names in canonical case (`Content-Type`, `Impersonate-User`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body (kubectl sends JSON). Decoding is a pipeline stage, so this stays a string. */
  readonly body?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/**
 * What the apiserver works out from a request before authorizing it.
 * Models staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go.
 */
export interface RequestInfo {
  readonly isResourceRequest: boolean;
  /** The path without the query string. */
  readonly path: string;
  /** For resource requests: get|list|watch|create|update|patch|delete|deletecollection (or a custom verb);
   *  for non-resource requests: the lower-cased HTTP method. */
  readonly verb: string;
  /** `api` or `apis`; empty for non-resource requests. */
  readonly apiPrefix: string;
  /** Empty string is the core ("legacy") group. */
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
  /** The path split on `/` after the prefix, as the resolver sees it. */
  readonly parts: readonly string[];
}

/**
 * An authenticated identity.
 * Models staging/src/k8s.io/apiserver/pkg/authentication/user/user.go (DefaultInfo).
 */
export interface UserInfo {
  readonly username: string;
  readonly uid: string;
  readonly groups: readonly string[];
  readonly extra: Readonly<Record<string, readonly string[]>>;
}

/** A client credential, as it would sit in a kubeconfig user entry. */
export type Credential =
  /** `Authorization: Bearer <token>`; the server recognises it only if its token file lists it. */
  | { readonly type: 'token'; readonly token: string }
  /** A TLS client certificate: CN becomes the user name, each O a group. */
  | {
      readonly type: 'x509';
      readonly commonName: string;
      readonly organizations?: readonly string[];
      /** Simulated certificate problems; a valid certificate has neither. */
      readonly expired?: boolean;
      readonly unknownCA?: boolean;
    }
  /** A service account token (a signed JWT) for `system:serviceaccount:<namespace>:<name>`. */
  | { readonly type: 'serviceAccount'; readonly namespace: string; readonly name: string }
  /** No credential at all. */
  | { readonly type: 'anonymous' };

/** Someone the learner can send requests as: a name in the user picker and its credential. */
export interface UserSpec {
  /** The picker's name for this user (`alice`); not necessarily the authenticated user name. */
  readonly name: string;
  readonly credential: Credential;
  /** One line shown beside the name in the picker. */
  readonly description?: string;
}

/** One line of a `--token-auth-file`: `token,user,uid,"group1,group2"`. */
export interface StaticTokenEntry {
  readonly token: string;
  readonly user: string;
  readonly uid: string;
  readonly groups: readonly string[];
}

export type AuthorizationMode = 'AlwaysAllow' | 'AlwaysDeny' | 'RBAC';

/** What kube-apiserver's flags hold, for the parts the simulator models. */
export interface ServerConfig {
  readonly authentication: {
    /** `--anonymous-auth` */
    readonly anonymous: boolean;
    /** `--client-ca-file` set: x509 client certificates are checked. */
    readonly x509: boolean;
    /** `--token-auth-file` contents; empty disables the static token authenticator. */
    readonly tokenFile: readonly StaticTokenEntry[];
    /** `--service-account-key-file` / issuer set: service account tokens are checked. */
    readonly serviceAccountTokens: boolean;
  };
  /** `--authorization-mode`, in order. */
  readonly authorization: { readonly modes: readonly AuthorizationMode[] };
  /** `--enable-admission-plugins`, run in the server's fixed order whatever order is listed. */
  readonly admission: { readonly plugins: readonly AdmissionPluginName[] };
}

export type AdmissionPluginName = 'NamespaceLifecycle' | 'ServiceAccount';

/** A Kubernetes object as stored: plain JSON. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

/** RBAC's PolicyRule (k8s.io/api/rbac/v1). */
export interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

/** Reference to an RBAC object, for explanations. */
export interface ObjectRef {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/**
 * A metav1.Status body (apimachinery pkg/apis/meta/v1/types.go), the shape of every error response.
 */
export interface Status {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Success' | 'Failure';
  readonly message?: string;
  readonly reason?: StatusReason;
  readonly details?: StatusDetails;
  readonly code: number;
}

export type StatusReason =
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | 'InternalError';

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly uid?: string;
  readonly causes?: readonly StatusCause[];
}

export interface StatusCause {
  /** e.g. `FieldValueRequired`, `FieldValueInvalid`. */
  readonly reason: string;
  readonly message: string;
  readonly field: string;
}

/** The stages of the request pipeline, in the order they run. */
export type StageName =
  | 'authentication'
  | 'authorization'
  | 'decoding'
  | 'mutatingAdmission'
  | 'schemaValidation'
  | 'validatingAdmission'
  | 'storage';

export const STAGES: readonly StageName[] = [
  'authentication',
  'authorization',
  'decoding',
  'mutatingAdmission',
  'schemaValidation',
  'validatingAdmission',
  'storage',
];

export type StageOutcome = 'passed' | 'failed' | 'skipped';

/** A message the UI can translate: an id in the engine catalog plus its values. */
export interface EngineMessage {
  readonly id: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** One stage's verdict. `summary` is the English rendering of `message`. */
export interface StageResult<D = unknown> {
  readonly stage: StageName;
  readonly outcome: StageOutcome;
  readonly summary: string;
  readonly message: EngineMessage;
  /** Stage-specific facts (see the *Details types); shown raw in the inspector. */
  readonly details?: D;
}

export interface AuthenticatorAttempt {
  /** e.g. `x509`, `token-file`, `service-account`, `anonymous`. */
  readonly authenticator: string;
  /** `no-credential`: the authenticator saw nothing it handles and passed on. */
  readonly result: 'authenticated' | 'rejected' | 'no-credential' | 'disabled';
  readonly reason: string;
}

export interface AuthenticationDetails {
  readonly attempts: readonly AuthenticatorAttempt[];
  /** Who sent the request (the requestor, when impersonating). */
  readonly user?: UserInfo;
  /** Set when Impersonate-* headers switched the user: who the request then runs as, and the `impersonate` checks. */
  readonly impersonation?: {
    readonly user: UserInfo;
    readonly checks: readonly AuthorizationDetails[];
  };
}

export interface AuthorizationDetails {
  readonly attributes: AuthorizationAttributes;
  readonly decision: 'allow' | 'deny' | 'noOpinion';
  /** The authorizer that decided (`RBAC`, `AlwaysAllow`, `system:masters`…), if any did. */
  readonly authorizer?: string;
  readonly reason: string;
  /** For an RBAC allow: the binding, the role, and the index of the rule within it. */
  readonly matched?: RbacMatch;
}

export interface RbacMatch {
  readonly binding: ObjectRef;
  readonly role: ObjectRef;
  readonly ruleIndex: number;
  readonly rule: PolicyRule;
}

/** authorizer.Attributes (staging/src/k8s.io/apiserver/pkg/authorization/authorizer/interfaces.go). */
export interface AuthorizationAttributes {
  readonly user: UserInfo;
  readonly verb: string;
  readonly isResourceRequest: boolean;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
  readonly path: string;
}

/** RFC 6902 JSON Patch operation, the form a mutation is shown in. */
export interface JsonPatchOperation {
  readonly op: 'add' | 'remove' | 'replace';
  readonly path: string;
  readonly value?: unknown;
}

export interface AdmissionPluginResult {
  readonly plugin: string;
  /** `skipped`: the plugin does not handle this resource or operation. */
  readonly outcome: 'passed' | 'failed' | 'skipped';
  readonly reason: string;
  /** For mutating plugins: what it changed. */
  readonly patch?: readonly JsonPatchOperation[];
}

export interface AdmissionDetails {
  readonly plugins: readonly AdmissionPluginResult[];
  /** The object before and after this phase (mutating only). */
  readonly before?: KubeObject;
  readonly after?: KubeObject;
}

export interface ValidationDetails {
  readonly causes: readonly StatusCause[];
}

export interface DecodingDetails {
  readonly contentType: string;
  readonly object?: KubeObject;
}

export interface StorageDetails {
  readonly operation: 'create' | 'get' | 'list' | 'update' | 'delete' | 'none';
  /** The etcd key (or key prefix for a list). */
  readonly key: string;
  readonly revision: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly body: unknown;
}

/** Everything one request did: the contract between the engine and the UI. */
export interface Trace {
  readonly request: HttpRequest;
  readonly requestInfo: RequestInfo;
  readonly stages: readonly StageResult[];
  readonly response: HttpResponse;
  /** How kubectl would print this response (`pod/nginx created`, `Error from server (Forbidden): …`). */
  readonly kubectlOutput: string;
}

/** Read access to stored objects, by etcd key. The simulated etcd implements it. */
export interface ObjectReader {
  /** The object stored under `key`, or undefined. */
  get(key: string): KubeObject | undefined;
  /** Objects whose keys start with `prefix`, in key order. */
  list(prefix: string): KubeObject[];
}

/** The TLS client certificate presented on the connection (not a header). */
export interface ClientCertificate {
  readonly commonName: string;
  readonly organizations: readonly string[];
  readonly expired: boolean;
  readonly unknownCA: boolean;
}

/** A request as it reaches the server: the HTTP request plus what the TLS layer saw. */
export interface WireRequest {
  readonly request: HttpRequest;
  readonly clientCertificate?: ClientCertificate;
}

/** Time and randomness, injected so traces are reproducible in tests. */
export interface ServerEnv {
  now(): Date;
  /** A fresh RFC 4122 style uid. */
  newUid(): string;
  /** `n` random characters from Kubernetes' name-suffix alphabet (bcdfghjklmnpqrstvwxz2456789). */
  randomSuffix(n: number): string;
}
