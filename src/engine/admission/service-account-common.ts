import { findResource, storageKey } from '../resources';
import type { KubeObject, ObjectReader } from '../types';
import { type AdmissionAttributes, admissionForbidden, isCorePods, type PluginVerdict } from './plugin';

/**
 * Shared parts of the ServiceAccount plugin (plugin/pkg/admission/serviceaccount/admission.go),
 * whose Admit ends by calling its own Validate.
 */

export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default';
export const ENFORCE_MOUNTABLE_SECRETS_ANNOTATION = 'kubernetes.io/enforce-mountable-secrets';
export const SERVICE_ACCOUNT_VOLUME_NAME = 'kube-api-access';
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** pkg/serviceaccount WarnOnlyBoundTokenExpirationSeconds: 1 hour + 7 s. */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 3607;

const SERVICE_ACCOUNTS = findResource('serviceaccounts');

export interface Container {
  name?: string;
  env?: { name?: string; valueFrom?: { secretKeyRef?: { name?: string } } }[];
  envFrom?: { secretRef?: { name?: string } }[];
  volumeMounts?: { name?: string; readOnly?: boolean; mountPath?: string }[];
  [field: string]: unknown;
}

export interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  containers?: Container[];
  initContainers?: Container[];
  volumes?: {
    name?: string;
    secret?: { secretName?: string };
    projected?: { sources?: { serviceAccountToken?: unknown }[] };
    [f: string]: unknown;
  }[];
  imagePullSecrets?: { name?: string }[];
  [field: string]: unknown;
}

export interface ServiceAccount extends KubeObject {
  automountServiceAccountToken?: boolean;
  secrets?: { name?: string }[];
  imagePullSecrets?: { name?: string }[];
}

export function podSpecOf(pod: KubeObject): PodSpec {
  if (typeof pod.spec !== 'object' || pod.spec === null) pod.spec = {};
  return pod.spec as PodSpec;
}

/** shouldIgnore: only pods (and their ephemeralcontainers subresource) with an object. */
export function shouldIgnore(attrs: AdmissionAttributes, object: KubeObject | undefined): string | undefined {
  if (!isCorePods(attrs)) return `only pods are checked, not ${attrs.type.resource}`;
  const sub = attrs.info.subresource;
  if (sub !== '' && sub !== 'ephemeralcontainers') return `the ${sub} subresource is not checked`;
  if (object === undefined) return 'there is no pod in the request';
  return undefined;
}

export function isMirrorPod(pod: KubeObject): boolean {
  return Object.hasOwn(pod.metadata?.annotations ?? {}, MIRROR_POD_ANNOTATION);
}

/** getServiceAccount: the lister, then (for `default`) retries against storage — one read here. */
export function lookupServiceAccount(
  objects: ObjectReader,
  namespace: string,
  name: string,
): ServiceAccount | undefined {
  if (SERVICE_ACCOUNTS === undefined) return undefined;
  return objects.get(storageKey(SERVICE_ACCOUNTS, namespace, name)) as ServiceAccount | undefined;
}

/** errors.NewNotFound(api.Resource("serviceaccount"), name).Error(): note the singular resource. */
export function serviceAccountNotFoundText(namespace: string, name: string): string {
  return `error looking up service account ${namespace}/${name}: serviceaccount ${JSON.stringify(name)} not found`;
}

/** strconv.ParseBool's true spellings. */
function parseBoolTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
}

