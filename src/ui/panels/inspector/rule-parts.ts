import type { AuthorizationAttributes, PolicyRule, RbacLack } from '../../../engine';

/** The fields of a PolicyRule, in the order `kubectl describe role` prints them. */
export type RuleField = 'verbs' | 'apiGroups' | 'resources' | 'resourceNames' | 'nonResourceURLs';

export interface RuleValue {
  readonly value: string;
  /** This value is the one that covers the request (emphasised in the inspector). */
  readonly matches: boolean;
}

export interface RulePart {
  readonly field: RuleField;
  readonly values: readonly RuleValue[];
  /** The engine said the rule lacks this field (near misses only). */
  readonly lacking: boolean;
}

const LACK_FIELD: Readonly<Record<RbacLack, RuleField | undefined>> = {
  verb: 'verbs',
  apiGroup: 'apiGroups',
  resource: 'resources',
  subresource: 'resources',
  resourceName: 'resourceNames',
  nonResourceURL: 'nonResourceURLs',
  namespace: undefined,
};

/**
 * The rule laid out for display, marking which value covers each request attribute. This only
 * decides what to emphasise: whether the rule allowed the request is the engine's answer
 * (RbacMatch / RbacNearMiss.lacks), never recomputed here. The matchers mirror
 * plugin/pkg/auth/authorizer/rbac/rbac.go (VerbMatches, APIGroupMatches, ResourceMatches…).
 */
export function ruleParts(
  rule: PolicyRule,
  attrs: AuthorizationAttributes,
  lacks: readonly RbacLack[] = [],
): RulePart[] {
  const lacking = new Set(lacks.map((lack) => LACK_FIELD[lack]));
  const combined = attrs.subresource === '' ? attrs.resource : `${attrs.resource}/${attrs.subresource}`;
  const tests: Readonly<Record<RuleField, (value: string) => boolean>> = {
    verbs: (v) => v === '*' || v === attrs.verb,
    apiGroups: (v) => v === '*' || v === attrs.apiGroup,
    resources: (v) =>
      v === '*' || v === combined || (attrs.subresource !== '' && v === `*/${attrs.subresource}`),
    resourceNames: (v) => v === attrs.name,
    nonResourceURLs: (v) =>
      v === '*' || v === attrs.path || (v.endsWith('*') && attrs.path.startsWith(v.slice(0, -1))),
  };
  const fields: RuleField[] = attrs.isResourceRequest
    ? ['verbs', 'apiGroups', 'resources', 'resourceNames']
    : ['verbs', 'nonResourceURLs'];
  const parts: RulePart[] = [];
  for (const field of fields) {
    const values = rule[field] ?? [];
    if (values.length === 0 && field === 'resourceNames' && !lacking.has(field)) continue;
    parts.push({
      field,
      values: values.map((value) => ({ value, matches: tests[field](value) })),
      lacking: lacking.has(field),
    });
  }
  return parts;
}

/** `""` for the core group, as RBAC writes it; other values as they are. */
export function displayRuleValue(field: RuleField, value: string): string {
  return field === 'apiGroups' && value === '' ? '"" (core)' : value;
}
