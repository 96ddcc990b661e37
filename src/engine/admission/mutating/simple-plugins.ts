import type { KubeObject } from '../../types';
import { asObj, getObject, isObj, listIn, objArray, str } from '../common';
import { admissionForbidden, isCorePods, type MutatingPlugin, type PluginVerdict } from '../plugin';

/** The smaller in-tree mutating plugins, each after its plugin/pkg/admission source. */

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
/** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds: 300. */
const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds/admission.go): a pod
 * that does not tolerate the not-ready / unreachable NoExecute taints gets tolerations for 300 s.
 */
export const defaultTolerationSeconds: MutatingPlugin = {
  name: 'DefaultTolerationSeconds',
  mayMutate: (attrs) =>
    isCorePods(attrs) &&
    attrs.info.subresource === '' &&
    (attrs.operation === 'CREATE' || attrs.operation === 'UPDATE'),
  admit(attrs, object): PluginVerdict {
    if (!isCorePods(attrs) || attrs.info.subresource !== '' || object === undefined)
      return { outcome: 'skipped', reason: 'only pods (no subresource) get default tolerations' };
    if (attrs.operation !== 'CREATE' && attrs.operation !== 'UPDATE')
      return { outcome: 'skipped', reason: 'handles create and update only' };
    const spec = asObj(object.spec);
    const tolerations = objArray(spec.tolerations);
    const tolerates = (key: string) =>
      tolerations.some(
        (t) => (t.key === key || str(t.key) === '') && (t.effect === 'NoExecute' || str(t.effect) === ''),
      );
    const added: string[] = [];
    const next = [...tolerations];
    for (const key of [NOT_READY, UNREACHABLE]) {
      if (tolerates(key)) continue;
      next.push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
      });
      added.push(key);
    }
    if (added.length === 0) return { outcome: 'passed', reason: 'the pod already tolerates both taints' };
    object.spec = { ...spec, tolerations: next };
    return { outcome: 'passed', reason: `added NoExecute tolerations for ${added.join(' and ')} (300 s)` };
  },
};

/**
 * DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault/admission.go): a new
 * PersistentVolumeClaim without spec.storageClassName gets the default StorageClass (annotated
 * `storageclass.kubernetes.io/is-default-class: "true"`; the newest if several).
 */
export const defaultStorageClass: MutatingPlugin = {
  name: 'DefaultStorageClass',
  mayMutate: (attrs) =>
    attrs.type.group === '' &&
    attrs.type.resource === 'persistentvolumeclaims' &&
    attrs.operation === 'CREATE',
  admit(attrs, object, objects): PluginVerdict {
    if (attrs.type.group !== '' || attrs.type.resource !== 'persistentvolumeclaims' || object === undefined)
      return { outcome: 'skipped', reason: 'only persistentvolumeclaims get a default storage class' };
    if (attrs.operation !== 'CREATE') return { outcome: 'skipped', reason: 'handles create only' };
    const spec = asObj(object.spec);
    if (spec.storageClassName !== undefined && spec.storageClassName !== null)
      return {
        outcome: 'passed',
        reason: `the claim names storage class ${JSON.stringify(spec.storageClassName)}`,
      };
    const defaults = listIn(objects, 'storageclasses').filter(
      (sc) => sc.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
    );
    if (defaults.length === 0) return { outcome: 'passed', reason: 'no StorageClass is marked default' };
    defaults.sort((a, b) =>
      str(b.metadata?.creationTimestamp).localeCompare(str(a.metadata?.creationTimestamp)),
    );
    const chosen = defaults[0]?.metadata?.name ?? '';
    object.spec = { ...spec, storageClassName: chosen };
    return { outcome: 'passed', reason: `set spec.storageClassName to the default StorageClass ${chosen}` };
  },
};

/**
 * AlwaysPullImages (plugin/pkg/admission/alwayspullimages/admission.go): every container of a new
 * or updated pod gets imagePullPolicy Always, so a node cannot reuse another tenant's pulled image.
 */
