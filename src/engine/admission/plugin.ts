import type { ResourceType } from '../resources';
import { forbidden } from '../responses/status';
import type {
  AdmissionPluginName,
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

/** One plugin's answer. A mutating plugin changes the `object` it is given in place. */
export type PluginVerdict =
  | { readonly outcome: 'passed' | 'skipped'; readonly reason: string }
  | { readonly outcome: 'failed'; readonly reason: string; readonly status: Status };

export interface MutatingPlugin {
  readonly name: AdmissionPluginName;
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
  validate(attrs: AdmissionAttributes, objects: ObjectReader): PluginVerdict;
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
