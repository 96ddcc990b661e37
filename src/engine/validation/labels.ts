import type { FieldError } from '../responses/status';
import { invalidValue } from './field';
import { isQualifiedName, isValidLabelValue } from './names';

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** apimachinery/pkg/apis/meta/v1/validation ValidateLabels (keys are qualified names). */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of Object.entries(asObject(labels))) {
    errs.push(...isQualifiedName(key).map((m) => invalidValue(path, key, m)));
    const v = typeof value === 'string' ? value : String(value);
    errs.push(...isValidLabelValue(v).map((m) => invalidValue(path, v, m)));
  }
  return errs;
}
