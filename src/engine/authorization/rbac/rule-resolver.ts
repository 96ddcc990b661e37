import { findResource, storageKey } from '../../resources';
import type { ObjectReader, ObjectRef, PolicyRule, UserInfo } from '../../types';
import type { RbacBinding, RbacRole, RoleRef, Subject } from './types';

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
) => boolean;

function resourceType(resource: string) {
  const type = findResource(resource);
  if (type === undefined) throw new Error(`${resource} is missing from RESOURCES`);
  return type;
}

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

/**
 * rule.go GetRoleReferenceRules. Errors are the listers' NotFound texts, which name the
 * singular resource: `role.rbac.authorization.k8s.io "x" not found`.
 */
export function getRoleReferenceRules(
  roleRef: RoleRef | undefined,
  bindingNamespace: string,
  objects: ObjectReader,
): { rules: readonly PolicyRule[]; role: ObjectRef } | { error: string } {
  const kind = roleRef?.kind ?? '';
  const name = roleRef?.name ?? '';
  switch (kind) {
    case 'Role': {
      const role = objects.get(storageKey(resourceType('roles'), bindingNamespace, name)) as
        | RbacRole
        | undefined;
      if (role === undefined)
        return { error: `role.rbac.authorization.k8s.io ${JSON.stringify(name)} not found` };
      return { rules: role.rules ?? [], role: { kind: 'Role', name, namespace: bindingNamespace } };
    }
    case 'ClusterRole': {
      const role = objects.get(storageKey(resourceType('clusterroles'), '', name)) as RbacRole | undefined;
      if (role === undefined) {
        return { error: `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(name)} not found` };
      }
      return { rules: role.rules ?? [], role: { kind: 'ClusterRole', name } };
    }
    default:
      return { error: `unsupported role reference kind: ${JSON.stringify(kind)}` };
  }
}

/**
 * Walks ClusterRoleBindings first, then (only when `namespace` is set) the RoleBindings in that
 * namespace, visiting each rule of each bound role. Bindings are read in storage key order.
 */
export function visitRulesFor(
  user: UserInfo,
  namespace: string,
  objects: ObjectReader,
  visitor: RuleVisitor,
): void {
  const clusterRoleBindings = objects.list(
    storageKey(resourceType('clusterrolebindings'), ''),
  ) as RbacBinding[];
  for (const binding of clusterRoleBindings) {
    if (!visitBinding(user, binding, 'ClusterRoleBinding', '', objects, visitor)) return;
  }
  if (namespace === '') return;
  const roleBindings = objects.list(storageKey(resourceType('rolebindings'), namespace)) as RbacBinding[];
  for (const binding of roleBindings) {
    if (!visitBinding(user, binding, 'RoleBinding', namespace, objects, visitor)) return;
  }
}

/** Visits one binding's rules; false when the visitor asked to stop. */
function visitBinding(
  user: UserInfo,
  binding: RbacBinding,
  kind: 'ClusterRoleBinding' | 'RoleBinding',
  namespace: string,
  objects: ObjectReader,
  visitor: RuleVisitor,
): boolean {
  const subjects = binding.subjects ?? [];
  const subjectIndex = appliesTo(user, subjects, namespace);
  const subject = subjects[subjectIndex];
  if (subject === undefined) return true;
  const resolved = getRoleReferenceRules(binding.roleRef, namespace, objects);
  if ('error' in resolved) return visitor(undefined, undefined, -1, resolved.error);

  const name = binding.metadata?.name ?? '';
  const roleRefText = `${binding.roleRef?.kind ?? ''} ${JSON.stringify(binding.roleRef?.name ?? '')}`;
  const source: RuleSource =
    kind === 'ClusterRoleBinding'
      ? {
          binding: { kind, name },
          role: resolved.role,
          subject,
          description: `ClusterRoleBinding ${JSON.stringify(name)} of ${roleRefText} to ${describeSubject(subject, '')}`,
        }
      : {
          binding: { kind, name, namespace },
          role: resolved.role,
          subject,
          description: `RoleBinding ${JSON.stringify(`${name}/${namespace}`)} of ${roleRefText} to ${describeSubject(subject, namespace)}`,
        };
  for (const [index, rule] of resolved.rules.entries()) {
    if (!visitor(source, rule, index, undefined)) return false;
  }
  return true;
}
