/** kube-apiserver's flags, for the parts the simulator models, and the environment it runs in. */
import type { StaticTokenEntry } from './identity';
import type { JsonPatchOperation } from './objects';

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

/** A ServerConfig with any field left out; `withDefaults` fills the gaps section by section. */
export interface ServerConfigInput {
  readonly authentication?: Partial<ServerConfig['authentication']>;
  readonly authorization?: Partial<ServerConfig['authorization']>;
  readonly admission?: ServerConfig['admission'];
}

/**
 * kube-apiserver's admission plugins, every name AllOrderedPlugins lists
 * (pkg/kubeapiserver/options/plugins.go). Only some are simulated; the rest are recorded as
 * "not simulated" when enabled.
 */
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

/** Time and randomness, injected so traces are reproducible in tests. */
export interface ServerEnv {
  now(): Date;
  /** A fresh RFC 4122 style uid. */
  newUid(): string;
  /** `n` random characters from Kubernetes' name-suffix alphabet (bcdfghjklmnpqrstvwxz2456789). */
  randomSuffix(n: number): string;
}
