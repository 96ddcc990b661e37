import { forbidden } from '../../responses/status';
import type {
  AdmissionPluginResult,
  CelEvaluator,
  KubeObject,
  ObjectReader,
  Status,
  StatusReason,
} from '../../types';
import { asObj, listIn, objArray, str } from '../common';
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

/**
 * The ValidatingAdmissionPolicy plugin
 * (staging/src/k8s.io/apiserver/pkg/admission/plugin/policy/validating: dispatcher.go,
 * validator.go): every ValidatingAdmissionPolicyBinding whose policy matches the request is
 * evaluated; failing validations are acted on per validationActions (Deny, Warn, Audit).
 * Simplified: `authorizer` and auditAnnotations are not modelled, variables are evaluated eagerly,
 * typeChecking warnings are not produced, and messages from @bufbuild/cel errors are its own.
 */

const REASON_CODES: Readonly<Record<string, number>> = {
  Invalid: 422,
  Forbidden: 403,
  Unauthorized: 401,
  RequestEntityTooLarge: 413,
};

export interface PolicyOutcome {
  readonly steps: AdmissionPluginResult[];
  readonly status?: Status;
  readonly warnings: string[];
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

function denialStatus(attrs: AdmissionAttributes, text: string, reason: string): Status {
  const name = attrs.info.name || attrs.object?.metadata?.name || '';
  const base = forbidden(attrs.type.group, attrs.type.resource, name, text);
  const r = (reason || 'Invalid') as StatusReason;
  // dispatcher.go appends the policy's message as a cause with no field, which kubectl then prints.
  const details = { ...base.details, causes: [...(base.details?.causes ?? []), { message: text }] };
  return { ...base, reason: r, details, code: REASON_CODES[r] ?? 422 };
}

export function runValidatingPolicies(
  attrs: AdmissionAttributes,
  objects: ObjectReader,
  cel: CelEvaluator | undefined,
  uid: string,
): PolicyOutcome {
  const steps: AdmissionPluginResult[] = [];
  const warnings: string[] = [];
  let notEvaluated = 0;
  let denial: Status | undefined;
  for (const { policy, binding } of policyBindingPairs(
    objects,
    'validatingadmissionpolicies',
    'validatingadmissionpolicybindings',
  )) {
    const policyName = policy.metadata?.name ?? '';
    const bindingName = binding.metadata?.name ?? '';
    const label = `${policyName}/${bindingName}`;
    const spec = asObj(policy.spec);
    const bspec = asObj(binding.spec);
    const base = { plugin: label, kind: 'policy' as const, via: 'ValidatingAdmissionPolicy' as const };
    if (
      !matchResourcesMatch(spec.matchConstraints, attrs, objects, true) ||
      !matchResourcesMatch(bspec.matchResources, attrs, objects, false)
    ) {
      steps.push({
        ...base,
        outcome: 'skipped',
        reason: 'the policy or binding does not match this request',
      });
      continue;
    }
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
    const actions = Array.isArray(bspec.validationActions) ? bspec.validationActions.map(String) : [];
    const prefix = `ValidatingAdmissionPolicy '${policyName}' with binding '${bindingName}'`;
    const evaluation: Evaluation = { results: [], spent: 0 };
    const params = resolveParams(spec, bspec, attrs, objects);
    const configError = (text: string) => {
      if (!failClosed) {
        steps.push({
          ...base,
          outcome: 'passed',
          reason: `${text} (failurePolicy Ignore)`,
          expressions: evaluation.results,
        });
        return;
      }
      const message = `${prefix} denied request: ${text}`;
      steps.push({ ...base, outcome: 'failed', reason: text, message, expressions: evaluation.results });
      denial ??= denialStatus(attrs, message, 'Invalid');
    };
    if (params.error !== undefined) {
      configError(params.error);
      if (denial !== undefined) break;
      continue;
    }
    if (params.skip !== undefined) {
      steps.push({ ...base, outcome: 'skipped', reason: params.skip });
      continue;
    }
    const stepWarnings: string[] = [];
    const audit: Record<string, string> = {};
    let stepDenied: string | undefined;
    let stepError: string | undefined;
    let matched = false;
    for (const param of params.params) {
      const bindings = celBindings(attrs, objects, param, uid);
      const match = evaluateMatchConditions(cel, evaluation, spec.matchConditions, bindings);
      if (match.error !== undefined) {
        stepError = match.error;
        break;
      }
      if (!match.matches) continue;
      matched = true;
      const variables = evaluateVariables(cel, evaluation, spec.variables, bindings);
      for (const [i, v] of objArray(spec.validations).entries()) {
        const expression = str(v.expression);
        const outcome = evaluate(cel, evaluation, `validations[${i}]`, expression, {
          ...bindings,
          variables,
        });
        let failure: string | undefined;
        if (!outcome.ok) {
          if (!failClosed) continue;
          failure =
            outcome.kind === 'cost'
              ? outcome.error
              : `expression '${expression}' resulted in error: ${outcome.error}`;
        } else if (outcome.value !== true) {
          failure = str(v.message) || `failed expression: ${expression.trim()}`;
          if (str(v.messageExpression) !== '') {
            const m = evaluate(
              cel,
              evaluation,
              `validations[${i}].messageExpression`,
              str(v.messageExpression),
              { ...bindings, variables },
            );
            if (m.ok && typeof m.value === 'string' && m.value.trim() !== '' && !m.value.includes('\n'))
              failure = m.value;
          }
        }
        if (failure === undefined) continue;
        const reason = str(v.reason) || 'Invalid';
        if (actions.includes('Deny') && stepDenied === undefined) {
          stepDenied = `${prefix} denied request: ${failure}`;
          denial ??= denialStatus(attrs, stepDenied, reason);
        }
        if (actions.includes('Warn')) stepWarnings.push(`Validation failed for ${prefix}: ${failure}`);
        if (actions.includes('Audit')) {
          audit['validation.policy.admission.k8s.io/validation_failure'] = JSON.stringify([
            {
              message: failure,
              policy: policyName,
              binding: bindingName,
              expressionIndex: i,
              validationActions: actions,
            },
          ]);
        }
      }
      if (stepDenied !== undefined) break;
    }
    if (stepError !== undefined) {
      configError(stepError);
      if (denial !== undefined) break;
      continue;
    }
    warnings.push(...stepWarnings);
    const extras = {
      expressions: evaluation.results,
      ...(stepWarnings.length > 0 ? { warnings: stepWarnings } : {}),
      ...(Object.keys(audit).length > 0 ? { auditAnnotations: audit } : {}),
    };
    if (!matched) steps.push({ ...base, outcome: 'skipped', reason: 'a matchCondition is false', ...extras });
    else if (stepDenied !== undefined) {
      steps.push({ ...base, outcome: 'failed', reason: stepDenied, message: stepDenied, ...extras });
      break;
    } else {
      const note =
        stepWarnings.length > 0
          ? 'validations failed, reported as warnings (Warn)'
          : Object.keys(audit).length > 0
            ? 'validations failed, recorded for audit (Audit)'
            : 'every validation passed';
      steps.push({ ...base, outcome: 'passed', reason: note, ...extras });
    }
  }
  return { steps, warnings, notEvaluated, ...(denial === undefined ? {} : { status: denial }) };
}
