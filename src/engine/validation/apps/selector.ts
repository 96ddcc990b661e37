import type { FieldError } from '../../responses/status';
import { required } from '../field';
import {
  invalidGoValue,
  isEmptySelector,
  isObject,
  labelSelectorString,
  selectorConversionFails,
  validateLabelSelector,
} from './template';

/**
 * The `spec.selector` checks ValidateDeploymentSpec, ValidateReplicaSetSpec and
 * ValidateStatefulSetSpec share: required, valid, not empty (`empty selector is invalid for
 * <word>`; ReplicaSets say "deployment" too), and convertible. Returns the errors, whether
 * LabelSelectorAsSelector succeeded (only then is the template validated) and whether the
 * template's labels must match (the selector is not labels.Everything()).
 */
export function validateRequiredSelector(
  selector: unknown,
  path: string,
  word: string,
  conversionDetail: string,
): { errs: FieldError[]; converted: boolean; checkMatch: boolean } {
  const errs: FieldError[] = [];
  if (!isObject(selector)) {
    errs.push(required(path, ''));
    // A nil selector converts to labels.Nothing(), which is not Empty(): the template check runs.
    return { errs, converted: true, checkMatch: true };
  }
  errs.push(...validateLabelSelector(selector, path));
  if (isEmptySelector(selector))
    errs.push(invalidGoValue(path, labelSelectorString(selector), `empty selector is invalid for ${word}`));
  if (selectorConversionFails(selector)) {
    errs.push(invalidGoValue(path, labelSelectorString(selector), conversionDetail));
    return { errs, converted: false, checkMatch: false };
  }
  return { errs, converted: true, checkMatch: !isEmptySelector(selector) };
}
