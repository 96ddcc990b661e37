import { selectorMatches } from '../../labels/selector';
import { resourceForKind, storageKey } from '../../resources';
import type { CelEvaluator, CelExpressionResult, KubeObject, ObjectReader } from '../../types';
import { asObj, objArray, str } from '../common';
import { namespaceObjectOf, namespaceSelectorMatches, objectSelectorMatches, rulesMatch } from '../matching';
import type { AdmissionAttributes } from '../plugin';

/**
 * What ValidatingAdmissionPolicy and MutatingAdmissionPolicy share
 * (staging/src/k8s.io/apiserver/pkg/admission/plugin/policy/generic and .../cel): matching a
 * policy and its binding to a request, resolving params, the CEL variables, matchConditions.
 */

/** PerCallLimit and RuntimeCELCostBudget (staging/src/k8s.io/apiserver/pkg/apis/cel/config.go). */
export const PER_EXPRESSION_BUDGET = 1_000_000;
export const PER_BINDING_BUDGET = 10_000_000;

/** admission/v1 AdmissionRequest as CEL's `request` variable sees it (and webhooks receive it). */
export function admissionRequest(attrs: AdmissionAttributes, uid: string): Record<string, unknown> {
  const { type, info, user } = attrs;
  const gvk = { group: type.group, version: type.version, kind: type.kind };
  const gvr = { group: type.group, version: type.version, resource: type.resource };
  const name = info.name || attrs.object?.metadata?.name || '';
  const optionsKind = {
    CREATE: 'CreateOptions',
    UPDATE: 'UpdateOptions',
    DELETE: 'DeleteOptions',
    CONNECT: '',
  }[attrs.operation];
  return {
    uid,
    kind: gvk,
    resource: gvr,
    ...(info.subresource === '' ? {} : { subResource: info.subresource }),
    requestKind: gvk,
    requestResource: gvr,
    ...(info.subresource === '' ? {} : { requestSubResource: info.subresource }),
    name,
    namespace: info.namespace,
    operation: attrs.operation,
    userInfo: {
      username: user.username,
      ...(user.uid === '' ? {} : { uid: user.uid }),
      groups: [...user.groups],
      ...(Object.keys(user.extra).length === 0 ? {} : { extra: user.extra }),
    },
    object: attrs.object ?? null,
    oldObject: attrs.oldObject ?? null,
    dryRun: attrs.dryRun,
    ...(optionsKind === '' ? {} : { options: { kind: optionsKind, apiVersion: 'meta.k8s.io/v1' } }),
  };
}

/** matchConstraints / matchResources: rules, excludeResourceRules, selectors, resourceNames. */
export function matchResourcesMatch(
  match: unknown,
  attrs: AdmissionAttributes,
  objects: ObjectReader,
  requireRules: boolean,
): boolean {
  if (match === undefined || match === null) return !requireRules;
  const m = asObj(match);
  if (!namespaceSelectorMatches(m.namespaceSelector, attrs, objects)) return false;
  if (!objectSelectorMatches(m.objectSelector, attrs)) return false;
  const name = attrs.info.name || attrs.object?.metadata?.name || '';
  const named = (rules: unknown) =>
    objArray(rules).filter((r) => {
      const names = Array.isArray(r.resourceNames) ? r.resourceNames.map(String) : [];
      return (names.length === 0 || names.includes(name)) && rulesMatch([r], attrs);
    });
  if (named(m.excludeResourceRules).length > 0) return false;
  const rules = objArray(m.resourceRules);
  if (rules.length === 0) return !requireRules;
  return named(rules).length > 0;
}

export interface ParamResolution {
  readonly params: readonly (KubeObject | null)[];
  /** Set when the binding cannot run: the error text as the apiserver words it. */
  readonly error?: string;
  /** parameterNotFoundAction Allow with nothing found: the binding does not apply. */
  readonly skip?: string;
}

