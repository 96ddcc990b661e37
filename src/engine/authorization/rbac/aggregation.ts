import type { PolicyRule } from '../../types';
import type { RbacRole } from './types';

/** metav1.LabelSelectorRequirement. */
export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  readonly values?: readonly string[];
}

/** metav1.LabelSelector, as an aggregationRule's clusterRoleSelectors hold them. */
export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** rbacv1.AggregationRule. */
export interface AggregationRule {
  readonly clusterRoleSelectors?: readonly LabelSelector[];
}

/**
 * metav1.LabelSelectorAsSelector + Matches: every matchLabels pair and every expression must
 * hold; an empty selector matches everything. An unknown operator matches nothing (upstream
 * fails to convert the selector, and the controller skips it).
 */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const requirement of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, requirement.key);
    const value = labels[requirement.key];
    const values = requirement.values ?? [];
    switch (requirement.operator) {
      case 'In':
        if (!has || !values.includes(value ?? '')) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value ?? '')) return false;
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

export function hasAggregationRule(role: RbacRole | undefined): boolean {
  const rule = (role as { aggregationRule?: AggregationRule } | undefined)?.aggregationRule;
  return (rule?.clusterRoleSelectors?.length ?? 0) > 0;
}

export function aggregationSelectors(role: RbacRole): readonly LabelSelector[] {
  return (role as { aggregationRule?: AggregationRule }).aggregationRule?.clusterRoleSelectors ?? [];
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** clusterroleaggregation_controller.go ruleExists: equality.Semantic.DeepEqual on each field. */
export function sameRule(a: PolicyRule, b: PolicyRule): boolean {
  return (
    sameStrings(a.verbs, b.verbs) &&
    sameStrings(a.apiGroups, b.apiGroups) &&
    sameStrings(a.resources, b.resources) &&
    sameStrings(a.resourceNames, b.resourceNames) &&
    sameStrings(a.nonResourceURLs, b.nonResourceURLs)
  );
}
