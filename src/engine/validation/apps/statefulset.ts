import type { FieldError } from '../../responses/status';
import { forbiddenField, invalidValue, notSupported, required } from '../field';
import { validateLabels } from '../labels';
import { validateRequiredSelector } from './selector';
import {
  asObject,
  canonicalJson,
  intOrPercentValue,
  intOrStringText,
  invalidGoValue,
  isObject,
  nonNegative,
  notMoreThan100Percent,
  positiveIntOrPercent,
  restartAlwaysOnly,
  templateMismatch,
} from './template';

/**
 * ValidateStatefulSetSpec and ValidateStatefulSetUpdate (pkg/apis/apps/validation/validation.go).
 * Upstream leaves the template's pod spec unvalidated for StatefulSets
 * (ValidatePodTemplateSpecForStatefulSet's TODO): only its labels, restartPolicy and
 * activeDeadlineSeconds are checked.
 */

function validateUpdateStrategy(strategyValue: unknown): FieldError[] {
  const strategy = asObject(strategyValue);
  const path = 'spec.updateStrategy';
  switch (strategy.type) {
    case undefined:
    case '':
      return [required(path, '')];
    case 'OnDelete':
      return isObject(strategy.rollingUpdate)
        ? [
            {
              type: 'FieldValueInvalid',
              field: `${path}.rollingUpdate`,
              body: `Invalid value: ${rollingUpdateText(strategy.rollingUpdate)}: only allowed for updateStrategy 'RollingUpdate'`,
            },
          ]
        : [];
    case 'RollingUpdate': {
      if (!isObject(strategy.rollingUpdate)) return [];
      const rolling = strategy.rollingUpdate;
      const errs = nonNegative(rolling.partition, `${path}.rollingUpdate.partition`);
      if (rolling.maxUnavailable !== undefined && rolling.maxUnavailable !== null) {
        const at = `${path}.rollingUpdate.maxUnavailable`;
        errs.push(...positiveIntOrPercent(rolling.maxUnavailable, at));
        if (intOrPercentValue(rolling.maxUnavailable) === 0)
          errs.push(invalidGoValue(at, intOrStringText(rolling.maxUnavailable), 'cannot be 0'));
        errs.push(...notMoreThan100Percent(rolling.maxUnavailable, at));
      }
      return errs;
    }
    default:
      return [
        {
          type: 'FieldValueInvalid',
          field: path,
          body: `Invalid value: apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(String(strategy.type))}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be 'RollingUpdate' or 'OnDelete'`,
        },
      ];
  }
}

/**
 * %#v of the internal *RollingUpdateStatefulSetStrategy (internal types have no String()). A set
 * maxUnavailable prints as a pointer address that differs on every run; the simulator prints a
 * fixed one.
 */
function rollingUpdateText(rolling: Record<string, unknown>): string {
  const partition = typeof rolling.partition === 'number' ? rolling.partition : 0;
  const max =
    rolling.maxUnavailable === undefined || rolling.maxUnavailable === null
      ? '(*intstr.IntOrString)(nil)'
      : '(*intstr.IntOrString)(0xc000a2e0f8)';
  return `apps.RollingUpdateStatefulSetStrategy{Partition:${partition}, MaxUnavailable:${max}}`;
}

const RETENTION = ['Retain', 'Delete'];

export function validateStatefulSetSpec(specValue: unknown): FieldError[] {
  const spec = asObject(specValue);
  const errs: FieldError[] = [];
  const policy = spec.podManagementPolicy;
  if (policy === undefined || policy === '') errs.push(required('spec.podManagementPolicy', ''));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel')
    errs.push(invalidValue('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...validateUpdateStrategy(spec.updateStrategy));
  if (isObject(spec.persistentVolumeClaimRetentionPolicy)) {
    const retention = spec.persistentVolumeClaimRetentionPolicy;
    for (const key of ['whenDeleted', 'whenScaled']) {
      const value = String(retention[key] ?? '');
      if (!RETENTION.includes(value))
        errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${key}`, value, RETENTION));
    }
  }
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (isObject(spec.ordinals)) errs.push(...nonNegative(spec.ordinals.start, 'spec.ordinals.start'));

  const selected = validateRequiredSelector(spec.selector, 'spec.selector', 'statefulset', '');
  errs.push(...selected.errs);
  const template = asObject(spec.template);
  if (selected.converted) {
    if (selected.checkMatch) errs.push(...templateMismatch(spec.selector, template, 'spec.template'));
    errs.push(...validateLabels(asObject(template.metadata).labels, 'spec.template.labels'));
  }
  errs.push(...restartAlwaysOnly(template, 'spec.template', 'StatefulSet'));
  return errs;
}

/** The fields a StatefulSet update may change (ValidateStatefulSetUpdate). */
const UPDATABLE = [
  'replicas',
  'template',
  'updateStrategy',
  'minReadySeconds',
  'ordinals',
  'persistentVolumeClaimRetentionPolicy',
];

export function validateStatefulSetUpdate(specValue: unknown, oldSpecValue: unknown): FieldError[] {
  const strip = (value: unknown) => {
    const copy = { ...asObject(value) };
    for (const key of UPDATABLE) delete copy[key];
    return canonicalJson(copy);
  };
  if (strip(specValue) === strip(oldSpecValue)) return [];
  return [
    forbiddenField(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}
