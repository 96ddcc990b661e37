import type { ObjectReader, ObjectRef, PolicyRule, UserInfo } from '../../types';
import { type RbacIndex, rbacIndexFor } from './rbac-index';
import type { RbacBinding, RoleRef, Subject } from './types';

/**
 * Which rules apply to a user in a namespace, and from where.
 * Models pkg/registry/rbac/validation/rule.go `DefaultRuleResolver.VisitRulesFor`.
 */

/** Where a rule came from: the binding, the subject in it that matched, and the role it references. */
export interface RuleSource {
  readonly binding: ObjectRef;
  readonly role: ObjectRef;
  readonly subject: Subject;
  /** `ClusterRoleBinding "x" of ClusterRole "y" to User "alice"` (rule.go's describers). */
  readonly description: string;
}

/**
 * Called with each rule (and its index in the role) or with a resolution error; returning false
 * stops the walk, as in Go.
 */
export type RuleVisitor = (
  source: RuleSource | undefined,
  rule: PolicyRule | undefined,
  ruleIndex: number,
  error: string | undefined,
  /** For a rule of an aggregated ClusterRole: the ClusterRole it came from. */
  aggregatedFrom?: ObjectRef,
) => boolean;

/** rule.go describeSubject: a ServiceAccount is shown as `name/namespace`. */
export function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') {
    const namespace = subject.namespace ? subject.namespace : bindingNamespace;
    return `${subject.kind} ${JSON.stringify(`${subject.name}/${namespace}`)}`;
  }
  return `${subject.kind} ${JSON.stringify(subject.name)}`;
}

/** serviceaccount.MatchesUsername: `system:serviceaccount:<namespace>:<name>` exactly. */
function matchesServiceAccountUsername(namespace: string, name: string, username: string): boolean {
  return username === `system:serviceaccount:${namespace}:${name}`;
}

/** rule.go appliesToUser. `namespace` is the RoleBinding's namespace, or '' for a ClusterRoleBinding. */
export function appliesToUser(user: UserInfo, subject: Subject, namespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.username === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      // A RoleBinding's ServiceAccount subject defaults to the binding's namespace; in a
      // ClusterRoleBinding there is none to default to, so the subject must name one.
      const saNamespace = subject.namespace ? subject.namespace : namespace;
      if (saNamespace === '') return false;
      return matchesServiceAccountUsername(saNamespace, subject.name, user.username);
    }
    default:
      return false;
  }
}

/** rule.go appliesTo: the index of the first subject that applies, or -1. */
export function appliesTo(user: UserInfo, subjects: readonly Subject[], namespace: string): number {
  return subjects.findIndex((s) => appliesToUser(user, s, namespace));
}

/** The rules a role reference resolves to, and for aggregated ClusterRoles where each came from. */
export interface ResolvedRoleRef {
  readonly rules: readonly PolicyRule[];
  readonly role: ObjectRef;
  readonly aggregatedFrom: readonly (ObjectRef | undefined)[];
}

/**
 * rule.go GetRoleReferenceRules. Errors are the listers' NotFound texts, which name the
 * singular resource: `role.rbac.authorization.k8s.io "x" not found`. A ClusterRole with an
 * aggregationRule resolves to its aggregated rules (see rbac-index.ts).
 */
export function getRoleReferenceRules(
  roleRef: RoleRef | undefined,
  bindingNamespace: string,
  objects: ObjectReader | RbacIndex,
): ResolvedRoleRef | { error: string } {
  const index = 'clusterRoleRules' in objects ? objects : rbacIndexFor(objects);
  const kind = roleRef?.kind ?? '';
  const name = roleRef?.name ?? '';
  switch (kind) {
    case 'Role': {
      const role = index.role(bindingNamespace, name);
      if (role === undefined)
        return { error: `role.rbac.authorization.k8s.io ${JSON.stringify(name)} not found` };
      const rules = role.rules ?? [];
      return {
        rules,
        role: { kind: 'Role', name, namespace: bindingNamespace },
        aggregatedFrom: rules.map(() => undefined),
      };
    }
    case 'ClusterRole': {
      const effective = index.clusterRoleRules(name);
      if (effective === undefined) {
        return { error: `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(name)} not found` };
      }
      return {
        rules: effective.rules,
        role: { kind: 'ClusterRole', name },
        aggregatedFrom: effective.aggregatedFrom,
      };
    }
    default:
      return { error: `unsupported role reference kind: ${JSON.stringify(kind)}` };
  }
}

