import type { ResourceType } from '../resources';
import { forbidden } from '../responses/status';
import type {
  AdmissionConfig,
  AdmissionPluginName,
  EngineExtensions,
  KubeObject,
  ObjectReader,
  RequestInfo,
  ServerEnv,
  Status,
  UserInfo,
} from '../types';

/**
 * admission.Attributes (staging/src/k8s.io/apiserver/pkg/admission/interfaces.go): what every
 * admission plugin sees about a write.
 */
export interface AdmissionAttributes {
  readonly operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  readonly info: RequestInfo;
  readonly type: ResourceType;
  /** The incoming object (CREATE, UPDATE); absent for DELETE and CONNECT. */
  readonly object?: KubeObject;
  /** The stored object (UPDATE, DELETE). */
  readonly oldObject?: KubeObject;
  readonly user: UserInfo;
  readonly dryRun: boolean;
}

/** What a plugin may add to the response besides its verdict. */
export interface VerdictExtras {
  /** Warning headers for the client. */
  readonly warnings?: readonly string[];
  /** Audit annotations (`pod-security.kubernetes.io/audit-violations`…). */
  readonly auditAnnotations?: Readonly<Record<string, string>>;
  /** Objects the plugin writes as a side effect (ResourceQuota's status.used), by etcd key. */
  readonly writes?: readonly { readonly key: string; readonly object: KubeObject }[];
}

/** One plugin's answer. A mutating plugin changes the `object` it is given in place. */
export type PluginVerdict =
  | ({ readonly outcome: 'passed' | 'skipped'; readonly reason: string } & VerdictExtras)
  | ({ readonly outcome: 'failed'; readonly reason: string; readonly status: Status } & VerdictExtras);

/** Everything beyond the request that admission may consult. */
export interface AdmissionContext {
  readonly objects: ObjectReader;
  readonly env: ServerEnv;
  readonly config: AdmissionConfig;
  readonly extensions: EngineExtensions;
}

export interface MutatingPlugin {
  readonly name: AdmissionPluginName;
  /**
   * False when Admit certainly leaves the object as it is for these attributes (another resource
   * or operation), so the chain can skip copying and comparing the object around it. Absent or
   * true: the chain compares. Only a hint for speed; it must never be false for a call that mutates.
   */
  mayMutate?(attrs: AdmissionAttributes): boolean;
  /** admission.MutationInterface.Admit. `object` is a private copy the plugin may change. */
  admit(
    attrs: AdmissionAttributes,
    object: KubeObject | undefined,
    objects: ObjectReader,
    env: ServerEnv,
  ): PluginVerdict;
}

export interface ValidatingPlugin {
  readonly name: AdmissionPluginName;
  /** admission.ValidationInterface.Validate: may only reject. */
  validate(attrs: AdmissionAttributes, objects: ObjectReader, env?: ServerEnv): PluginVerdict;
}

/** Go's utilerrors.NewAggregate(errs).Error(): one error alone, several as `[a, b]`. */
export function aggregateText(errs: readonly string[]): string {
  if (errs.length === 1) return errs[0] ?? '';
  return `[${errs.join(', ')}]`;
}

/**
 * admission.NewForbidden (staging/src/k8s.io/apiserver/pkg/admission/errors.go): the name comes
 * from the attributes, else the object's name, else its generateName, else "Unknown".
 */
export function admissionForbidden(
  attrs: AdmissionAttributes,
  object: KubeObject | undefined,
  errText: string,
): Status {
  const meta = object?.metadata;
  const name = attrs.info.name || meta?.name || meta?.generateName || 'Unknown';
  return forbidden(attrs.type.group, attrs.type.resource, name, errText);
}

export function isCorePods(attrs: AdmissionAttributes): boolean {
  return attrs.type.group === '' && attrs.type.resource === 'pods';
}
