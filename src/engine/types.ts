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
  /**
   * A bootstrap token `<tokenId>.<tokenSecret>` (`[a-z0-9]{6}.[a-z0-9]{16}`), sent as a bearer token;
   * the server looks for Secret `kube-system/bootstrap-token-<tokenId>`.
   */
  | { readonly type: 'bootstrapToken'; readonly tokenId: string; readonly tokenSecret: string }
  /**
   * An OIDC ID token from an identity provider, sent as a bearer token. The simulator builds an
   * unsigned-looking JWT from `claims`; there is no network and no real signature.
   */
  | {
      readonly type: 'oidc';
      /** The token's claims, e.g. `{ iss, aud, sub, email, groups, exp }`. */
      readonly claims: Readonly<Record<string, unknown>>;
      /** Simulates a token whose signature the issuer's keys do not verify. */
      readonly badSignature?: boolean;
    }
  /**
   * An authenticating front proxy: the proxy presents its own client certificate and names the
   * user in `X-Remote-User` / `X-Remote-Group` / `X-Remote-Extra-*` headers.
   */
  | {
      readonly type: 'proxy';
      readonly user: string;
      readonly groups?: readonly string[];
      readonly extra?: Readonly<Record<string, readonly string[]>>;
      /** The proxy's certificate CN (`front-proxy-client` on kubeadm). */
      readonly proxyCommonName?: string;
      /** False: the proxy's certificate is not signed by `--requestheader-client-ca-file`. */
      readonly trusted: boolean;
    }
  /**
   * HTTP basic auth (`Authorization: Basic …`). kube-apiserver removed `--basic-auth-file` in
   * v1.19, so the header is read by nobody; kept to show the removal.
   */
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
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

/** `--authorization-mode` values (pkg/kubeapiserver/authorizer/modes/modes.go). */
export type AuthorizationMode = 'AlwaysAllow' | 'AlwaysDeny' | 'RBAC' | 'Node' | 'ABAC' | 'Webhook';

/**
 * The legacy OIDC flags (`--oidc-issuer-url`, `--oidc-client-id`, …), as
 * staging/src/k8s.io/apiserver/plugin/pkg/authenticator/token/oidc/oidc.go reads them.
 */
export interface OidcConfig {
  readonly enabled: boolean;
  /** `--oidc-issuer-url`: tokens whose `iss` differs are not this authenticator's. */
  readonly issuerURL: string;
  /** `--oidc-client-id`: the token's `aud` must contain it. */
  readonly clientID: string;
  /** `--oidc-username-claim` (default `sub`). */
  readonly usernameClaim: string;
  /**
   * `--oidc-username-prefix`. Unset: `<issuerURL>#` unless the claim is `email`; `-`: no prefix
   * (pkg/kubeapiserver/authenticator/config.go).
   */
  readonly usernamePrefix?: string;
  /** `--oidc-groups-claim`; unset means no groups from the token. */
  readonly groupsClaim?: string;
  readonly groupsPrefix?: string;
  /** `--oidc-required-claim` key=value pairs. */
  readonly requiredClaims?: Readonly<Record<string, string>>;
}

/** The `--requestheader-*` flags of the authenticating proxy (kubeadm's values by default). */
export interface RequestHeaderConfig {
  /** `--requestheader-client-ca-file` set. */
  readonly enabled: boolean;
  /** `--requestheader-allowed-names`; empty allows any CN signed by the CA. */
  readonly allowedNames: readonly string[];
  readonly usernameHeaders: readonly string[];
  readonly groupHeaders: readonly string[];
  readonly extraHeaderPrefixes: readonly string[];
}

/**
 * One line of an ABAC `--authorization-policy-file`
 * (pkg/apis/abac/v1beta1/types.go; matched by pkg/auth/authorizer/abac/abac.go).
 */
export interface AbacPolicy {
  readonly apiVersion: 'abac.authorization.kubernetes.io/v1beta1';
  readonly kind: 'Policy';
  readonly spec: {
    /** A user name or `*`. */
    readonly user?: string;
    /** A group name or `*`. */
    readonly group?: string;
    /** True: only get, list and watch. */
    readonly readonly?: boolean;
    /** `*` or an exact value; an unset field matches only the empty value. */
    readonly apiGroup?: string;
    readonly resource?: string;
    readonly namespace?: string;
    /** `*`, an exact path or a `/prefix/*`. */
    readonly nonResourcePath?: string;
  };
}

