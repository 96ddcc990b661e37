import type {
  AdmissionPluginName,
  AdmissionPluginResult,
  CelEvaluator,
  KubeObject,
  ObjectReader,
  Status,
} from '../../types';
import { asObj, listIn, str } from '../common';
import type { AdmissionAttributes } from '../plugin';
import {
  type Evaluation,
  evaluateMatchConditions,
  evaluateVariables,
  matchResourcesMatch,
  resolveParams,
} from './common';

/**
 * The loop ValidatingAdmissionPolicy and MutatingAdmissionPolicy share
 * (staging/src/k8s.io/apiserver/pkg/admission/plugin/policy/generic/policy_dispatcher.go): for
 * every policy and binding pair, match the request, resolve the params, and per param check the
 * matchConditions and evaluate the variables; a binding that errors is judged by the policy's
 * failurePolicy. What each policy kind then evaluates (validations, mutations) is its own.
 */

/** One policy and one of its bindings, as the kind's own evaluation sees them. */
export interface PolicyBinding {
  readonly policyName: string;
  readonly bindingName: string;
  /** `<policy>/<binding>`: the step's name and the re-invocation key. */
  readonly key: string;
  readonly spec: Record<string, unknown>;
  readonly bindingSpec: Record<string, unknown>;
  /** failurePolicy is Fail (the default): an error denies rather than being ignored. */
  readonly failClosed: boolean;
  /** `<Kind> '<policy>' with binding '<binding>'`: how the apiserver names the pair in messages. */
  readonly prefix: string;
  /** The CEL results and cost of this binding, shared by every expression it evaluates. */
  readonly evaluation: Evaluation;
  /** What every step of this binding carries. */
  readonly base: Pick<AdmissionPluginResult, 'plugin' | 'kind' | 'via' | 'reinvoked'>;
}

/** What a policy kind does with one binding that matched the request (see runPolicyBindings). */
export interface BindingEvaluation {
  /** The CEL variables one param's evaluation sees (`object`, `params`, `request`, …). */
  bindings(param: KubeObject | null): Record<string, unknown>;
  /**
   * The kind's own expressions for one param whose matchConditions held. `error`: the binding
   * failed, for failurePolicy to judge; `stop`: the remaining params are not evaluated.
   */
  evaluate(
    param: KubeObject | null,
    bindings: Record<string, unknown>,
    variables: Record<string, unknown>,
  ): { error?: string; stop?: boolean };
  /** The binding errored: undo what its expressions did before the failurePolicy judges it. */
  rollback?(): void;
  /** The binding's step once it matched and ran without error; `status` denies the request. */
  finish(): { step: AdmissionPluginResult; status?: Status };
}

export interface PolicyKind {
  readonly via: Extract<AdmissionPluginName, 'ValidatingAdmissionPolicy' | 'MutatingAdmissionPolicy'>;
  readonly policyResource: string;
  readonly bindingResource: string;
  /** The second run of the mutating chain: only bindings marked for it run, and non-matches are not listed. */
  readonly reinvoking?: boolean;
  shouldReinvoke?(key: string): boolean;
  /** Starts a binding that matched the request, with the CEL interpreter to run it. */
  start(binding: PolicyBinding, cel: CelEvaluator): BindingEvaluation;
  /** The Status a fail-closed binding error denies the request with, its message given. */
  errorStatus(message: string): Status;
}

export interface PolicyLoopOutcome {
  readonly steps: AdmissionPluginResult[];
  /** Set when a binding denied the request: the loop stopped there. */
  readonly status?: Status;
  /** Bindings that matched but were not evaluated because CEL is still loading. */
  readonly notEvaluated: number;
}

/** Policies and their bindings, in name order, as pairs. */
export function policyBindingPairs(
  objects: ObjectReader,
  policyResource: string,
  bindingResource: string,
): { policy: KubeObject; binding: KubeObject }[] {
  const policies = listIn(objects, policyResource);
  const bindings = listIn(objects, bindingResource);
  const pairs: { policy: KubeObject; binding: KubeObject }[] = [];
  for (const policy of policies) {
    for (const binding of bindings) {
      if (asObj(binding.spec).policyName === policy.metadata?.name) pairs.push({ policy, binding });
    }
  }
  return pairs;
}

