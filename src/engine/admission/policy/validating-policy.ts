import { forbidden } from '../../responses/status';
import type { AdmissionPluginResult, CelEvaluator, ObjectReader, Status, StatusReason } from '../../types';
import { objArray, str } from '../common';
import type { AdmissionAttributes } from '../plugin';
import { type BindingEvaluation, type PolicyBinding, runPolicyBindings } from './binding-loop';
import { celBindings, evaluate } from './common';

/**
 * The ValidatingAdmissionPolicy plugin
 * (staging/src/k8s.io/apiserver/pkg/admission/plugin/policy/validating: dispatcher.go,
 * validator.go): every ValidatingAdmissionPolicyBinding whose policy matches the request is
 * evaluated (the loop shared with MutatingAdmissionPolicy is binding-loop.ts); failing validations are acted on per validationActions (Deny, Warn, Audit).
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
  const warnings: string[] = [];
  const outcome = runPolicyBindings(
    {
      via: 'ValidatingAdmissionPolicy',
      policyResource: 'validatingadmissionpolicies',
      bindingResource: 'validatingadmissionpolicybindings',
      start: (run, loaded) => validateBinding(run, attrs, objects, loaded, uid, warnings),
      errorStatus: (message) => denialStatus(attrs, message, 'Invalid'),
    },
    attrs,
    objects,
    cel,
  );
  return { ...outcome, warnings };
}

/** One binding's validations, acted on per its validationActions (validator.go). */
function validateBinding(
  run: PolicyBinding,
  attrs: AdmissionAttributes,
  objects: ObjectReader,
  cel: CelEvaluator,
  uid: string,
  warnings: string[],
): BindingEvaluation {
  const { spec, bindingSpec, prefix, evaluation, base } = run;
  const actions = Array.isArray(bindingSpec.validationActions)
    ? bindingSpec.validationActions.map(String)
    : [];
  const stepWarnings: string[] = [];
  const audit: Record<string, string> = {};
  let stepDenied: string | undefined;
  let denial: Status | undefined;
  return {
    bindings: (param) => celBindings(attrs, objects, param, uid),
    evaluate(_param, bindings, variables) {
      for (const [i, v] of objArray(spec.validations).entries()) {
        const expression = str(v.expression);
        const outcome = evaluate(cel, evaluation, `validations[${i}]`, expression, {
          ...bindings,
          variables,
        });
        let failure: string | undefined;
        if (!outcome.ok) {
          if (!run.failClosed) continue;
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
          denial = denialStatus(attrs, stepDenied, reason);
        }
        if (actions.includes('Warn')) stepWarnings.push(`Validation failed for ${prefix}: ${failure}`);
        if (actions.includes('Audit')) {
          audit['validation.policy.admission.k8s.io/validation_failure'] = JSON.stringify([
            {
              message: failure,
              policy: run.policyName,
              binding: run.bindingName,
              expressionIndex: i,
              validationActions: actions,
            },
          ]);
        }
      }
      return { stop: stepDenied !== undefined };
    },
    finish() {
      warnings.push(...stepWarnings);
      const extras = {
        expressions: evaluation.results,
        ...(stepWarnings.length > 0 ? { warnings: stepWarnings } : {}),
        ...(Object.keys(audit).length > 0 ? { auditAnnotations: audit } : {}),
      };
      if (stepDenied !== undefined) {
        return {
          step: { ...base, outcome: 'failed', reason: stepDenied, message: stepDenied, ...extras },
          ...(denial === undefined ? {} : { status: denial }),
        };
      }
      const note =
        stepWarnings.length > 0
          ? 'validations failed, reported as warnings (Warn)'
          : Object.keys(audit).length > 0
            ? 'validations failed, recorded for audit (Audit)'
            : 'every validation passed';
      return { step: { ...base, outcome: 'passed', reason: note, ...extras } };
    },
  };
}