/**
 * One row of the table that stands in for a remote authorization webhook (the simulator has no
 * network). Rows are tried in order; the first whose every set field matches decides.
 */
export interface WebhookRule {
  readonly match: {
    readonly user?: string;
    readonly group?: string;
    readonly verb?: string;
    readonly resource?: string;
    readonly namespace?: string;
  };
  readonly decision: 'allow' | 'deny' | 'noOpinion';
  readonly reason: string;
}

/** What kube-apiserver's flags hold, for the parts the simulator models. */
export interface ServerConfig {
  /** Fields marked optional were added later; `withDefaults` always fills them. */
  readonly authentication: {
    /** `--anonymous-auth` */
    readonly anonymous: boolean;
    /** `--client-ca-file` set: x509 client certificates are checked. */
    readonly x509: boolean;
    /** `--token-auth-file` contents; empty disables the static token authenticator. */
    readonly tokenFile: readonly StaticTokenEntry[];
    /** `--service-account-key-file` / issuer set: service account tokens are checked. */
    readonly serviceAccountTokens: boolean;
    /** `--enable-bootstrap-token-auth` (kubeadm turns it on). */
    readonly bootstrapTokens?: boolean;
    /** `--oidc-*` flags. */
    readonly oidc?: OidcConfig;
    /** `--requestheader-*` flags: the authenticating front proxy. */
    readonly requestHeader?: RequestHeaderConfig;
  };
  readonly authorization: {
    /** `--authorization-mode`, in order. */
    readonly modes: readonly AuthorizationMode[];
    /** `--authorization-policy-file` lines, for ABAC. */
    readonly abacPolicy?: readonly AbacPolicy[];
    /** What the `Webhook` mode's remote service would answer (see WebhookRule). */
    readonly webhook?: readonly WebhookRule[];
    /**
     * With RBAC on, the server's `rbac/bootstrap-roles` post-start hook creates the default roles and
     * bindings (cluster-admin, admin, edit, view, system:basic-user, …) that are missing. Default true;
     * false starts from an empty RBAC world, as a lesson about RBAC alone may want.
     */
    readonly bootstrapPolicy?: boolean;
  };
  /** `--enable-admission-plugins`, run in the server's fixed order whatever order is listed. */
  readonly admission: AdmissionConfig;
}

/**
 * The admission part of the server config. `plugins` is `--enable-admission-plugins` (and, for the
 * default set, what `--disable-admission-plugins` leaves on); the server runs them in its own fixed
 * order (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins) whatever order they are listed in.
 */
export interface AdmissionConfig {
  readonly plugins: readonly AdmissionPluginName[];
  /**
   * What each admission webhook "answers", keyed by the webhook's `name` (e.g. `pod-policy.example.com`).
   * No webhook server runs in the simulator: this stands in for it. A webhook with no entry behaves as
   * if its Service cannot be reached, which is what a real cluster does when nothing serves it.
   */
  readonly webhookResponses?: Readonly<Record<string, SimulatedWebhookResponse>>;
}

/**
 * A stand-in for a webhook server's behaviour (the simulator cannot call a real one).
 * `allow`/`deny` become an AdmissionReview response; `patch` (mutating webhooks only) allows and
 * returns a JSONPatch; `unreachable` and `timeout` make the call fail, so the webhook's
 * failurePolicy decides.
 */
export type SimulatedWebhookResponse =
  | { readonly type: 'allow'; readonly warnings?: readonly string[] }
  | {
      readonly type: 'deny';
      /** status.message of the AdmissionResponse. */
      readonly message?: string;
      /** status.code; the apiserver raises anything below 400 to 400. */
      readonly code?: number;
      readonly reason?: string;
      readonly warnings?: readonly string[];
    }
  | {
      readonly type: 'patch';
      readonly patch: readonly JsonPatchOperation[];
      readonly warnings?: readonly string[];
    }
  | { readonly type: 'unreachable' }
  | { readonly type: 'timeout' };

/**
 * kube-apiserver's admission plugins, every name AllOrderedPlugins lists
 * (pkg/kubeapiserver/options/plugins.go). Only some are simulated; the rest are recorded as
 * "not simulated" when enabled.
 */