/** Runs every binding of `kind`'s policies against the request, stopping at the first denial. */
export function runPolicyBindings(
  kind: PolicyKind,
  attrs: AdmissionAttributes,
  objects: ObjectReader,
  cel: CelEvaluator | undefined,
): PolicyLoopOutcome {
  const steps: AdmissionPluginResult[] = [];
  let notEvaluated = 0;
  for (const { policy, binding } of policyBindingPairs(objects, kind.policyResource, kind.bindingResource)) {
    const policyName = policy.metadata?.name ?? '';
    const bindingName = binding.metadata?.name ?? '';
    const key = `${policyName}/${bindingName}`;
    const spec = asObj(policy.spec);
    const bindingSpec = asObj(binding.spec);
    const base = {
      plugin: key,
      kind: 'policy' as const,
      via: kind.via,
      ...(kind.reinvoking === true ? { reinvoked: true } : {}),
    };
    if (
      !matchResourcesMatch(spec.matchConstraints, attrs, objects, true) ||
      !matchResourcesMatch(bindingSpec.matchResources, attrs, objects, false)
    ) {
      if (kind.reinvoking !== true)
        steps.push({
          ...base,
          outcome: 'skipped',
          reason: 'the policy or binding does not match this request',
        });
      continue;
    }
    if (kind.reinvoking === true && kind.shouldReinvoke?.(key) !== true) continue;
    if (cel === undefined) {
      notEvaluated++;
      steps.push({
        ...base,
        outcome: 'skipped',
        reason: 'not evaluated: the CEL interpreter is still loading',
      });
      continue;
    }
    const run: PolicyBinding = {
      policyName,
      bindingName,
      key,
      spec,
      bindingSpec,
      failClosed: str(spec.failurePolicy || 'Fail') !== 'Ignore',
      prefix: `${kind.via} '${policyName}' with binding '${bindingName}'`,
      evaluation: { results: [], spent: 0 },
      base,
    };
    const evaluation = kind.start(run, cel);
    /** failurePolicy judges an error: Ignore lets the request through, Fail denies it. */
    const fail = (text: string): Status | undefined => {
      if (!run.failClosed) {
        steps.push({
          ...base,
          outcome: 'passed',
          reason: `${text} (failurePolicy Ignore)`,
          expressions: run.evaluation.results,
        });
        return undefined;
      }
      const message = `${run.prefix} denied request: ${text}`;
      steps.push({ ...base, outcome: 'failed', reason: text, message, expressions: run.evaluation.results });
      return kind.errorStatus(message);
    };
    const params = resolveParams(spec, bindingSpec, attrs, objects);
    if (params.error !== undefined) {
      const status = fail(params.error);
      if (status !== undefined) return { steps, notEvaluated, status };
      continue;
    }
    if (params.skip !== undefined) {
      steps.push({ ...base, outcome: 'skipped', reason: params.skip });
      continue;
    }
    let matched = false;
    let error: string | undefined;
    for (const param of params.params) {
      const bindings = evaluation.bindings(param);
      const match = evaluateMatchConditions(cel, run.evaluation, spec.matchConditions, bindings);
      if (match.error !== undefined) {
        error = match.error;
        break;
      }
      if (!match.matches) continue;
      matched = true;
      const variables = evaluateVariables(cel, run.evaluation, spec.variables, bindings);
      const outcome = evaluation.evaluate(param, bindings, variables);
      if (outcome.error !== undefined) {
        error = outcome.error;
        break;
      }
      if (outcome.stop === true) break;
    }
    if (error !== undefined) {
      evaluation.rollback?.();
      const status = fail(error);
      if (status !== undefined) return { steps, notEvaluated, status };
      continue;
    }
    if (!matched) {
      steps.push({
        ...base,
        outcome: 'skipped',
        reason: 'a matchCondition is false',
        expressions: run.evaluation.results,
      });
      continue;
    }
    const { step, status } = evaluation.finish();
    steps.push(step);
    if (status !== undefined) return { steps, notEvaluated, status };
  }
  return { steps, notEvaluated };
}
