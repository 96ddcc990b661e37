import type { LabelSelector } from '../../labels/selector';
import type { PolicyRule } from '../../types';
import type { RbacRole } from './types';

/** rbacv1.AggregationRule. */
export interface AggregationRule {
  readonly clusterRoleSelectors?: readonly LabelSelector[];
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
