import type { FieldError } from '../../responses/status';
import { validateRequiredSelector } from './selector';
import {
  asObject,
  nonNegative,
  type Obj,
  restartAlwaysOnly,
  templateMismatch,
  validatePodTemplateSpec,
} from './template';

/** ValidatePodTemplateSpecForReplicaSet (pkg/apis/apps/validation/validation.go), Deployments too. */
export function validatePodTemplateSpecForReplicaSet(
  template: Obj,
  selector: unknown,
  checkSelector: boolean,
  path: string,
): FieldError[] {
  return [
    ...(checkSelector ? templateMismatch(selector, template, path) : []),
    ...validatePodTemplateSpec(template, path),
    ...restartAlwaysOnly(template, path, 'ReplicaSet'),
  ];
}

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(specValue: unknown): FieldError[] {
  const spec = asObject(specValue);
  const selected = validateRequiredSelector(
    spec.selector,
    'spec.selector',
    'deployment',
    'invalid label selector',
  );
  return [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...selected.errs,
    ...(selected.converted
      ? validatePodTemplateSpecForReplicaSet(
          asObject(spec.template),
          spec.selector,
          selected.checkMatch,
          'spec.template',
        )
      : []),
  ];
}
