import type { FieldError } from '../responses/status';

/**
 * field.Error constructors, rendering bodies exactly as ErrorBody does
 * (staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go).
 */

/** Go's `%v` for simple values and `%q` for strings; `null` for nil. */
export function renderValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function withDetail(body: string, detail: string): string {
  return detail === '' ? body : `${body}: ${detail}`;
}

export function required(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, body: withDetail('Required value', detail) };
}

export function invalidValue(field: string, value: unknown, detail: string): FieldError {
  return {
    type: 'FieldValueInvalid',
    field,
    body: withDetail(`Invalid value: ${renderValue(value)}`, detail),
  };
}

export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, body: `Duplicate value: ${renderValue(value)}` };
}

export function notFoundValue(field: string, value: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, body: `Not found: ${renderValue(value)}` };
}

/** field.NotSupported: `Unsupported value: "x": supported values: "a", "b"`. */
export function notSupported(field: string, value: unknown, valid: readonly string[]): FieldError {
  const detail =
    valid.length === 0 ? '' : `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}`;
  return {
    type: 'FieldValueNotSupported',
    field,
    body: withDetail(`Unsupported value: ${renderValue(value)}`, detail),
  };
}

export function forbiddenField(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, body: withDetail('Forbidden', detail) };
}