/** paramKind + paramRef → the param objects (one evaluation per param). */
export function resolveParams(
  policySpec: Record<string, unknown>,
  bindingSpec: Record<string, unknown>,
  attrs: AdmissionAttributes,
  objects: ObjectReader,
): ParamResolution {
  const paramKind = asObj(policySpec.paramKind);
  const paramRef = bindingSpec.paramRef;
  if (policySpec.paramKind === undefined || policySpec.paramKind === null) return { params: [null] };
  if (paramRef === undefined || paramRef === null) {
    return { params: [], error: 'failed to configure binding: paramRef is required when paramKind is set' };
  }
  const ref = asObj(paramRef);
  const type = resourceForKind(str(paramKind.apiVersion), str(paramKind.kind));
  if (type === undefined) {
    return {
      params: [],
      error: `failed to configure policy: failed to find resource referenced by paramKind: '${str(paramKind.apiVersion)}, Kind=${str(paramKind.kind)}'`,
    };
  }
  const namespace = type.namespaced ? str(ref.namespace) || attrs.info.namespace : '';
  let found: KubeObject[] = [];
  if (str(ref.name) !== '') {
    const one = objects.get(storageKey(type, namespace, str(ref.name)));
    if (one !== undefined) found = [one];
  } else {
    found = objects
      .list(storageKey(type, namespace))
      .filter((o) => selectorMatches(ref.selector, o.metadata?.labels));
  }
  if (found.length > 0) return { params: found };
  if (ref.parameterNotFoundAction === 'Deny') {
    return {
      params: [],
      error:
        'failed to configure binding: no params found for policy binding with `Deny` parameterNotFoundAction',
    };
  }
  return { params: [], skip: 'no params found and parameterNotFoundAction is Allow' };
}

export interface Evaluation {
  readonly results: CelExpressionResult[];
  spent: number;
}

/** The CEL variables every policy expression sees. `authorizer` is not modelled. */
export function celBindings(
  attrs: AdmissionAttributes,
  objects: ObjectReader,
  param: KubeObject | null,
  uid: string,
): Record<string, unknown> {
  return {
    object: attrs.object ?? null,
    oldObject: attrs.oldObject ?? null,
    request: admissionRequest(attrs, uid),
    params: param,
    namespaceObject: namespaceObjectOf(attrs, objects) ?? null,
  };
}

/** Evaluates one expression and records it; charges the binding's total budget. */
export function evaluate(
  cel: CelEvaluator,
  evaluation: Evaluation,
  field: string,
  expression: string,
  bindings: Record<string, unknown>,
) {
  const remaining = PER_BINDING_BUDGET - evaluation.spent;
  const outcome = cel.evaluate(expression, bindings, Math.min(PER_EXPRESSION_BUDGET, Math.max(0, remaining)));
  evaluation.spent += outcome.cost;
  if (outcome.ok) evaluation.results.push({ field, expression, value: outcome.value, cost: outcome.cost });
  else evaluation.results.push({ field, expression, error: outcome.error, cost: outcome.cost });
  if (!outcome.ok && outcome.kind === 'cost' && remaining < PER_EXPRESSION_BUDGET) {
    return {
      ...outcome,
      error: 'validation failed due to running out of cost budget, no further validation rules will be run',
    };
  }
  return outcome;
}

/** spec.variables, evaluated in order into the `variables` map (lazily in Kubernetes; eagerly here). */
export function evaluateVariables(
  cel: CelEvaluator,
  evaluation: Evaluation,
  variables: unknown,
  bindings: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  objArray(variables).forEach((v, i) => {
    const outcome = evaluate(cel, evaluation, `variables[${i}]`, str(v.expression), {
      ...bindings,
      variables: values,
    });
    if (outcome.ok) values[str(v.name)] = outcome.value;
  });
  return values;
}

/**
 * matchConditions (staging/src/k8s.io/apiserver/pkg/admission/plugin/cel/matcher.go): all must be
 * true; a false one means "does not apply"; an error is returned for failurePolicy to judge.
 */
export function evaluateMatchConditions(
  cel: CelEvaluator,
  evaluation: Evaluation,
  conditions: unknown,
  bindings: Record<string, unknown>,
): { matches: boolean; reason: string; error?: string } {
  for (const [i, c] of objArray(conditions).entries()) {
    const outcome = evaluate(cel, evaluation, `matchConditions[${i}]`, str(c.expression), bindings);
    if (!outcome.ok)
      return {
        matches: false,
        reason: '',
        error: `failed to evaluate match condition ${JSON.stringify(str(c.name))}: ${outcome.error}`,
      };
    if (outcome.value !== true)
      return { matches: false, reason: `matchCondition ${JSON.stringify(str(c.name))} is false` };
  }
  return { matches: true, reason: '' };
}
