import type { AbacPolicy, AuthorizationAttributes, UserInfo } from '../../types';

/** What ABAC answers when no line matches; it becomes part of the 403 text. */
export const ABAC_NO_MATCH = 'No policy matched.';

/** authorizer.AttributesRecord IsReadOnly. */
function isReadOnly(verb: string): boolean {
  return verb === 'get' || verb === 'list' || verb === 'watch';
}

/** abac.go subjectMatches: a set user must match (or be `*`), and so must a set group. */
export function subjectMatches(policy: AbacPolicy, user: UserInfo): boolean {
  let matched = false;
  const { user: policyUser = '', group: policyGroup = '' } = policy.spec;
  if (policyUser !== '') {
    if (policyUser === '*') matched = true;
    else {
      matched = policyUser === user.username;
      if (!matched) return false;
    }
  }
  if (policyGroup !== '') {
    if (policyGroup === '*') matched = true;
    else {
      matched = user.groups.includes(policyGroup);
      if (!matched) return false;
    }
  }
  return matched;
}

/** abac.go verbMatches: every line allows reads; only a line without `readonly` allows writes. */
function verbMatches(policy: AbacPolicy, attrs: AuthorizationAttributes): boolean {
  return isReadOnly(attrs.verb) || policy.spec.readonly !== true;
}

/** abac.go resourceMatches: `*` or an exact value, for namespace, resource and apiGroup alike. */
function resourceMatches(policy: AbacPolicy, attrs: AuthorizationAttributes): boolean {
  if (!attrs.isResourceRequest) return false;
  const { namespace = '', resource = '', apiGroup = '' } = policy.spec;
  return (
    (namespace === '*' || namespace === attrs.namespace) &&
    (resource === '*' || resource === attrs.resource) &&
    (apiGroup === '*' || apiGroup === attrs.apiGroup)
  );
}

/** abac.go nonResourceMatches: `*`, an exact path, or a trailing-`*` prefix. */
function nonResourceMatches(policy: AbacPolicy, attrs: AuthorizationAttributes): boolean {
  if (attrs.isResourceRequest) return false;
  const path = policy.spec.nonResourcePath ?? '';
  if (path === '*' || path === attrs.path) return true;
  return path.endsWith('*') && attrs.path.startsWith(path.replace(/\*+$/, ''));
}

export function policyMatches(policy: AbacPolicy, attrs: AuthorizationAttributes): boolean {
  return (
    subjectMatches(policy, attrs.user) &&
    verbMatches(policy, attrs) &&
    (resourceMatches(policy, attrs) || nonResourceMatches(policy, attrs))
  );
}

/**
 * The ABAC authorizer (`--authorization-mode=ABAC`, `--authorization-policy-file`).
 * Models pkg/auth/authorizer/abac/abac.go PolicyList.Authorize for v1beta1 lines: the first
 * matching line allows (upstream's reason is empty; the simulator names the line), otherwise
 * no opinion with the reason "No policy matched.". ABAC never denies. Subresources are not
 * looked at: a line for `pods` also covers `pods/log`.
 */
export function authorizeAbac(
  attrs: AuthorizationAttributes,
  policies: readonly AbacPolicy[],
): { decision: 'allow' | 'noOpinion'; reason: string; line?: number } {
  const index = policies.findIndex((p) => policyMatches(p, attrs));
  if (index === -1) return { decision: 'noOpinion', reason: ABAC_NO_MATCH };
  return { decision: 'allow', reason: `ABAC: allowed by policy line ${index + 1}`, line: index + 1 };
}
