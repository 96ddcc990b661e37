import type { AuthorizationAttributes, PolicyRule } from '../../types';

/**
 * Rule matching, word for word as pkg/apis/rbac/v1/evaluation_helpers.go and
 * plugin/pkg/auth/authorizer/rbac/rbac.go `RuleAllows`.
 */

export function verbMatches(rule: PolicyRule, requestedVerb: string): boolean {
  return (rule.verbs ?? []).some((v) => v === '*' || v === requestedVerb);
}

export function apiGroupMatches(rule: PolicyRule, requestedGroup: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === '*' || g === requestedGroup);
}

/**
 * `*` matches everything, `pods/log` only itself, and `*\/log` any resource's `log`
 * subresource. `pods` does not cover `pods/log`, and `pods/*` is no wildcard.
 */
export function resourceMatches(
  rule: PolicyRule,
  combinedRequestedResource: string,
  requestedSubresource: string,
): boolean {
  for (const ruleResource of rule.resources ?? []) {
    if (ruleResource === '*') return true;
    if (ruleResource === combinedRequestedResource) return true;
    if (requestedSubresource === '') continue;
    if (
      ruleResource.length === requestedSubresource.length + 2 &&
      ruleResource.startsWith('*/') &&
      ruleResource.endsWith(requestedSubresource)
    ) {
      return true;
    }
  }
  return false;
}

/** No resourceNames matches every name; otherwise the request's name must be listed (so no name never matches). */
export function resourceNameMatches(rule: PolicyRule, requestedName: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(requestedName);
}

/** `*` matches every path; a trailing `*` is a prefix match (`/healthz/*` does not match `/healthz`). */
export function nonResourceURLMatches(rule: PolicyRule, requestedURL: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    (url) =>
      url === '*' ||
      url === requestedURL ||
      (url.endsWith('*') && requestedURL.startsWith(url.replace(/\*+$/, ''))),
  );
}

export function ruleAllows(attrs: AuthorizationAttributes, rule: PolicyRule): boolean {
  if (attrs.isResourceRequest) {
    const combined = attrs.subresource === '' ? attrs.resource : `${attrs.resource}/${attrs.subresource}`;
    return (
      verbMatches(rule, attrs.verb) &&
      apiGroupMatches(rule, attrs.apiGroup) &&
      resourceMatches(rule, combined, attrs.subresource) &&
      resourceNameMatches(rule, attrs.name)
    );
  }
  return verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.path);
}
