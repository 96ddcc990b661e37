import type { AuthorizationAttributes, ObjectReader, PolicyRule, RbacLack, RbacNearMiss } from '../../types';
import {
  apiGroupMatches,
  nonResourceURLMatches,
  resourceMatches,
  resourceNameMatches,
  verbMatches,
} from './evaluation';
import { type RbacIndex, rbacIndexFor } from './rbac-index';
import { appliesTo, getRoleReferenceRules } from './rule-resolver';
import type { RbacBinding } from './types';

/**
 * What one rule lacks to allow the request, judged with the evaluation_helpers.go matchers.
 * `subresource`: the rule names the resource but not the requested subresource (`pods` for
 * `pods/log`). A rule of the other kind (non-resource for a resource request and vice versa)
 * returns undefined: it is not a near miss, just unrelated.
 */
export function ruleLacks(attrs: AuthorizationAttributes, rule: PolicyRule): RbacLack[] | undefined {
  const lacks: RbacLack[] = [];
  if (attrs.isResourceRequest) {
    if ((rule.resources ?? []).length === 0) return undefined;
    if (!verbMatches(rule, attrs.verb)) lacks.push('verb');
    if (!apiGroupMatches(rule, attrs.apiGroup)) lacks.push('apiGroup');
    const combined = attrs.subresource === '' ? attrs.resource : `${attrs.resource}/${attrs.subresource}`;
    if (!resourceMatches(rule, combined, attrs.subresource)) {
      const coversBase = resourceMatches(rule, attrs.resource, '');
      lacks.push(attrs.subresource !== '' && coversBase ? 'subresource' : 'resource');
    }
    if (!resourceNameMatches(rule, attrs.name)) lacks.push('resourceName');
    return lacks;
  }
  if ((rule.nonResourceURLs ?? []).length === 0) return undefined;
  if (!verbMatches(rule, attrs.verb)) lacks.push('verb');
  if (!nonResourceURLMatches(rule, attrs.path)) lacks.push('nonResourceURL');
  return lacks;
}

/**
 * The rules bound to the user that came closest to allowing a request RBAC did not allow: every
 * rule of every ClusterRoleBinding that names the user, and of every RoleBinding that names the
 * user in any namespace (lacking `namespace` when it is not the request's; RoleBindings never
 * grant cluster-scoped or non-resource requests). Sorted by fewest lacks, then rules about the
 * requested resource before others, then walk order;
 * at most `limit`. This is the simulator's explanation; the real server only says "forbidden".
 */
export function findNearMisses(
  attrs: AuthorizationAttributes,
  objects: ObjectReader | RbacIndex,
  limit = 3,
): RbacNearMiss[] {
  const index = 'clusterRoleRules' in objects ? objects : rbacIndexFor(objects);
  const found: RbacNearMiss[] = [];
  const consider = (binding: RbacBinding, kind: 'ClusterRoleBinding' | 'RoleBinding', namespace: string) => {
    const subjects = binding.subjects ?? [];
    if (appliesTo(attrs.user, subjects, namespace) === -1) return;
    const resolved = getRoleReferenceRules(binding.roleRef, namespace, index);
    if ('error' in resolved) return;
    const name = binding.metadata?.name ?? '';
    const wrongNamespace = kind === 'RoleBinding' && namespace !== attrs.namespace;
    if (kind === 'RoleBinding' && !attrs.isResourceRequest) return;
    for (const [ruleIndex, rule] of resolved.rules.entries()) {
      const lacks = ruleLacks(attrs, rule);
      if (lacks === undefined) continue;
      const all: RbacLack[] = wrongNamespace ? ['namespace', ...lacks] : lacks;
      if (all.length === 0) continue;
      const aggregatedFrom = resolved.aggregatedFrom[ruleIndex];
      found.push({
        binding: kind === 'ClusterRoleBinding' ? { kind, name } : { kind, name, namespace },
        role: resolved.role,
        ruleIndex,
        rule,
        lacks: all,
        ...(aggregatedFrom === undefined ? {} : { aggregatedFrom }),
      });
    }
  };
  for (const binding of index.clusterRoleBindingsFor(attrs.user)) consider(binding, 'ClusterRoleBinding', '');
  const namespaces = [attrs.namespace, ...index.bindingNamespaces.filter((n) => n !== attrs.namespace)];
  for (const namespace of namespaces) {
    if (namespace === '') continue;
    for (const binding of index.roleBindingsFor(attrs.user, namespace))
      consider(binding, 'RoleBinding', namespace);
  }
  // Fewest lacks first; among equals, rules about the requested resource before rules about
  // another one; Array.prototype.sort is stable, so the rest keeps walk order.
  const offTarget = (m: RbacNearMiss) =>
    m.lacks.filter((l) => l === 'resource' || l === 'apiGroup' || l === 'nonResourceURL').length;
  return found.sort((a, b) => a.lacks.length - b.lacks.length || offTarget(a) - offTarget(b)).slice(0, limit);
}