/**
 * Walks ClusterRoleBindings first, then (only when `namespace` is set) the RoleBindings in that
 * namespace, visiting each rule of each bound role. Bindings are read in storage key order;
 * the index narrows them to those whose subjects can name the user, which changes nothing
 * about the outcome (appliesTo would skip the others).
 */
export function visitRulesFor(
  user: UserInfo,
  namespace: string,
  objects: ObjectReader | RbacIndex,
  visitor: RuleVisitor,
): void {
  const index = 'clusterRoleRules' in objects ? objects : rbacIndexFor(objects);
  for (const binding of index.clusterRoleBindingsFor(user)) {
    if (!visitBinding(user, binding, 'ClusterRoleBinding', '', index, visitor)) return;
  }
  if (namespace === '') return;
  for (const binding of index.roleBindingsFor(user, namespace)) {
    if (!visitBinding(user, binding, 'RoleBinding', namespace, index, visitor)) return;
  }
}

/** rule.go's describers: `ClusterRoleBinding "x" of ClusterRole "y" to User "alice"`. */
export function describeBinding(
  binding: RbacBinding,
  kind: 'ClusterRoleBinding' | 'RoleBinding',
  namespace: string,
  subject: Subject,
): string {
  const name = binding.metadata?.name ?? '';
  const roleRefText = `${binding.roleRef?.kind ?? ''} ${JSON.stringify(binding.roleRef?.name ?? '')}`;
  return kind === 'ClusterRoleBinding'
    ? `ClusterRoleBinding ${JSON.stringify(name)} of ${roleRefText} to ${describeSubject(subject, '')}`
    : `RoleBinding ${JSON.stringify(`${name}/${namespace}`)} of ${roleRefText} to ${describeSubject(subject, namespace)}`;
}

/** Visits one binding's rules; false when the visitor asked to stop. */
function visitBinding(
  user: UserInfo,
  binding: RbacBinding,
  kind: 'ClusterRoleBinding' | 'RoleBinding',
  namespace: string,
  index: RbacIndex,
  visitor: RuleVisitor,
): boolean {
  const subjects = binding.subjects ?? [];
  const subject = subjects[appliesTo(user, subjects, namespace)];
  if (subject === undefined) return true;
  const resolved = getRoleReferenceRules(binding.roleRef, namespace, index);
  if ('error' in resolved) return visitor(undefined, undefined, -1, resolved.error);

  const name = binding.metadata?.name ?? '';
  const source: RuleSource = {
    binding: kind === 'ClusterRoleBinding' ? { kind, name } : { kind, name, namespace },
    role: resolved.role,
    subject,
    description: describeBinding(binding, kind, namespace, subject),
  };
  for (const [i, rule] of resolved.rules.entries()) {
    if (!visitor(source, rule, i, undefined, resolved.aggregatedFrom[i])) return false;
  }
  return true;
}

/** rule.go RulesFor: every rule that applies to the user in the namespace, and the resolution errors. */
export function rulesFor(
  user: UserInfo,
  namespace: string,
  objects: ObjectReader | RbacIndex,
): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRulesFor(user, namespace, objects, (_source, rule, _i, error) => {
    if (rule !== undefined) rules.push(rule);
    if (error !== undefined) errors.push(error);
    return true;
  });
  return { rules, errors };
}