export const alwaysPullImages: MutatingPlugin = {
  name: 'AlwaysPullImages',
  mayMutate: (attrs) =>
    isCorePods(attrs) &&
    attrs.info.subresource === '' &&
    (attrs.operation === 'CREATE' || attrs.operation === 'UPDATE'),
  admit(attrs, object): PluginVerdict {
    if (!isCorePods(attrs) || attrs.info.subresource !== '' || object === undefined)
      return { outcome: 'skipped', reason: 'only pods are changed' };
    if (attrs.operation !== 'CREATE' && attrs.operation !== 'UPDATE')
      return { outcome: 'skipped', reason: 'handles create and update only' };
    const spec = asObj(object.spec);
    let changed = 0;
    for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
      for (const c of objArray(spec[key])) {
        if (c.imagePullPolicy !== 'Always') changed++;
        c.imagePullPolicy = 'Always';
      }
    }
    return {
      outcome: 'passed',
      reason:
        changed > 0
          ? `set imagePullPolicy: Always on ${changed} container(s)`
          : 'every container already pulls Always',
    };
  },
};

/** The built-in PriorityClasses (pkg/apis/scheduling/types.go SystemPriorityClasses). */
const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/**
 * Priority (plugin/pkg/admission/priority/admission.go): resolves spec.priorityClassName to
 * spec.priority and spec.preemptionPolicy. With no global default PriorityClass a pod gets 0 and
 * PreemptLowerPriority. The simulator stores no PriorityClass objects, so only the two system
 * classes resolve.
 */
export const priority: MutatingPlugin = {
  name: 'Priority',
  mayMutate: (attrs) => isCorePods(attrs) && attrs.info.subresource === '' && attrs.operation === 'CREATE',
  admit(attrs, object): PluginVerdict {
    if (!isCorePods(attrs) || attrs.info.subresource !== '' || object === undefined)
      return { outcome: 'skipped', reason: 'only pods get a priority' };
    if (attrs.operation !== 'CREATE') return { outcome: 'skipped', reason: 'priority is resolved on create' };
    const spec = asObj(object.spec);
    const className = str(spec.priorityClassName);
    let value = 0;
    if (className !== '') {
      const known = SYSTEM_PRIORITY_CLASSES[className];
      if (known === undefined) {
        const text = `no PriorityClass with name ${className} was found`;
        return { outcome: 'failed', reason: text, status: admissionForbidden(attrs, object, text) };
      }
      value = known;
    }
    if (typeof spec.priority === 'number' && spec.priority !== value) {
      const text = `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`;
      return { outcome: 'failed', reason: text, status: admissionForbidden(attrs, object, text) };
    }
    object.spec = {
      ...spec,
      priority: value,
      preemptionPolicy: spec.preemptionPolicy ?? 'PreemptLowerPriority',
    };
    return {
      outcome: 'passed',
      reason:
        className === ''
          ? 'no PriorityClass named and no default class: priority 0'
          : `PriorityClass ${className}: priority ${value}`,
    };
  },
};

/**
 * TaintNodesByCondition (plugin/pkg/admission/nodetaint/admission.go): a new Node starts tainted
 * `node.kubernetes.io/not-ready:NoSchedule` until its kubelet reports Ready.
 */
export const taintNodesByCondition: MutatingPlugin = {
  name: 'TaintNodesByCondition',
  mayMutate: (attrs) =>
    attrs.type.group === '' &&
    attrs.type.resource === 'nodes' &&
    attrs.info.subresource === '' &&
    attrs.operation === 'CREATE',
  admit(attrs, object): PluginVerdict {
    if (
      attrs.type.group !== '' ||
      attrs.type.resource !== 'nodes' ||
      object === undefined ||
      attrs.info.subresource !== ''
    )
      return { outcome: 'skipped', reason: 'only new nodes are tainted' };
    if (attrs.operation !== 'CREATE') return { outcome: 'skipped', reason: 'handles create only' };
    const spec = asObj(object.spec);
    const taints = objArray(spec.taints);
    if (taints.some((t) => t.key === NOT_READY && t.effect === 'NoSchedule'))
      return { outcome: 'passed', reason: 'the node already has the not-ready taint' };
    object.spec = { ...spec, taints: [...taints, { key: NOT_READY, effect: 'NoSchedule' }] };
    return { outcome: 'passed', reason: `added the taint ${NOT_READY}:NoSchedule` };
  },
};

