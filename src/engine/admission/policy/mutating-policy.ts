import { forbidden } from '../../responses/status';
import type { AdmissionPluginResult, CelEvaluator, KubeObject, ObjectReader, Status } from '../../types';
import { asObj, deepClone, isObj, objArray, sameJson, str } from '../common';
import { diffJson } from '../diff';
import { type AnyPatchOperation, applyPatch } from '../json-patch';
import type { AdmissionAttributes } from '../plugin';
import { type BindingEvaluation, type PolicyBinding, runPolicyBindings } from './binding-loop';
import { celBindings, evaluate } from './common';
import type { ReinvocationState } from './reinvocation';

/**
 * The MutatingAdmissionPolicy plugin (staging/src/k8s.io/apiserver/pkg/admission/plugin/policy/mutating,
 * alpha in 1.32, beta in 1.34): each matching binding's mutations run in order (the loop shared
 * with ValidatingAdmissionPolicy is binding-loop.ts), as a JSONPatch or an
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
  let object = input;
  const current = () => object;
  const update = (next: KubeObject | undefined) => {
    object = next;
  };
  state.enter(object);
  const outcome = runPolicyBindings(
    {
      via: 'MutatingAdmissionPolicy',
      policyResource: 'mutatingadmissionpolicies',
      bindingResource: 'mutatingadmissionpolicybindings',
      reinvoking: state.reinvoking,
      shouldReinvoke: (key) => state.shouldReinvoke(key),
      start: (run, loaded) => mutateBinding(run, attrs, objects, loaded, uid, state, current, update),
      errorStatus: (message) => {
        const name = attrs.info.name || object?.metadata?.name || '';
        return {
          ...forbidden(attrs.type.group, attrs.type.resource, name, message),
          reason: 'Invalid',
          code: 422,
        };
      },
    },
    attrs,
    objects,
    cel,
  );
  // A denial ends the chain: nothing is left to re-invoke, so the output is not recorded.
  if (outcome.status === undefined) state.leave(object);
  return { ...outcome, object };
}

/** One binding's mutations applied in order to the object (a JSONPatch or an ApplyConfiguration each). */
function mutateBinding(
  run: PolicyBinding,
  attrs: AdmissionAttributes,
  objects: ObjectReader,
  cel: CelEvaluator,
  uid: string,
  state: ReinvocationState,
  current: () => KubeObject | undefined,
  update: (object: KubeObject | undefined) => void,
): BindingEvaluation {
  const { spec, evaluation, base } = run;
  const before = deepClone(current());
  const bindingsOf = (param: KubeObject | null) => {
    const object = current();
    return celBindings({ ...attrs, ...(object === undefined ? {} : { object }) }, objects, param, uid);
  };
  return {
    bindings: bindingsOf,
    evaluate(param, _bindings, variables) {
      for (const [i, m] of objArray(spec.mutations).entries()) {
        const isPatch = m.patchType === 'JSONPatch';
        const expression = str(asObj(isPatch ? m.jsonPatch : m.applyConfiguration).expression);
        const outcome = evaluate(cel, evaluation, `mutations[${i}]`, expression, {
          // Each mutation sees the object as the mutations before it left it.
          ...bindingsOf(param),
          variables,
        });
        if (!outcome.ok) {
          return {
            error:
              outcome.kind === 'cost'
                ? outcome.error
                : `expression '${expression}' resulted in error: ${outcome.error}`,
          };
        }
        if (isPatch) {
          const applied = applyPatch(
            current(),
            (Array.isArray(outcome.value) ? outcome.value : []) as AnyPatchOperation[],
          );
          if (!applied.ok) return { error: `JSON Patch: ${applied.error}` };
          update(applied.value as KubeObject);
        } else {
          update(mergeApplyConfiguration(current(), outcome.value) as KubeObject);
        }
      }
      return {};
    },
    rollback: () => update(before),
    finish() {
      const object = current();
      const changed = !sameJson(before, object);
      state.invoked(run.key, spec.reinvocationPolicy === 'IfNeeded', changed);
      const patch = diffJson(before, object);
      return {
        step: {
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
        },
      };
    },
  };
}
