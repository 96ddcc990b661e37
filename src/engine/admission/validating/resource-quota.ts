import { storageKey } from '../../resources';
import type { KubeObject, ObjectReader } from '../../types';
import { asObj, listIn, type Obj, objArray, resourceType, str } from '../common';
import {
  type AdmissionAttributes,
  admissionForbidden,
  type PluginVerdict,
  type ValidatingPlugin,
} from '../plugin';
import {
  addQuantity,
  compareQuantity,
  formatQuantity,
  parseQuantity,
  type Quantity,
  ZERO,
} from '../quantity';

/**
 * ResourceQuota's Validate (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go
 * checkRequest, and pkg/quota/v1/evaluator/core/pods.go): for each ResourceQuota in the namespace
 * that tracks something the new object uses, the pod must state the cpu/memory it is quota'd on,
 * and used + requested must stay within hard. On success the quota's status.used is charged.
 *
 * Simplified: `used` is recounted from etcd on every request, as if the quota controller were
 * always caught up (a real apiserver charges the recorded status.used and the controller
 * recalculates later); quotas with scopes or a scopeSelector are ignored; only creates are charged.
 */

type Usage = Record<string, Quantity>;

const COMPUTE = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

const COUNTED: Readonly<Record<string, string>> = {
  pods: 'pods',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  persistentvolumeclaims: 'persistentvolumeclaims',
  resourcequotas: 'resourcequotas',
  replicationcontrollers: 'replicationcontrollers',
};

function add(usage: Usage, key: string, value: Quantity): void {
  usage[key] = addQuantity(usage[key] ?? ZERO, value);
}

/** podComputeUsageHelper for one container's requests and limits. */
function containerUsage(container: Obj): Usage {
  const resources = asObj(container.resources);
  const usage: Usage = {};
  for (const [k, v] of Object.entries(asObj(resources.requests))) {
    const q = parseQuantity(v);
    if (q === undefined) continue;
    if (k === 'cpu' || k === 'memory') {
      add(usage, k, q);
      add(usage, `requests.${k}`, q);
    } else if (k === 'ephemeral-storage') add(usage, `requests.${k}`, q);
  }
  for (const [k, v] of Object.entries(asObj(resources.limits))) {
    const q = parseQuantity(v);
    if (q !== undefined && (k === 'cpu' || k === 'memory' || k === 'ephemeral-storage'))
      add(usage, `limits.${k}`, q);
  }
  return usage;
}