/** A ServerConfig with any field left out; `withDefaults` fills the gaps section by section. */
export interface ServerConfigInput {
  readonly authentication?: Partial<ServerConfig['authentication']>;
  readonly authorization?: Partial<ServerConfig['authorization']>;
  readonly admission?: ServerConfig['admission'];
}

export type AdmissionPluginName =
  | 'AlwaysAdmit'
  | 'NamespaceAutoProvision'
  | 'NamespaceLifecycle'
  | 'NamespaceExists'
  | 'LimitPodHardAntiAffinityTopology'
  | 'LimitRanger'
  | 'ServiceAccount'
  | 'NodeRestriction'
  | 'TaintNodesByCondition'
  | 'AlwaysPullImages'
  | 'ImagePolicyWebhook'
  | 'PodSecurity'
  | 'PodNodeSelector'
  | 'Priority'
  | 'DefaultTolerationSeconds'
  | 'PodTolerationRestriction'
  | 'EventRateLimit'
  | 'ExtendedResourceToleration'
  | 'DefaultStorageClass'
  | 'StorageObjectInUseProtection'
  | 'PodGroupProtection'
  | 'OwnerReferencesPermissionEnforcement'
  | 'PersistentVolumeClaimResize'
  | 'RuntimeClass'
  | 'CertificateApproval'
  | 'CertificateSigning'
  | 'ClusterTrustBundleAttest'
  | 'CertificateSubjectRestriction'
  | 'DefaultIngressClass'
  | 'DenyServiceExternalIPs'
  | 'PodTopologyLabels'
  | 'PodGroupWorkloadExists'
  | 'NodeDeclaredFeatureValidator'
  | 'JobValidation'
  | 'PodResizeValidator'
  | 'MutatingAdmissionPolicy'
  | 'MutatingAdmissionWebhook'
  | 'ValidatingAdmissionPolicy'
  | 'ValidatingAdmissionWebhook'
  | 'ResourceQuota'
  | 'AlwaysDeny';

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

/** metav1.StatusCause; `reason` (the Go field Type) and `field` are omitempty. */
export interface StatusCause {
  /** e.g. `FieldValueRequired`, `FieldValueInvalid`. */
  readonly reason?: string;
  readonly message: string;
  readonly field?: string;
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
  /** For `authenticated`: the user this authenticator produced (before `system:authenticated` is added). */
  readonly user?: UserInfo;
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
  /** What each authorizer in the chain answered, in order, up to the one that decided. */
  readonly trail?: readonly AuthorizerAnswer[];
  /** When RBAC did not allow: the rules bound to the user that came closest, fewest lacks first (at most 3). */
  readonly nearMisses?: readonly RbacNearMiss[];
  /** When the Webhook mode was consulted: the SubjectAccessReview it would POST, with the answer as its status. */
  readonly webhookReview?: Readonly<Record<string, unknown>>;
}

/**
 * Storage-stage details for writes the RBAC storage guards and for access reviews: the usual
 * StorageDetails plus what the guard or the review decided.
 */
export interface RbacStorageGuardDetails extends StorageDetails {
  /** For roles, clusterroles and their bindings: the escalation check (see authorization/rbac/escalation.ts). */
  readonly escalation?: {
    readonly bypass?: 'system:masters' | 'escalate' | 'bind' | 'only-gc-fields';
    /** The `escalate` or `bind` check that was made. */
    readonly verbCheck?: AuthorizationDetails;
    /** The permissions the author lacks, compacted, when the write was refused. */
    readonly missing?: readonly PolicyRule[];
    readonly status?: Status;
  };
  /** For an access review: the authorizer's decision it reports. */
  readonly review?: AuthorizationDetails;
}

/** One authorizer's answer: authorizer.Decision and its reason. */
export interface AuthorizerAnswer {
  readonly authorizer: string;
  readonly decision: 'allow' | 'deny' | 'noOpinion';
  readonly reason: string;
}

/** What a bound rule lacked to allow the request. */
export type RbacLack =
  | 'verb'
  | 'apiGroup'
  | 'resource'
  | 'subresource'
  | 'resourceName'
  | 'namespace'
  | 'nonResourceURL';

/** A rule bound to the user that almost allowed the request. */
export interface RbacNearMiss {
  readonly binding: ObjectRef;
  readonly role: ObjectRef;
  readonly ruleIndex: number;
  readonly rule: PolicyRule;
  readonly lacks: readonly RbacLack[];
  /** For a rule of an aggregated ClusterRole: the ClusterRole it was aggregated from. */
  readonly aggregatedFrom?: ObjectRef;
}

