import type { KubeObject } from '../../types';
import { asObj, isObj, listIn, type Obj, objArray, str } from '../common';
import { type AdmissionAttributes, isCorePods, type MutatingPlugin, type PluginVerdict } from '../plugin';

/**
 * LimitRanger's Admit (plugin/pkg/admission/limitranger/admission.go PodMutateLimitFunc): every
 * LimitRange in the namespace fills in the container requests and limits a pod leaves out, and
 * says what it did in the `kubernetes.io/limit-ranger` annotation.
 */

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

/** SupportsAttributes: pods (not on update) and PVCs, no subresource. */
export function limitRangerIgnores(attrs: AdmissionAttributes): string | undefined {
  if (attrs.operation !== 'CREATE' && attrs.operation !== 'UPDATE')
    return 'LimitRanger handles create and update only';
  if (attrs.info.subresource !== '') return `the ${attrs.info.subresource} subresource is not checked`;
  const isPvc = attrs.type.group === '' && attrs.type.resource === 'persistentvolumeclaims';
  if (!isCorePods(attrs) && !isPvc)
    return `LimitRanger only checks pods and persistentvolumeclaims, not ${attrs.type.resource}`;
  if (isCorePods(attrs) && attrs.operation === 'UPDATE')
    return 'containers cannot change on a pod update, so LimitRanger skips pod updates';
  return undefined;
}

/**
 * SetDefaults_LimitRangeItem (pkg/apis/core/v1/defaults.go), applied to what is read: for
 * Container items a missing default limit is the max, a missing default request the default
 * limit, else the min.
 */
export function defaultedLimitItems(limitRange: KubeObject): Obj[] {
  return objArray(asObj(limitRange.spec).limits).map((item) => {
    if (item.type !== 'Container') return item;
    const def: Obj = { ...asObj(item.default) };
    const defReq: Obj = { ...asObj(item.defaultRequest) };
    for (const [k, v] of Object.entries(asObj(item.max))) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
    for (const [k, v] of Object.entries(asObj(item.min))) if (!(k in defReq)) defReq[k] = v;
    return { ...item, default: def, defaultRequest: defReq };
  });
}

/** mergeContainerResources: returns the annotation parts for one container. */
function mergeContainer(container: Obj, requests: Obj, limits: Obj, label: string): string[] {
  const resources = isObj(container.resources) ? container.resources : {};
  container.resources = resources;
  const have = (key: 'limits' | 'requests') => {
    if (!isObj(resources[key])) resources[key] = {};
    return resources[key] as Obj;
  };
  const setRequests: string[] = [];
  const setLimits: string[] = [];
  for (const [k, v] of Object.entries(limits)) {
    const current = have('limits');
    if (!(k in current)) {
      current[k] = v;
      setLimits.push(k);
    }
  }
  for (const [k, v] of Object.entries(requests)) {
    const current = have('requests');
    if (!(k in current)) {
      current[k] = v;
      setRequests.push(k);
    }
  }
  // Go keeps the empty maps it made; JSON drops them (omitempty), so do the same.
  for (const key of ['limits', 'requests'] as const) {
    if (isObj(resources[key]) && Object.keys(resources[key] as Obj).length === 0) delete resources[key];
  }
  const name = str(container.name);
  const parts: string[] = [];
  if (setRequests.length > 0) parts.push(`${setRequests.sort().join(', ')} request for ${label} ${name}`);
  if (setLimits.length > 0) parts.push(`${setLimits.sort().join(', ')} limit for ${label} ${name}`);
  return parts;
}

export const limitRangerMutating: MutatingPlugin = {
  name: 'LimitRanger',
  mayMutate: (attrs) => limitRangerIgnores(attrs) === undefined,
  admit(attrs, object, objects): PluginVerdict {
    const ignored = limitRangerIgnores(attrs);
    if (ignored !== undefined || object === undefined)
      return { outcome: 'skipped', reason: ignored ?? 'no object' };
    const ranges = listIn(objects, 'limitranges', attrs.info.namespace);
    if (ranges.length === 0)
      return { outcome: 'passed', reason: `no LimitRange in namespace ${attrs.info.namespace}` };
    if (!isCorePods(attrs))
      return { outcome: 'passed', reason: 'claims get no defaults (storage is required)' };
    const spec = asObj(object.spec);
    const applied: string[] = [];
    for (const range of ranges) {
      const requests: Obj = {};
      const limits: Obj = {};
      for (const item of defaultedLimitItems(range)) {
        if (item.type !== 'Container') continue;
        Object.assign(requests, asObj(item.defaultRequest));
        Object.assign(limits, asObj(item.default));
      }
      const parts = [
        ...objArray(spec.containers).flatMap((c) => mergeContainer(c, requests, limits, 'container')),
        ...objArray(spec.initContainers).flatMap((c) =>
          mergeContainer(c, requests, limits, 'init container'),
        ),
      ];
      if (parts.length > 0) {
        object.metadata ??= {};
        const meta = object.metadata;
        meta.annotations = {
          ...(meta.annotations ?? {}),
          [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${parts.join('; ')}`,
        };
        applied.push(range.metadata?.name ?? '');
      }
    }
    return applied.length > 0
      ? { outcome: 'passed', reason: `applied defaults from LimitRange ${applied.join(', ')}` }
      : { outcome: 'passed', reason: 'every container already sets what the LimitRanges default' };
  },
};
