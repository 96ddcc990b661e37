/** The per-resource strategies' part the simulator models (pkg/registry/<group>/<resource>/strategy.go). */
import type { ResourceType } from '../../resources';
import type { KubeObject } from '../../types';

type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown> };

/** pkg/apis/core/helper/qos/qos.go GetPodQOS, for cpu and memory. */
export function podQOSClass(pod: KubeObject): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const spec = (pod.spec ?? {}) as {
    containers?: { resources?: Resources }[];
    initContainers?: { resources?: Resources }[];
  };
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  const qosResources = ['cpu', 'memory'];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const r of qosResources) {
      if (requests[r] !== undefined || limits[r] !== undefined) any = true;
      if (limits[r] === undefined || String(requests[r] ?? limits[r]) !== String(limits[r]))
        guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * Kinds whose strategy sets metadata.generation to 1 on create and bumps it when the spec changes,
 * and resets status on create (pkg/registry/apps/*, batch/job, batch/cronjob, networking/ingress
 * strategy.go PrepareForCreate/PrepareForUpdate). Pods have no generation in v1.31.
 */
export const GENERATION_TRACKED = new Set([
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'ingresses',
]);
/** Kinds that bump generation but whose status the simulator leaves alone (networkpolicy, pdb strategy.go). */
const GENERATION_ONLY = new Set(['networkpolicies', 'poddisruptionbudgets']);

export function tracksGeneration(type: ResourceType): boolean {
  return GENERATION_TRACKED.has(type.resource) || GENERATION_ONLY.has(type.resource);
}

/** The strategies' PrepareForCreate: server-owned fields the request cannot set. */
export function prepareForCreate(type: ResourceType, object: KubeObject): KubeObject {
  const out = { ...object };
  if (type.group === '' && type.resource === 'pods') {
    // pkg/registry/core/pod/strategy.go: status is reset to Pending with the computed QoS class.
    out.status = { phase: 'Pending', qosClass: podQOSClass(out) };
  } else if (type.group === '' && type.resource === 'namespaces') {
    // pkg/registry/core/namespace/strategy.go: status Active, and the `kubernetes` finalizer is required.
    const spec = { ...((out.spec ?? {}) as { finalizers?: string[] }) };
    const finalizers = spec.finalizers ?? [];
    spec.finalizers = finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'];
    out.spec = spec;
    out.status = { phase: 'Active' };
  } else if (GENERATION_TRACKED.has(type.resource)) {
    out.status = {};
  }
  return out;
}
