import type { KubeObject, ServerEnv } from '../../types';
import { admissionForbidden, isCorePods, type MutatingPlugin, type PluginVerdict } from '../plugin';
import {
  type Container,
  DEFAULT_API_TOKEN_MOUNT_PATH,
  DEFAULT_SERVICE_ACCOUNT_NAME,
  isMirrorPod,
  lookupServiceAccount,
  type PodSpec,
  podSpecOf,
  SERVICE_ACCOUNT_VOLUME_NAME,
  type ServiceAccount,
  serviceAccountNotFoundText,
  shouldIgnore,
  validatePod,
  WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS,
} from '../service-account-common';

/** serviceaccount.TokenVolumeSource(): token, cluster CA and namespace, projected into one volume. */
export function tokenVolumeSource(): Record<string, unknown> {
  return {
    sources: [
      { serviceAccountToken: { expirationSeconds: WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
        },
      },
    ],
    // Set explicitly (0644), see kubernetes#104464.
    defaultMode: 420,
  };
}

/** shouldAutomount: the pod's preference wins, then the service account's, else true. */
function shouldAutomount(sa: ServiceAccount, spec: PodSpec): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof sa.automountServiceAccountToken === 'boolean') return sa.automountServiceAccountToken;
  return true;
}

/** mountServiceAccountToken: returns the volume name used, or undefined if no container needed it. */
function mountServiceAccountToken(spec: PodSpec, env: ServerEnv): string | undefined {
  const existing = (spec.volumes ?? []).find((v) =>
    (v.name ?? '').startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`),
  );
  const volumeName = existing?.name ?? `${SERVICE_ACCOUNT_VOLUME_NAME}-${env.randomSuffix(5)}`;
  let needsTokenVolume = false;
  const mountInto = (containers: Container[] | undefined) => {
    for (const c of containers ?? []) {
      const mounts = c.volumeMounts ?? [];
      // An existing mount at the default path prevents mounting the API token.
      if (mounts.some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) continue;
      c.volumeMounts = [
        ...mounts,
        { name: volumeName, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH },
      ];
      needsTokenVolume = true;
    }
  };
  mountInto(spec.initContainers);
  mountInto(spec.containers);
  if (existing === undefined && needsTokenVolume) {
    spec.volumes = [...(spec.volumes ?? []), { name: volumeName, projected: tokenVolumeSource() }];
  }
  return needsTokenVolume ? volumeName : undefined;
}

/**
 * ServiceAccount's Admit (plugin/pkg/admission/serviceaccount/admission.go): on pod CREATE,
 * default spec.serviceAccountName, require the service account, project its token, copy its
 * imagePullSecrets, then run Validate.
 */
export const serviceAccountMutating: MutatingPlugin = {
  name: 'ServiceAccount',
  mayMutate: (attrs) =>
    isCorePods(attrs) &&
    (attrs.info.subresource === '' || attrs.info.subresource === 'ephemeralcontainers') &&
    attrs.operation === 'CREATE',
  admit(attrs, object: KubeObject | undefined, objects, env): PluginVerdict {
    const ignore = shouldIgnore(attrs, object);
    if (ignore !== undefined || object === undefined) return { outcome: 'skipped', reason: ignore ?? '' };
    if (attrs.operation !== 'CREATE')
      return { outcome: 'skipped', reason: 'pods are only mutated on create' };
    if (isMirrorPod(object)) return validatePod(attrs, object, objects);

    const spec = podSpecOf(object);
    const namespace = attrs.info.namespace;
    const changes: string[] = [];
    if ((spec.serviceAccountName ?? '') === '') {
      spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT_NAME;
      changes.push('set spec.serviceAccountName to "default"');
    }
    const saName = spec.serviceAccountName as string;
    const sa = lookupServiceAccount(objects, namespace, saName);
    if (sa === undefined) {
      const text = serviceAccountNotFoundText(namespace, saName);
      return { outcome: 'failed', reason: text, status: admissionForbidden(attrs, object, text) };
    }
    if (shouldAutomount(sa, spec)) {
      const volume = mountServiceAccountToken(spec, env);
      if (volume !== undefined)
        changes.push(`mounted the projected token volume ${volume} at ${DEFAULT_API_TOKEN_MOUNT_PATH}`);
    } else {
      changes.push('automountServiceAccountToken is false, so no token was mounted');
    }
    if ((spec.imagePullSecrets ?? []).length === 0 && (sa.imagePullSecrets ?? []).length > 0) {
      spec.imagePullSecrets = (sa.imagePullSecrets ?? []).map((s) => ({ name: s.name ?? '' }));
      changes.push(`copied imagePullSecrets from service account ${saName}`);
    }
    const validated = validatePod(attrs, object, objects);
    if (validated.outcome === 'failed') return validated;
    return { outcome: 'passed', reason: changes.length > 0 ? changes.join('; ') : validated.reason };
  },
};
