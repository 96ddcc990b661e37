/** What the mutating and validating admission stages record, step by step. */
import type { JsonPatchOperation, KubeObject } from './objects';
import type { AdmissionPluginName } from './server-config';

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