export interface RbacMatch {
  readonly binding: ObjectRef;
  readonly role: ObjectRef;
  /** Index of the rule in the role's rules (for an aggregated ClusterRole, in its aggregated rules). */
  readonly ruleIndex: number;
  readonly rule: PolicyRule;
  /** For an aggregated ClusterRole (`admin`, `edit`, `view`): the ClusterRole the rule came from. */
  readonly aggregatedFrom?: ObjectRef;
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

/**
 * One step of an admission phase: an in-tree plugin, one policy binding, or one webhook.
 * Steps are listed in the order they ran, so the UI can replay them one by one.
 */
export interface AdmissionPluginResult {
  /** Plugin name (`LimitRanger`), `<policy>/<binding>` for a policy, or the webhook's name. */
  readonly plugin: string;
  /** What kind of step this is; absent means an in-tree plugin. */
  readonly kind?: 'plugin' | 'policy' | 'webhook';
  /** The plugin that ran this step (`ValidatingAdmissionPolicy` for a policy binding, …). */
  readonly via?: AdmissionPluginName;
  /** `skipped`: the plugin does not handle this resource or operation (or is not simulated). */
  readonly outcome: 'passed' | 'failed' | 'skipped';
  readonly reason: string;
  /** For mutating steps that changed the object: the RFC 6902 patch it amounts to. */
  readonly patch?: readonly JsonPatchOperation[];
  /** For mutating steps that changed the object: the object just before and just after the step. */
  readonly before?: KubeObject;
  readonly after?: KubeObject;
  /** The exact Kubernetes text of a denial (the Status message the client receives). */
  readonly message?: string;
  /** Warnings this step added to the response (`Warning:` lines in kubectl). */
  readonly warnings?: readonly string[];
  /** Audit annotations this step would record (ValidatingAdmissionPolicy `Audit`, PodSecurity `audit`). */
  readonly auditAnnotations?: Readonly<Record<string, string>>;
  /** For webhooks: the AdmissionReview sent and the one received, as JSON on the wire. */
  readonly review?: { readonly request: unknown; readonly response?: unknown };
  /** True when this step is the second, re-invocation run (reinvocationPolicy: IfNeeded). */
  readonly reinvoked?: boolean;
  /** Per-expression results for CEL policies, in evaluation order. */
  readonly expressions?: readonly CelExpressionResult[];
}

/** The result of one CEL expression of a policy, for display. */
export interface CelExpressionResult {
  /** e.g. `matchConditions[0]`, `validations[1]`, `mutations[0]`. */
  readonly field: string;
  readonly expression: string;
  /** The value as JSON (CEL ints become numbers), or undefined on error. */
  readonly value?: unknown;
  readonly error?: string;
  /** Approximate cost units spent (the simulator's own count, not Kubernetes' cost model). */
  readonly cost?: number;
}

export interface AdmissionDetails {
  readonly plugins: readonly AdmissionPluginResult[];
  /** The object before and after this phase (mutating only). */
  readonly before?: KubeObject;
  readonly after?: KubeObject;
  /** The whole phase's change as one JSON Patch (mutating only). */
  readonly patch?: readonly JsonPatchOperation[];
  /** Set when CEL policies exist but the CEL interpreter was not loaded, so they were not evaluated. */
  readonly celNotLoaded?: boolean;
  /** Objects admission wrote as a side effect (ResourceQuota status), by etcd key. */
  readonly sideEffects?: readonly { readonly key: string; readonly object: KubeObject }[];
}

export interface ValidationDetails {
  readonly causes: readonly StatusCause[];
  /** False when the OpenAPI schemas were still loading: only the hand-modelled checks ran. */
  readonly schemaChecked?: boolean;
}

export interface DecodingDetails {
  readonly contentType: string;
  readonly object?: KubeObject;
  /** `fieldValidation` in force: the query parameter, else the server default `Warn`. */
  readonly fieldValidation?: FieldValidation;
  /** Unknown and duplicate fields found (`unknown field "spec.x"`), whatever the directive did with them. */
  readonly strictErrors?: readonly string[];
  /** False when the OpenAPI schemas were still loading: unknown fields and types were not checked. */
  readonly schemaChecked?: boolean;
  /** For a PATCH: the patch type and the live object it was applied to (endpoints/handlers/patch.go). */
  readonly patch?: PatchDetails;
}

/** How a PATCH body became the object that goes on to admission. */
export interface PatchDetails {
  /** `json`, `merge`, `strategic` or `apply` (types.PatchType without the media type). */
  readonly patchType: 'json' | 'merge' | 'strategic' | 'apply';
  /** The stored object the patch was applied to; absent when server-side apply creates the object. */
  readonly live?: KubeObject;
  /** The field manager recorded in metadata.managedFields. */
  readonly fieldManager: string;
}

/** metav1.FieldValidation directives (`?fieldValidation=`). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/**
 * The OpenAPI schemas of the built-in kinds, loaded on demand (src/engine/validation/schema/load.ts).
 * The engine never imports the schema data itself, so it stays out of the initial bundle.
 */
export interface SchemaProvider {
  /** Which package and Kubernetes version the schemas came from, for display. */
  readonly source: string;
  /** Checks an object against its kind's schema; undefined when the kind has no schema. */
  check(apiVersion: string, kind: string, object: unknown): SchemaCheck | undefined;
}

export interface SchemaCheck {
  /** Fields the schema does not define, as `spec.containers[0].imagee`, in document order. */
  readonly unknownFields: readonly string[];
  /** Values of the wrong JSON type or format, as decoding reports them. */
  readonly typeErrors: readonly SchemaTypeError[];
  /** Required fields that are missing (OpenAPI `required`), as `spec.containers`. */
  readonly missingRequired: readonly string[];
}

export interface SchemaTypeError {
  /** `spec.replicas` (no indices, as encoding/json names Go struct fields). */
  readonly goPath: string;
  /** `spec.containers[0].ports[0].containerPort`. */
  readonly field: string;
  /** The JSON kind found: `string`, `number`, `bool`, `array`, `object`. */
  readonly found: string;
  /** The Go type expected: `int32`, `string`, `bool`, `[]v1.Container`… (approximate for structs). */
  readonly expected: string;
  /** For `quantity` and other formats: the whole error text instead. */
  readonly text?: string;
}

/**
 * A CEL interpreter, loaded on demand (src/engine/admission/policy/cel-load.ts). Evaluation is
 * synchronous and bounded by a step budget, so an expensive expression fails instead of freezing.
 */
export interface CelEvaluator {
  /** Parses an expression; returns a message on syntax errors. */
  check(expression: string): string | undefined;
  /** Evaluates with the given variables (plain JSON values; integers become CEL ints). */
  evaluate(expression: string, bindings: Readonly<Record<string, unknown>>, budget?: number): CelOutcome;
}

export type CelOutcome =
  | { readonly ok: true; readonly value: unknown; readonly cost: number }
  | {
      readonly ok: false;
      /** `compile`: syntax; `runtime`: evaluation error; `cost`: the step budget ran out. */
      readonly kind: 'compile' | 'runtime' | 'cost';
      readonly error: string;
      readonly cost: number;
    };

/** Optional heavy parts of the engine, injected once they have loaded. */
export interface EngineExtensions {
  readonly schemas?: SchemaProvider;
  readonly cel?: CelEvaluator;
}

export interface StorageDetails {
  readonly operation: 'create' | 'get' | 'list' | 'update' | 'delete' | 'none' | 'watch' | 'deletecollection';
  /** The etcd key (or key prefix for a list). */
  readonly key: string;
  readonly revision: number;
  /** deletecollection: the keys it deleted (or marked for deletion). */
  readonly keys?: readonly string[];
  /** A watch: how many events it delivered. */
  readonly events?: number;
  /** True when `dryRun=All` kept the write from reaching etcd. */
  readonly dryRun?: boolean;
}

/**
 * One watch event as the apiserver streams it (metav1.WatchEvent, one JSON object per line on
 * the wire). The simulator answers a watch with the events it would have streamed so far, as an
 * array: the stream "closes" at once.
 */
export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: KubeObject;
}

export interface HttpResponse {
  readonly status: number;
  readonly body: unknown;
  /** `Warning:` response headers (299 warnings), in order; kubectl prints each as `Warning: <text>`. */
  readonly warnings?: readonly string[];
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
  /**
   * Which CA signed it: the client CA (`--client-ca-file`, the default) or the front-proxy CA
   * (`--requestheader-client-ca-file`). Each authenticator trusts only its own.
   */
  readonly signer?: 'client-ca' | 'front-proxy-ca';
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
