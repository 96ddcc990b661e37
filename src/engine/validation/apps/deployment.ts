import type { FieldError } from '../../responses/status';
import { forbiddenField, invalidValue, required } from '../field';
import { validatePodTemplateSpecForReplicaSet } from './replicaset';
import { validateRequiredSelector } from './selector';
import {
  asObject,
  intOrPercentValue,
  intOrStringText,
  invalidGoValue,
  isObject,
  nonNegative,
  notMoreThan100Percent,
  positiveIntOrPercent,
} from './template';

/** ValidateDeploymentSpec and ValidateDeploymentStrategy (pkg/apis/apps/validation/validation.go). */

/** ValidateRollingUpdateDeployment. */
function validateRollingUpdate(rolling: Record<string, unknown>, path: string): FieldError[] {
  const errs = [
    ...positiveIntOrPercent(rolling.maxUnavailable, `${path}.maxUnavailable`),
    ...positiveIntOrPercent(rolling.maxSurge, `${path}.maxSurge`),
  ];
  if (intOrPercentValue(rolling.maxUnavailable) === 0 && intOrPercentValue(rolling.maxSurge) === 0)
    errs.push(
      invalidGoValue(
        `${path}.maxUnavailable`,
        intOrStringText(rolling.maxUnavailable),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  errs.push(...notMoreThan100Percent(rolling.maxUnavailable, `${path}.maxUnavailable`));
  return errs;
}

function validateStrategy(strategyValue: unknown): FieldError[] {
  const strategy = asObject(strategyValue);
  const path = 'spec.strategy';
  switch (strategy.type) {
    case 'Recreate':
      return isObject(strategy.rollingUpdate)
        ? [forbiddenField(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case 'RollingUpdate':
      return isObject(strategy.rollingUpdate)
        ? validateRollingUpdate(strategy.rollingUpdate, `${path}.rollingUpdate`)
        : [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
    default: {
      // The bad value is the whole internal struct, printed with %#v. A set rollingUpdate prints
      // as a pointer address that differs on every run; the simulator prints a fixed one.
      const rolling = isObject(strategy.rollingUpdate)
        ? '(*apps.RollingUpdateDeployment)(0xc000a2e0f0)'
        : '(*apps.RollingUpdateDeployment)(nil)';
      return [
        {
          type: 'FieldValueNotSupported',
          field: path,
          body: `Unsupported value: apps.DeploymentStrategy{Type:${JSON.stringify(String(strategy.type ?? ''))}, RollingUpdate:${rolling}}: supported values: "Recreate", "RollingUpdate"`,
        },
      ];
    }
  }
}

export function validateDeploymentSpec(specValue: unknown): FieldError[] {
  const spec = asObject(specValue);
  const selected = validateRequiredSelector(
    spec.selector,
    'spec.selector',
    'deployment',
    'invalid label selector',
  );
  const errs = [...nonNegative(spec.replicas, 'spec.replicas'), ...selected.errs];
  if (selected.converted)
    errs.push(
      ...validatePodTemplateSpecForReplicaSet(
        asObject(spec.template),
        spec.selector,
        selected.checkMatch,
        'spec.template',
      ),
    );
  errs.push(...validateStrategy(spec.strategy));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  // Zero is a valid revisionHistoryLimit.
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (isObject(spec.rollbackTo)) errs.push(...nonNegative(spec.rollbackTo.revision, 'spec.rollback.version'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (spec.progressDeadlineSeconds <= minReady)
      errs.push(
        invalidValue(
          'spec.progressDeadlineSeconds',
          spec.progressDeadlineSeconds,
          'must be greater than minReadySeconds',
        ),
      );
  }
  return errs;
}
