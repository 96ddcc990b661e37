import { selectorMatches } from '../../labels/selector';
import type { FieldError } from '../../responses/status';
import { forbiddenField, invalidValue, notSupported, required } from '../field';
import { validateLabels } from '../labels';
import { isQualifiedName, isValidLabelValue, regexError } from '../names';
import { validatePodSpec } from '../pod';

/**
 * What the workload validators share (pkg/apis/apps/validation/validation.go,
 * pkg/apis/batch/validation/validation.go): ValidateNonnegativeField, label selectors, the pod
 * template, and Go's rendering of the values those errors quote.
 */

export type Obj = Record<string, unknown>;

export function asObject(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** apivalidation.ValidateNonnegativeField. Absent optional fields are not checked. */
export function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0
    ? [invalidValue(field, value, 'must be greater than or equal to 0')]
    : [];
}

/** Go's %#v of a map[string]string: keys sorted; a nil map (no labels at all) prints `(nil)`. */
export function goStringMap(value: unknown): string {
  if (!isObject(value)) return 'map[string]string(nil)';
  const entries = Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(value[k]))}`);
  return `map[string]string{${entries.join(', ')}}`;
}

/** The generated (gogo) String() of *metav1.LabelSelector, which field errors print it with. */
export function labelSelectorString(selector: Obj): string {
  const labels = asObject(selector.matchLabels);
  const matchLabels = Object.keys(labels)
    .sort()
    .map((k) => `${k}: ${String(labels[k])},`)
    .join('');
  const expressions = (Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [])
    .map(asObject)
    .map((e) => {
      const values = Array.isArray(e.values) ? e.values.map(String).join(' ') : '';
      return `LabelSelectorRequirement{Key:${String(e.key ?? '')},Operator:${String(e.operator ?? '')},Values:[${values}],},`;
    })
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${matchLabels}},MatchExpressions:[]LabelSelectorRequirement{${expressions}},}`;
}

/** A field.Invalid whose bad value is a Go value printed as is (a Stringer, %#v). */
export function invalidGoValue(field: string, printed: string, detail: string): FieldError {
  return {
    type: 'FieldValueInvalid',
    field,
    body: detail === '' ? `Invalid value: ${printed}` : `Invalid value: ${printed}: ${detail}`,
  };
}

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** unversionedvalidation.ValidateLabelSelector (label values checked strictly). */
export function validateLabelSelector(selector: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  expressions.map(asObject).forEach((requirement, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    const values = Array.isArray(requirement.values) ? requirement.values.map(String) : [];
    const operator = String(requirement.operator ?? '');
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0)
        errs.push(required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0)
        errs.push(
          forbiddenField(
            `${at}.values`,
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
    } else errs.push(invalidValue(`${at}.operator`, operator, 'not a valid selector operator'));
    const key = String(requirement.key ?? '');
    errs.push(...isQualifiedName(key).map((m) => invalidValue(`${at}.key`, key, m)));
    values.forEach((value, j) => {
      errs.push(...isValidLabelValue(value).map((m) => invalidValue(`${at}.values[${j}]`, value, m)));
    });
  });
  errs.push(...validateLabels(selector.matchLabels, `${path}.matchLabels`));
  return errs;
}

/** Whether metav1.LabelSelectorAsSelector would fail (an unknown operator, In without values…). */
export function selectorConversionFails(selector: Obj): boolean {
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return expressions.map(asObject).some((e) => {
    const operator = String(e.operator ?? '');
    const count = Array.isArray(e.values) ? e.values.length : 0;
    if (!OPERATORS.includes(operator)) return true;
    return (operator === 'In' || operator === 'NotIn') === (count === 0);
  });
}

/** Whether a selector selects everything (labels.Everything(): no labels and no expressions). */
export function isEmptySelector(selector: Obj): boolean {
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return Object.keys(asObject(selector.matchLabels)).length === 0 && expressions.length === 0;
}

/**
 * The selector-versus-template check: `selector` does not match template `labels`. A nil
 * selector converts to labels.Nothing(), which matches no labels at all.
 */
export function templateMismatch(selector: unknown, template: Obj, path: string): FieldError[] {
  const labels = asObject(template.metadata).labels;
  const matches = isObject(selector) && selectorMatches(selector, asObject(labels) as Record<string, string>);
  return matches
    ? []
    : [
        invalidGoValue(
          `${path}.metadata.labels`,
          goStringMap(labels),
          '`selector` does not match template `labels`',
        ),
      ];
}

/** apivalidation.ValidatePodTemplateSpec: the template's labels, then its pod spec. */
export function validatePodTemplateSpec(template: Obj, path: string): FieldError[] {
  return [
    ...validateLabels(asObject(template.metadata).labels, `${path}.labels`),
    ...validatePodSpec(template.spec, `${path}.spec`),
  ];
}

/** The controllers that keep pods running accept only restartPolicy Always. */
export function restartAlwaysOnly(template: Obj, path: string, kind: string): FieldError[] {
  const spec = asObject(template.spec);
  const errs: FieldError[] = [];
  const policy = typeof spec.restartPolicy === 'string' ? spec.restartPolicy : '';
  if (policy !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, policy, ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null)
    errs.push(
      forbiddenField(
        `${path}.spec.activeDeadlineSeconds`,
        `activeDeadlineSeconds in ${kind} is not Supported`,
      ),
    );
  return errs;
}

/** validation.IsValidPercent's message. */
const PERCENT_ERROR = regexError(
  "a valid percent string must be a numeric string followed by an ending '%'",
  '[0-9]+%',
  '1%',
  '93%',
);

/** An intstr.IntOrString as its String() prints it. */
export function intOrStringText(value: unknown): string {
  return typeof value === 'number' ? String(value) : String(value ?? '');
}

/** ValidatePositiveIntOrPercent. */
export function positiveIntOrPercent(value: unknown, field: string): FieldError[] {
  if (typeof value === 'string')
    return /^[0-9]+%$/.test(value) ? [] : [invalidGoValue(field, value, PERCENT_ERROR)];
  if (typeof value === 'number') return nonNegative(value, field);
  return [];
}

/** getIntOrPercentValue: the number, or the percentage's number. */
export function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[0-9]+%$/.test(value)) return Number(value.slice(0, -1));
  return 0;
}

/** IsNotMoreThan100Percent. */
export function notMoreThan100Percent(value: unknown, field: string): FieldError[] {
  return typeof value === 'string' && /^[0-9]+%$/.test(value) && Number(value.slice(0, -1)) > 100
    ? [invalidGoValue(field, value, 'must not be greater than 100%')]
    : [];
}

/** JSON with object keys sorted, so that two decodings of the same object compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}
