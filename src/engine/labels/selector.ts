/** metav1.LabelSelectorRequirement. */
export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  readonly values?: readonly string[];
}

/** metav1.LabelSelector. */
export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * metav1.LabelSelectorAsSelector + Matches (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go):
 * every matchLabels pair and every expression must hold; an absent or empty selector matches
 * everything; an unknown operator matches nothing (upstream fails to convert the selector).
 * Takes the selector as stored JSON, so callers need not validate it first.
 */
export function selectorMatches(
  selector: unknown,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (selector === undefined || selector === null) return true;
  const s = asRecord(selector);
  const l = labels ?? {};
  for (const [key, value] of Object.entries(asRecord(s.matchLabels))) if (l[key] !== value) return false;
  const expressions = Array.isArray(s.matchExpressions) ? s.matchExpressions : [];
  for (const expression of expressions) {
    const e = asRecord(expression);
    const key = String(e.key ?? '');
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    const has = Object.hasOwn(l, key);
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(l[key] ?? '')) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[key] ?? '')) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
