import { asObj, listIn, type Obj, objArray, str } from '../common';
import { limitRangerIgnores } from '../mutating/limit-ranger';
import { admissionForbidden, aggregateText, isCorePods, type ValidatingPlugin } from '../plugin';
import {
  addQuantity,
  canonicalQuantity,
  formatQuantity,
  milliValue,
  parseQuantity,
  type Quantity,
  ZERO,
} from '../quantity';

/**
 * LimitRanger's Validate (plugin/pkg/admission/limitranger/admission.go PodValidateLimitFunc,
 * PersistentVolumeClaimValidateLimitFunc, minConstraint, maxConstraint, maxRequestConstraint,
 * limitRequestRatioConstraint): every error is collected and returned as one Forbidden.
 * Quantities print in canonical form, as resource.Quantity.String() does.
 */

function q(value: unknown): Quantity | undefined {
  return parseQuantity(value);
}

function minConstraint(
  type: string,
  name: string,
  enforcedRaw: unknown,
  requests: Obj,
  limits: Obj,
): string | undefined {
  const enforced = q(enforcedRaw) ?? ZERO;
  const e = canonicalQuantity(enforcedRaw);
  const req = q(requests[name]);
  const lim = q(limits[name]);
  if (req === undefined) return `minimum ${name} usage per ${type} is ${e}.  No request is specified`;
  if (milliValue(req) < milliValue(enforced))
    return `minimum ${name} usage per ${type} is ${e}, but request is ${canonicalQuantity(requests[name])}`;
  if (lim !== undefined && milliValue(lim) < milliValue(enforced))
    return `minimum ${name} usage per ${type} is ${e}, but limit is ${canonicalQuantity(limits[name])}`;
  return undefined;
}

function maxConstraint(
  type: string,
  name: string,
  enforcedRaw: unknown,
  requests: Obj,
  limits: Obj,
): string | undefined {
  const enforced = q(enforcedRaw) ?? ZERO;
  const e = canonicalQuantity(enforcedRaw);
  const req = q(requests[name]);
  const lim = q(limits[name]);
  if (lim === undefined) return `maximum ${name} usage per ${type} is ${e}.  No limit is specified`;
  if (milliValue(lim) > milliValue(enforced))
    return `maximum ${name} usage per ${type} is ${e}, but limit is ${canonicalQuantity(limits[name])}`;
  if (req !== undefined && milliValue(req) > milliValue(enforced))
    return `maximum ${name} usage per ${type} is ${e}, but request is ${canonicalQuantity(requests[name])}`;
  return undefined;
}

function maxRequestConstraint(
  type: string,
  name: string,
  enforcedRaw: unknown,
  requests: Obj,
): string | undefined {
  const enforced = q(enforcedRaw) ?? ZERO;
  const e = canonicalQuantity(enforcedRaw);
  const req = q(requests[name]);
  if (req === undefined) return `maximum ${name} usage per ${type} is ${e}.  No request is specified`;
  if (milliValue(req) > milliValue(enforced))
    return `maximum ${name} usage per ${type} is ${e}, but request is ${canonicalQuantity(requests[name])}`;
  return undefined;
}

/** Go's %f: six decimals. */
function ratioConstraint(
  type: string,
  name: string,
  enforcedRaw: unknown,
  requests: Obj,
  limits: Obj,
): string | undefined {
  const e = canonicalQuantity(enforcedRaw);
  const req = q(requests[name]);
  const lim = q(limits[name]);
  const enforced = q(enforcedRaw) ?? ZERO;
  if (req === undefined || req.nano === 0n)
    return `${name} max limit to request ratio per ${type} is ${e}, but no request is specified or request is 0`;
  if (lim === undefined || lim.nano === 0n)
    return `${name} max limit to request ratio per ${type} is ${e}, but no limit is specified or limit is 0`;
  const ratio = Number(milliValue(lim)) / Number(milliValue(req));
  if (ratio * 1000 > Number(milliValue(enforced)))
    return `${name} max limit to request ratio per ${type} is ${e}, but provided ratio is ${ratio.toFixed(6)}`;
  return undefined;
}

function resourcesOf(container: Obj): { requests: Obj; limits: Obj } {
  const r = asObj(container.resources);
  return { requests: asObj(r.requests), limits: asObj(r.limits) };
}

/** podRequests/podLimits without sidecars or overhead: the sum over containers, max with each init container. */
function podTotals(spec: Obj, key: 'requests' | 'limits'): Obj {
  const total: Record<string, Quantity> = {};
  for (const c of objArray(spec.containers)) {
    for (const [k, v] of Object.entries(resourcesOf(c)[key])) {
      const value = q(v);
      if (value !== undefined) total[k] = addQuantity(total[k] ?? ZERO, value);
    }
  }
  for (const c of objArray(spec.initContainers)) {
    for (const [k, v] of Object.entries(resourcesOf(c)[key])) {
      const value = q(v);
      const current = total[k];
      if (value !== undefined && (current === undefined || value.nano > current.nano)) total[k] = value;
    }
  }
  const out: Obj = {};
  for (const [k, v] of Object.entries(total)) out[k] = formatQuantity(v);
  return out;
}

export const limitRangerValidating: ValidatingPlugin = {
  name: 'LimitRanger',
  validate(attrs, objects) {
    const ignored = limitRangerIgnores(attrs);
    const object = attrs.object;
    if (ignored !== undefined || object === undefined)
      return { outcome: 'skipped', reason: ignored ?? 'no object' };
    const ranges = listIn(objects, 'limitranges', attrs.info.namespace);
    if (ranges.length === 0)
      return { outcome: 'passed', reason: `no LimitRange in namespace ${attrs.info.namespace}` };
    const spec = asObj(object.spec);
    for (const range of ranges) {
      const errs: string[] = [];
      for (const item of objArray(asObj(range.spec).limits)) {
        const type = str(item.type);
        const check = (requests: Obj, limits: Obj) => {
          for (const [k, v] of Object.entries(asObj(item.min)))
            errs.push(minConstraint(type, k, v, requests, limits) ?? '');
          for (const [k, v] of Object.entries(asObj(item.max)))
            errs.push(maxConstraint(type, k, v, requests, limits) ?? '');
          for (const [k, v] of Object.entries(asObj(item.maxLimitRequestRatio)))
            errs.push(ratioConstraint(type, k, v, requests, limits) ?? '');
        };
        if (isCorePods(attrs) && type === 'Container') {
          for (const c of [...objArray(spec.containers), ...objArray(spec.initContainers)]) {
            const { requests, limits } = resourcesOf(c);
            check(requests, limits);
          }
        } else if (isCorePods(attrs) && type === 'Pod') {
          check(podTotals(spec, 'requests'), podTotals(spec, 'limits'));
        } else if (!isCorePods(attrs) && type === 'PersistentVolumeClaim') {
          const requests = asObj(asObj(spec.resources).requests);
          for (const [k, v] of Object.entries(asObj(item.min)))
            errs.push(minConstraint(type, k, v, requests, {}) ?? '');
          for (const [k, v] of Object.entries(asObj(item.max)))
            errs.push(maxRequestConstraint(type, k, v, requests) ?? '');
        }
      }
      const real = errs.filter((e) => e !== '');
      if (real.length > 0) {
        const text = aggregateText(real);
        return {
          outcome: 'failed',
          reason: `LimitRange ${range.metadata?.name ?? ''}: ${text}`,
          status: admissionForbidden(attrs, object, text),
        };
      }
    }
    return { outcome: 'passed', reason: `within every LimitRange in namespace ${attrs.info.namespace}` };
  },
};
