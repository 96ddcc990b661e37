import { forbidden } from '../../responses/status';
import type { AdmissionPluginResult, CelEvaluator, KubeObject, ObjectReader, Status } from '../../types';
import { asObj, deepClone, isObj, objArray, sameJson, str } from '../common';
import { diffJson } from '../diff';
import { type AnyPatchOperation, applyPatch } from '../json-patch';
import type { AdmissionAttributes } from '../plugin';
import {
  celBindings,
  type Evaluation,
  evaluate,
  evaluateMatchConditions,
  evaluateVariables,
  matchResourcesMatch,
  resolveParams,
} from './common';
import type { ReinvocationState } from './reinvocation';
import { policyBindingPairs } from './validating-policy';

/**
 * The MutatingAdmissionPolicy plugin (staging/src/k8s.io/apiserver/pkg/admission/plugin/policy/mutating,
 * alpha in 1.32, beta in 1.34): each matching binding's mutations run in order, as a JSONPatch or an
 * ApplyConfiguration built by CEL.
 * Simplified: an ApplyConfiguration is merged like a strategic merge (maps field by field, lists
 * of objects with a `name` merged by name, other lists replaced) rather than by structured-merge-diff
 * with the schema's list types; `jsonpatch.escapeKey` is not available; the wording of failure
 * messages is the simulator's.
 */

/** Merges an apply configuration into the object. */
export function mergeApplyConfiguration(target: unknown, patch: unknown): unknown {
  if (isObj(patch) && isObj(target)) {
    const out: Record<string, unknown> = { ...target };
    for (const [k, v] of Object.entries(patch))
      out[k] = k in target ? mergeApplyConfiguration(target[k], v) : v;
    return out;
  }
  if (
    Array.isArray(patch) &&
    Array.isArray(target) &&
    patch.every((p) => isObj(p) && typeof p.name === 'string')
  ) {
    const out = [...target];
    for (const item of patch as Record<string, unknown>[]) {
      const i = out.findIndex((t) => isObj(t) && t.name === item.name);
      if (i === -1) out.push(item);
      else out[i] = mergeApplyConfiguration(out[i], item);
    }
    return out;
  }
  return patch;
}

export interface MutatingPolicyOutcome {
  readonly steps: AdmissionPluginResult[];
  readonly status?: Status;
  readonly object: KubeObject | undefined;
  readonly notEvaluated: number;
}

