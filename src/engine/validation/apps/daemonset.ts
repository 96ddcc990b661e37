import type { FieldError } from '../../responses/status';
import { required } from '../field';
import {
  asObject,
  intOrPercentValue,
  intOrStringText,
  invalidGoValue,
  isEmptySelector,
  isObject,
  labelSelectorString,
  nonNegative,
  notMoreThan100Percent,
  positiveIntOrPercent,
  restartAlwaysOnly,
  selectorConversionFails,
  templateMismatch,
  validateLabelSelector,
  validatePodTemplateSpec,
} from './template';

/** ValidateDaemonSetSpec and ValidateDaemonSetUpdateStrategy (pkg/apis/apps/validation/validation.go). */

/** ValidateRollingUpdateDaemonSet: exactly one of maxSurge and maxUnavailable is non-zero. */
function validateRollingUpdate(rolling: Record<string, unknown>, path: string): FieldError[] {
  const errs = [
    ...positiveIntOrPercent(rolling.maxUnavailable, `${path}.maxUnavailable`),
    ...positiveIntOrPercent(rolling.maxSurge, `${path}.maxSurge`),
    ...notMoreThan100Percent(rolling.maxUnavailable, `${path}.maxUnavailable`),
    ...notMoreThan100Percent(rolling.maxSurge, `${path}.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(rolling.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(rolling.maxSurge) !== 0;
  if (hasUnavailable && hasSurge)
    errs.push(
      invalidGoValue(
        `${path}.maxSurge`,
        intOrStringText(rolling.maxSurge),
        'may not be set when maxUnavailable is non-zero',
      ),
    );
  else if (!hasUnavailable && !hasSurge)
    errs.push(required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

function validateUpdateStrategy(strategyValue: unknown): FieldError[] {
  const strategy = asObject(strategyValue);
  const path = 'spec.updateStrategy';
  if (strategy.type === 'OnDelete') return [];
  if (strategy.type === 'RollingUpdate')
    return isObject(strategy.rollingUpdate)
      ? validateRollingUpdate(strategy.rollingUpdate, `${path}.rollingUpdate`)
      : [required(`${path}.rollingUpdate`, '')];
  // The bad value is the internal struct, printed with %#v (defaulting set no rollingUpdate).
  return [
    {
      type: 'FieldValueNotSupported',
      field: path,
      body: `Unsupported value: apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(String(strategy.type ?? ''))}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"`,
    },
  ];
}

export function validateDaemonSetSpec(specValue: unknown): FieldError[] {
  const spec = asObject(specValue);
  const template = asObject(spec.template);
  const errs: FieldError[] = [];
  // No Required error for a missing selector: it converts to labels.Nothing(), so the template check fails.
  const selector = isObject(spec.selector) ? spec.selector : undefined;
  if (selector !== undefined) errs.push(...validateLabelSelector(selector, 'spec.selector'));
  if (selector === undefined || !selectorConversionFails(selector))
    errs.push(...templateMismatch(spec.selector, template, 'spec.template'));
  if (selector !== undefined && isEmptySelector(selector))
    errs.push(
      invalidGoValue(
        'spec.selector',
        labelSelectorString(selector),
        'empty selector is invalid for daemonset',
      ),
    );
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  errs.push(...restartAlwaysOnly(template, 'spec.template', 'DaemonSet'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateUpdateStrategy(spec.updateStrategy));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}