function isTerminal(pod: KubeObject): boolean {
  const phase = asObj(pod.status).phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** What one object counts for, by quota resource name. */
export function usageOf(resource: string, group: string, object: KubeObject): Usage {
  const usage: Usage = {};
  const one = parseQuantity('1') as Quantity;
  add(usage, `count/${group === '' ? resource : `${resource}.${group}`}`, one);
  const counted = group === '' ? COUNTED[resource] : undefined;
  if (counted !== undefined) add(usage, counted, one);
  if (group === '' && resource === 'pods') {
    if (isTerminal(object)) return {};
    const spec = asObj(object.spec);
    for (const c of objArray(spec.containers))
      for (const [k, v] of Object.entries(containerUsage(c))) add(usage, k, v);
    // Init containers run one at a time: each raises the total only if it needs more (max, not sum).
    for (const c of objArray(spec.initContainers)) {
      for (const [k, v] of Object.entries(containerUsage(c))) {
        const current = usage[k];
        if (current === undefined || compareQuantity(v, current) > 0) usage[k] = v;
      }
    }
  }
  if (group === '' && resource === 'persistentvolumeclaims') {
    const q = parseQuantity(asObj(asObj(asObj(object.spec).resources).requests).storage);
    if (q !== undefined) add(usage, 'requests.storage', q);
  }
  if (group === '' && resource === 'services') {
    const type = asObj(object.spec).type;
    if (type === 'NodePort' || type === 'LoadBalancer') add(usage, 'services.nodeports', one);
    if (type === 'LoadBalancer') add(usage, 'services.loadbalancers', one);
  }
  return usage;
}

/** The namespace's current usage of the resources `hard` names, counted from etcd. */
function currentUsage(objects: ObjectReader, namespace: string, resource: string, group: string): Usage {
  const usage: Usage = {};
  for (const object of objects.list(
    storageKey(resourceType(group === '' ? resource : `${resource}.${group}`), namespace),
  )) {
    for (const [k, v] of Object.entries(usageOf(resource, group, object))) add(usage, k, v);
  }
  return usage;
}

/** pods.go Constraints: a compute quota requires every container to state that resource. */
function missingConstraints(object: KubeObject, required: Set<string>): string | undefined {
  const needed = [...required].filter((r) => COMPUTE.has(r));
  if (needed.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  const spec = asObj(object.spec);
  for (const c of [...objArray(spec.containers), ...objArray(spec.initContainers)]) {
    const has = new Set(Object.keys(containerUsage(c)));
    for (const r of needed) {
      if (has.has(r)) continue;
      if (!missing.has(r)) missing.set(r, new Set());
      missing.get(r)?.add(str(c.name));
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()]
    .sort()
    .map((r) => `${r} for: ${[...(missing.get(r) ?? [])].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/** prettyPrint: sorted `name=quantity`, joined with commas. */
function prettyPrint(list: Usage): string {
  return Object.keys(list)
    .sort()
    .map((k) => `${k}=${formatQuantity(list[k] ?? ZERO)}`)
    .join(',');
}

function quotaHard(quota: KubeObject): Usage {
  const out: Usage = {};
  for (const [k, v] of Object.entries(asObj(asObj(quota.spec).hard))) {
    const q = parseQuantity(v);
    if (q !== undefined) out[k] = q;
  }
  return out;
}

export function checkQuota(attrs: AdmissionAttributes, objects: ObjectReader): PluginVerdict {
  if (attrs.operation !== 'CREATE')
    return { outcome: 'skipped', reason: 'only creates are charged to quota in the simulator' };
  if (attrs.info.subresource !== '')
    return { outcome: 'skipped', reason: `the ${attrs.info.subresource} subresource is not charged` };
  const object = attrs.object;
  const namespace = attrs.info.namespace;
  if (object === undefined || namespace === '')
    return { outcome: 'skipped', reason: 'only namespaced objects are charged to quota' };
  const quotas = listIn(objects, 'resourcequotas', namespace).filter((q) => {
    const spec = asObj(q.spec);
    return spec.scopes === undefined && spec.scopeSelector === undefined;
  });
  if (quotas.length === 0) return { outcome: 'passed', reason: `no ResourceQuota in namespace ${namespace}` };
  const { resource, group } = attrs.type;
  const requested = usageOf(resource, group, object);
  const used = currentUsage(objects, namespace, resource, group);
  const writes: { key: string; object: KubeObject }[] = [];
  const charged: string[] = [];
  for (const quota of quotas) {
    const name = quota.metadata?.name ?? '';
    const hard = quotaHard(quota);
    // The evaluator's MatchingResources: what the object would count for, plus, for pods, every
    // compute resource the quota names even if this pod asks for none of it.
    const tracked = Object.keys(hard).filter((k) => k in requested || (isPodCreate(attrs) && COMPUTE.has(k)));
    if (tracked.length === 0) continue;
    const constraint = isPodCreate(attrs)
      ? missingConstraints(object, new Set(Object.keys(hard)))
      : undefined;
    if (constraint !== undefined) {
      const text = `failed quota: ${name}: ${constraint}`;
      return { outcome: 'failed', reason: text, status: admissionForbidden(attrs, object, text) };
    }
    const exceeded = tracked.filter(
      (k) => compareQuantity(addQuantity(used[k] ?? ZERO, requested[k] ?? ZERO), hard[k] ?? ZERO) > 0,
    );
    if (exceeded.length > 0) {
      const mask = (u: Usage) => Object.fromEntries(exceeded.map((k) => [k, u[k] ?? ZERO]));
      const text = `exceeded quota: ${name}, requested: ${prettyPrint(mask(requested))}, used: ${prettyPrint(mask(used))}, limited: ${prettyPrint(mask(hard))}`;
      return { outcome: 'failed', reason: text, status: admissionForbidden(attrs, object, text) };
    }
    const newUsed: Record<string, string> = {};
    for (const k of Object.keys(hard))
      newUsed[k] = formatQuantity(addQuantity(used[k] ?? ZERO, requested[k] ?? ZERO));
    const hardText: Record<string, string> = {};
    for (const [k, v] of Object.entries(hard)) hardText[k] = formatQuantity(v);
    writes.push({
      key: storageKey(resourceType('resourcequotas'), namespace, name),
      object: { ...quota, status: { hard: hardText, used: newUsed } },
    });
    charged.push(`${name} (${tracked.map((k) => `${k}: ${newUsed[k]}/${hardText[k]}`).join(', ')})`);
  }
  if (writes.length === 0)
    return { outcome: 'passed', reason: `no ResourceQuota in namespace ${namespace} tracks ${resource}` };
  return {
    outcome: 'passed',
    reason: `within quota: ${charged.join('; ')}`,
    ...(attrs.dryRun ? {} : { writes }),
  };
}

function isPodCreate(attrs: AdmissionAttributes): boolean {
  return attrs.type.group === '' && attrs.type.resource === 'pods';
}

export const resourceQuotaValidating: ValidatingPlugin = {
  name: 'ResourceQuota',
  validate: (attrs, objects) => checkQuota(attrs, objects),
};