export function runMutatingPolicies(
  attrs: AdmissionAttributes,
  input: KubeObject | undefined,
  objects: ObjectReader,
  cel: CelEvaluator | undefined,
  uid: string,
  state: ReinvocationState,
): MutatingPolicyOutcome {
  const steps: AdmissionPluginResult[] = [];
  let object = input;
  let notEvaluated = 0;
  state.enter(object);
  for (const { policy, binding } of policyBindingPairs(
    objects,
    'mutatingadmissionpolicies',
    'mutatingadmissionpolicybindings',
  )) {
    const policyName = policy.metadata?.name ?? '';
    const bindingName = binding.metadata?.name ?? '';
    const key = `${policyName}/${bindingName}`;
    const spec = asObj(policy.spec);
    const bspec = asObj(binding.spec);
    const base = {
      plugin: key,
      kind: 'policy' as const,
      via: 'MutatingAdmissionPolicy' as const,
      ...(state.reinvoking ? { reinvoked: true } : {}),
    };
    if (
      !matchResourcesMatch(spec.matchConstraints, attrs, objects, true) ||
      !matchResourcesMatch(bspec.matchResources, attrs, objects, false)
    ) {
      if (!state.reinvoking)
        steps.push({
          ...base,
          outcome: 'skipped',
          reason: 'the policy or binding does not match this request',
        });
      continue;
    }
    if (state.reinvoking && !state.shouldReinvoke(key)) continue;
    if (cel === undefined) {
      notEvaluated++;
      steps.push({
        ...base,
        outcome: 'skipped',
        reason: 'not evaluated: the CEL interpreter is still loading',
      });
      continue;
    }
    const failClosed = str(spec.failurePolicy || 'Fail') !== 'Ignore';
    const prefix = `MutatingAdmissionPolicy '${policyName}' with binding '${bindingName}'`;
    const evaluation: Evaluation = { results: [], spent: 0 };
    const before = deepClone(object);
    const fail = (text: string): MutatingPolicyOutcome | undefined => {
      if (!failClosed) {
        steps.push({
          ...base,
          outcome: 'passed',
          reason: `${text} (failurePolicy Ignore)`,
          expressions: evaluation.results,
        });
        return undefined;
      }
      const message = `${prefix} denied request: ${text}`;
      steps.push({ ...base, outcome: 'failed', reason: text, message, expressions: evaluation.results });
      const name = attrs.info.name || object?.metadata?.name || '';
      return {
        steps,
        object,
        notEvaluated,
        status: {
          ...forbidden(attrs.type.group, attrs.type.resource, name, message),
          reason: 'Invalid',
          code: 422,
        },
      };
    };
    const params = resolveParams(spec, bspec, attrs, objects);
    if (params.error !== undefined) {
      const r = fail(params.error);
      if (r !== undefined) return r;
      continue;
    }
    if (params.skip !== undefined) {
      steps.push({ ...base, outcome: 'skipped', reason: params.skip });
      continue;
    }
    let matched = false;
    let failed: string | undefined;
    for (const param of params.params) {
      const bindings = celBindings(
        { ...attrs, ...(object === undefined ? {} : { object }) },
        objects,
        param,
        uid,
      );
      const match = evaluateMatchConditions(cel, evaluation, spec.matchConditions, bindings);
      if (match.error !== undefined) {
        failed = match.error;
        break;
      }
      if (!match.matches) continue;
      matched = true;
      const variables = evaluateVariables(cel, evaluation, spec.variables, bindings);
      for (const [i, m] of objArray(spec.mutations).entries()) {
        const current = celBindings(
          { ...attrs, ...(object === undefined ? {} : { object }) },
          objects,
          param,
          uid,
        );
        const isPatch = m.patchType === 'JSONPatch';
        const expression = str(asObj(isPatch ? m.jsonPatch : m.applyConfiguration).expression);
        const outcome = evaluate(cel, evaluation, `mutations[${i}]`, expression, { ...current, variables });
        if (!outcome.ok) {
          failed =
            outcome.kind === 'cost'
              ? outcome.error
              : `expression '${expression}' resulted in error: ${outcome.error}`;
          break;
        }
        if (isPatch) {
          const applied = applyPatch(
            object,
            (Array.isArray(outcome.value) ? outcome.value : []) as AnyPatchOperation[],
          );
          if (!applied.ok) {
            failed = `JSON Patch: ${applied.error}`;
            break;
          }
          object = applied.value as KubeObject;
        } else {
          object = mergeApplyConfiguration(object, outcome.value) as KubeObject;
        }
      }
      if (failed !== undefined) break;
    }
    if (failed !== undefined) {
      object = before;
      const r = fail(failed);
      if (r !== undefined) return r;
      continue;
    }
    if (!matched) {
      steps.push({
        ...base,
        outcome: 'skipped',
        reason: 'a matchCondition is false',
        expressions: evaluation.results,
      });
      continue;
    }
    const changed = !sameJson(before, object);
    state.invoked(key, spec.reinvocationPolicy === 'IfNeeded', changed);
    const patch = diffJson(before, object);
    steps.push({
      ...base,
      outcome: 'passed',
      reason: changed
        ? `applied ${objArray(spec.mutations).length} mutation(s)`
        : 'the mutations changed nothing',
      expressions: evaluation.results,
      ...(changed
        ? {
            patch,
            ...(before === undefined ? {} : { before }),
            ...(object === undefined ? {} : { after: deepClone(object) }),
          }
        : {}),
    });
  }
  state.leave(object);
  return { steps, object, notEvaluated };
}