const MIRROR = 'kubernetes.io/config.mirror';

/** The node name of a node identity (`system:node:<name>` in `system:nodes`), else undefined. */
function nodeNameOf(username: string, groups: readonly string[]): string | undefined {
  if (!groups.includes('system:nodes') || !username.startsWith('system:node:')) return undefined;
  return username.slice('system:node:'.length);
}

/**
 * NodeRestriction (plugin/pkg/admission/noderestriction/admission.go): a kubelet may only create
 * mirror pods bound to itself, only delete its own pods, and only change its own Node object.
 * Simplified: owner references, pod status and eviction checks, node labels and the
 * ResourceSlice / CSINode / lease rules are not modelled.
 */
export const nodeRestriction: MutatingPlugin = {
  name: 'NodeRestriction',
  // It only ever admits or forbids.
  mayMutate: () => false,
  admit(attrs, object, objects): PluginVerdict {
    const nodeName = nodeNameOf(attrs.user.username, attrs.user.groups);
    if (nodeName === undefined) return { outcome: 'skipped', reason: `${attrs.user.username} is not a node` };
    const forbid = (text: string, target: KubeObject | undefined = object): PluginVerdict => ({
      outcome: 'failed',
      reason: text,
      status: admissionForbidden(attrs, target, text),
    });
    if (isCorePods(attrs) && attrs.info.subresource === '') {
      if (attrs.operation === 'CREATE' && object !== undefined) {
        if (!Object.hasOwn(object.metadata?.annotations ?? {}, MIRROR))
          return forbid(
            `pod does not have ${JSON.stringify(MIRROR)} annotation, node ${JSON.stringify(nodeName)} can only create mirror pods`,
          );
        if (asObj(object.spec).nodeName !== nodeName)
          return forbid(
            `node ${JSON.stringify(nodeName)} can only create pods with spec.nodeName set to itself`,
          );
        if (str(asObj(object.spec).serviceAccountName) !== '')
          return forbid(
            `node ${JSON.stringify(nodeName)} can not create pods that reference a service account`,
          );
        return { outcome: 'passed', reason: `a mirror pod bound to ${nodeName}` };
      }
      if (attrs.operation === 'DELETE') {
        const existing = getObject(objects, 'pods', attrs.info.namespace, attrs.info.name);
        if (existing !== undefined && asObj(existing.spec).nodeName !== nodeName)
          return forbid(
            `node ${JSON.stringify(nodeName)} can only delete pods with spec.nodeName set to itself`,
            existing,
          );
        return { outcome: 'passed', reason: `the pod is bound to ${nodeName}` };
      }
      if (attrs.operation === 'UPDATE')
        return forbid(`node ${JSON.stringify(nodeName)} can only update pod status`);
    }
    if (attrs.type.group === '' && attrs.type.resource === 'nodes') {
      const requested = attrs.info.name || object?.metadata?.name || '';
      if (requested !== nodeName)
        return forbid(
          `node ${JSON.stringify(nodeName)} is not allowed to modify node ${JSON.stringify(requested)}`,
        );
      if (attrs.operation === 'UPDATE' && isObj(attrs.oldObject)) {
        const taints = (o: KubeObject | undefined) => JSON.stringify(asObj(o?.spec).taints ?? []);
        if (taints(attrs.oldObject) !== taints(object))
          return forbid(`node ${JSON.stringify(nodeName)} is not allowed to modify taints`);
      }
      return { outcome: 'passed', reason: `node ${nodeName} changes its own Node object` };
    }
    return { outcome: 'passed', reason: `nothing NodeRestriction limits for ${attrs.type.resource}` };
  },
};