/** limitSecretReferences, for service accounts annotated `kubernetes.io/enforce-mountable-secrets: "true"`. */
function limitSecretReferences(sa: ServiceAccount, spec: PodSpec): string | undefined {
  const saName = sa.metadata?.name ?? '';
  const mountable = new Set((sa.secrets ?? []).map((s) => s.name));
  for (const volume of spec.volumes ?? []) {
    const secretName = volume.secret?.secretName;
    if (volume.secret !== undefined && !mountable.has(secretName)) {
      return `volume with secret.secretName="${secretName ?? ''}" is not allowed because service account ${saName} does not reference that secret`;
    }
  }
  const groups: [string, Container[]][] = [
    ['init container', spec.initContainers ?? []],
    ['container', spec.containers ?? []],
  ];
  for (const [label, containers] of groups) {
    for (const c of containers) {
      for (const env of c.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref !== undefined && !mountable.has(ref.name)) {
          return `${label} ${c.name ?? ''} with envVar ${env.name ?? ''} referencing secret.secretName="${ref.name ?? ''}" is not allowed because service account ${saName} does not reference that secret`;
        }
      }
      for (const from of c.envFrom ?? []) {
        if (from.secretRef !== undefined && !mountable.has(from.secretRef.name)) {
          return `${label} ${c.name ?? ''} with envFrom referencing secret.secretName="${from.secretRef.name ?? ''}" is not allowed because service account ${saName} does not reference that secret`;
        }
      }
    }
  }
  const pullSecrets = new Set((sa.imagePullSecrets ?? []).map((s) => s.name));
  for (const [i, ref] of (spec.imagePullSecrets ?? []).entries()) {
    if (!pullSecrets.has(ref.name)) {
      return `imagePullSecrets[${i}].name="${ref.name ?? ''}" is not allowed because service account ${saName} does not reference that imagePullSecret`;
    }
  }
  return undefined;
}

/** The plugin's Validate, shared by the validating phase and the end of Admit. */
export function validatePod(
  attrs: AdmissionAttributes,
  pod: KubeObject,
  objects: ObjectReader,
): PluginVerdict {
  if (attrs.operation === 'UPDATE' && attrs.info.subresource === 'ephemeralcontainers') {
    return { outcome: 'skipped', reason: 'ephemeral container updates are not simulated' };
  }
  if (attrs.operation !== 'CREATE')
    return { outcome: 'skipped', reason: 'pod specs are only validated on create' };
  const spec = (pod.spec ?? {}) as PodSpec;
  const namespace = attrs.info.namespace;
  const reject = (text: string): PluginVerdict => ({
    outcome: 'failed',
    reason: text,
    status: admissionForbidden(attrs, pod, text),
  });

  if (isMirrorPod(pod)) {
    if ((spec.serviceAccountName ?? '') !== '')
      return reject('a mirror pod may not reference service accounts');
    const usesSecrets =
      (spec.volumes ?? []).some((v) => v.secret !== undefined) ||
      [...(spec.containers ?? []), ...(spec.initContainers ?? [])].some(
        (c) =>
          (c.env ?? []).some((e) => e.valueFrom?.secretKeyRef !== undefined) ||
          (c.envFrom ?? []).some((e) => e.secretRef !== undefined),
      ) ||
      (spec.imagePullSecrets ?? []).length > 0;
    if (usesSecrets) return reject('a mirror pod may not reference secrets');
    const projectsToken = (spec.volumes ?? []).some((v) =>
      (v.projected?.sources ?? []).some((s) => s.serviceAccountToken !== undefined),
    );
    if (projectsToken) return reject('a mirror pod may not use ServiceAccountToken volume projections');
    return { outcome: 'passed', reason: 'a mirror pod that references no service account or secrets' };
  }

  const saName = spec.serviceAccountName ?? '';
  if (saName === '')
    return reject(`no service account specified for pod ${namespace}/${pod.metadata?.name ?? ''}`);
  const sa = lookupServiceAccount(objects, namespace, saName);
  if (sa === undefined) return reject(serviceAccountNotFoundText(namespace, saName));
  if (parseBoolTrue(sa.metadata?.annotations?.[ENFORCE_MOUNTABLE_SECRETS_ANNOTATION])) {
    const problem = limitSecretReferences(sa, spec);
    if (problem !== undefined) return reject(problem);
    return {
      outcome: 'passed',
      reason: `service account ${namespace}/${saName} exists and allows every secret the pod uses`,
    };
  }
  return { outcome: 'passed', reason: `service account ${namespace}/${saName} exists` };
}
