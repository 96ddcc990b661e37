import { forbidden, internalError, notFound } from '../../responses/status';
import type {
  AuthorizationAttributes,
  AuthorizationDetails,
  KubeObject,
  ObjectReader,
  PolicyRule,
  ServerConfig,
  Status,
} from '../../types';
import { authorize, SYSTEM_MASTERS } from '../chain';
import { hasAggregationRule } from './aggregation';
import { rbacIndexFor } from './rbac-index';
import { getRoleReferenceRules, rulesFor } from './rule-resolver';
import type { RbacBinding, RbacRole } from './types';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const GUARDED = new Set(['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings']);

/** clusterrole/policybased/storage.go fullAuthority: what an aggregationRule demands. */
const FULL_AUTHORITY: readonly PolicyRule[] = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['*'], nonResourceURLs: ['*'] },
];

/** Go's %q on a []string: `["a" "b"]`. */
function goQuoteList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(' ')}]`;
}

/** pkg/apis/rbac/v1/evaluation_helpers.go CompactString. */
export function compactString(rule: PolicyRule): string {
  const parts: string[] = [];
  if ((rule.apiGroups ?? []).length > 0) parts.push(`APIGroups:${goQuoteList(rule.apiGroups ?? [])}`);
  if ((rule.resources ?? []).length > 0) parts.push(`Resources:${goQuoteList(rule.resources ?? [])}`);
  if ((rule.nonResourceURLs ?? []).length > 0)
    parts.push(`NonResourceURLs:${goQuoteList(rule.nonResourceURLs ?? [])}`);
  if ((rule.resourceNames ?? []).length > 0)
    parts.push(`ResourceNames:${goQuoteList(rule.resourceNames ?? [])}`);
  if (rule.verbs.length > 0) parts.push(`Verbs:${goQuoteList(rule.verbs)}`);
  return `{${parts.join(', ')}}`;
}

/** component-helpers/auth/rbac/validation/policy_comparator.go BreakdownRule. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const subrules: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs) {
        const names = rule.resourceNames ?? [];
        if (names.length > 0) {
          for (const name of names) {
            subrules.push({
              apiGroups: [group],
              resources: [resource],
              verbs: [verb],
              resourceNames: [name],
            });
          }
        } else subrules.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) {
    for (const verb of rule.verbs) subrules.push({ nonResourceURLs: [url], verbs: [verb] });
  }
  return subrules;
}

const hasAll = (set: readonly string[], contains: readonly string[]) =>
  contains.every((c) => set.includes(c));

function resourceCoversAll(set: readonly string[], covers: readonly string[]): boolean {
  if (set.includes('*') || hasAll(set, covers)) return true;
  for (const path of covers) {
    if (set.includes(path)) continue;
    if (!path.includes('/')) return false;
    if (!set.includes(`*/${path.slice(path.indexOf('/') + 1)}`)) return false;
  }
  return true;
}

function nonResourceURLCovers(owner: string, sub: string): boolean {
  return owner === sub || (owner.endsWith('*') && sub.startsWith(owner.replace(/\*+$/, '')));
}

/** policy_comparator.go ruleCovers: does one owner rule cover one broken-down subrule? */
function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verbs = owner.verbs.includes('*') || hasAll(owner.verbs, sub.verbs);
  const groups = (owner.apiGroups ?? []).includes('*') || hasAll(owner.apiGroups ?? [], sub.apiGroups ?? []);
  const resources = resourceCoversAll(owner.resources ?? [], sub.resources ?? []);
  const urls = (sub.nonResourceURLs ?? []).every((p) =>
    (owner.nonResourceURLs ?? []).some((o) => nonResourceURLCovers(o, p)),
  );
  const ownerNames = owner.resourceNames ?? [];
  const subNames = sub.resourceNames ?? [];
  const names =
    subNames.length === 0 ? ownerNames.length === 0 : ownerNames.length === 0 || hasAll(ownerNames, subNames);
  return verbs && groups && resources && names && urls;
}

/** policy_comparator.go Covers: the subrules of `servant` that no owner rule covers. */
export function uncoveredRules(owner: readonly PolicyRule[], servant: readonly PolicyRule[]): PolicyRule[] {
  return servant.flatMap(breakdownRule).filter((sub) => !owner.some((o) => ruleCovers(o, sub)));
}

/** pkg/registry/rbac/validation/policy_compact.go CompactRules: one rule per simple group/resource, verbs merged. */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule & { verbs: string[] }>();
  for (const rule of rules) {
    const isSimple =
      (rule.resourceNames ?? []).length === 0 &&
      (rule.nonResourceURLs ?? []).length === 0 &&
      (rule.apiGroups ?? []).length === 1 &&
      (rule.resources ?? []).length === 1;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = `${rule.apiGroups?.[0]}\u0000${rule.resources?.[0]}`;
    const existing = simple.get(key);
    if (existing === undefined)
      simple.set(key, {
        apiGroups: rule.apiGroups ?? [],
        resources: rule.resources ?? [],
        verbs: [...rule.verbs],
      });
    else existing.verbs.push(...rule.verbs);
  }
  return [...compacted, ...simple.values()];
}

/** What the RBAC storage guard decided about one create or update, for the UI. */
export interface EscalationCheck {
  /** The 403 when the write is refused. */
  readonly status?: Status;
  /** Why the guard let it through without comparing rules, if it did. */
  readonly bypass?: 'system:masters' | 'escalate' | 'bind' | 'only-gc-fields';
  /** The `escalate` / `bind` authorization check that was made. */
  readonly verbCheck?: AuthorizationDetails;
  /** Permissions the requester lacks (compacted), when the write is refused for escalation. */
  readonly missing?: readonly PolicyRule[];
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * pkg/registry/rbac/helpers.go IsOnlyMutatingGCFields: the update changes nothing but owner
 * references and finalizers (selfLink and managedFields are copied too). Simplified: server-set
 * fields the client left out (resourceVersion, uid, creationTimestamp) are also taken from the old object.
 */
function isOnlyMutatingGCFields(object: KubeObject, oldObject: KubeObject): boolean {
  const oldMeta = oldObject.metadata ?? {};
  const meta: Record<string, unknown> = { ...object.metadata };
  for (const field of ['ownerReferences', 'finalizers', 'selfLink', 'managedFields'])
    meta[field] = oldMeta[field];
  for (const field of ['resourceVersion', 'uid', 'creationTimestamp']) meta[field] ??= oldMeta[field];
  return stableJson({ ...object, metadata: meta }) === stableJson(oldObject);
}

/**
 * Escalation prevention, as the RBAC REST storage wrappers do it before writing:
 * pkg/registry/rbac/role/policybased/storage.go and clusterrole/policybased/storage.go (a Role or
 * ClusterRole may only hold rules its author holds, unless the author may `escalate` it),
 * rolebinding/… and clusterrolebinding/policybased/storage.go (a binding may only grant a role
 * whose rules its author holds, unless the author may `bind` that role), with
 * pkg/registry/rbac/escalation_check.go (system:masters always may) and
 * pkg/registry/rbac/validation/rule.go ConfirmNoEscalation (the message). Setting or keeping an
 * aggregationRule on a ClusterRole needs every permission (`*` on `*.*` and every URL).
 * The author's rules are RBAC's alone (RulesFor in the request's namespace), whatever other
 * authorization modes are on; the `escalate`/`bind` checks go through the whole chain.
 */
export function evaluateEscalation(
  attrs: AuthorizationAttributes,
  object: KubeObject | undefined,
  oldObject: KubeObject | undefined,
  objects: ObjectReader,
  config: ServerConfig['authorization'],
): EscalationCheck {
  const { user } = attrs;
  if (
    !attrs.isResourceRequest ||
    attrs.apiGroup !== RBAC_GROUP ||
    !GUARDED.has(attrs.resource) ||
    object === undefined
  ) {
    return {};
  }
  const isUpdate = attrs.verb === 'update' || attrs.verb === 'patch';
  if (attrs.verb !== 'create' && !isUpdate) return {};
  if (user.groups.includes(SYSTEM_MASTERS)) return { bypass: 'system:masters' };
  if (isUpdate) {
    if (oldObject === undefined) return {};
    if (isOnlyMutatingGCFields(object, oldObject)) return { bypass: 'only-gc-fields' };
  }
  const name = object.metadata?.name ?? attrs.name;
  const refuse = (text: string) => forbidden(RBAC_GROUP, attrs.resource, name, text);
  const index = rbacIndexFor(objects);

  const confirmNoEscalation = (rules: readonly PolicyRule[]): EscalationCheck => {
    const owned = rulesFor(user, attrs.namespace, index);
    const missing = uncoveredRules(owned.rules, rules);
    if (missing.length === 0) return {};
    const compact = compactRules(missing);
    const descriptions = [...new Set(compact.map(compactString))].sort();
    let message = `user ${JSON.stringify(user.username)} (groups=${goQuoteList(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${descriptions.join('\n')}`;
    if (owned.errors.length > 0) message += `; resolution errors: [${owned.errors.join(' ')}]`;
    return { status: refuse(message), missing: compact };
  };

  if (attrs.resource === 'roles' || attrs.resource === 'clusterroles') {
    // escalation_check.go RoleEscalationAuthorized: the request's own name (empty on create).
    const verbCheck = authorize(
      { ...attrs, verb: 'escalate', apiVersion: '*', subresource: '', path: '' },
      config,
      objects,
    );
    if (verbCheck.decision === 'allow') return { bypass: 'escalate', verbCheck };
    const checked = confirmNoEscalation((object as RbacRole).rules ?? []);
    if (checked.status !== undefined) return { ...checked, verbCheck };
    if (
      attrs.resource === 'clusterroles' &&
      (hasAggregationRule(object as RbacRole) || hasAggregationRule(oldObject as RbacRole | undefined)) &&
      confirmNoEscalation(FULL_AUTHORITY).status !== undefined
    ) {
      return { status: refuse('must have cluster-admin privileges to use the aggregationRule'), verbCheck };
    }
    return { verbCheck };
  }

  // Bindings: escalation_check.go BindingAuthorized, then the referenced role's rules.
  const binding = object as RbacBinding;
  const roleRef = binding.roleRef;
  const namespace = attrs.resource === 'rolebindings' ? attrs.namespace : '';
  let verbCheck: AuthorizationDetails | undefined;
  if (roleRef?.kind === 'ClusterRole' || roleRef?.kind === 'Role') {
    verbCheck = authorize(
      {
        user,
        verb: 'bind',
        isResourceRequest: true,
        apiGroup: roleRef.apiGroup,
        apiVersion: '',
        namespace,
        resource: roleRef.kind === 'ClusterRole' ? 'clusterroles' : 'roles',
        subresource: '',
        name: roleRef.name,
        path: '',
      },
      config,
      objects,
    );
    if (verbCheck.decision === 'allow') return { bypass: 'bind', verbCheck };
  }
  const resolved = getRoleReferenceRules(roleRef, namespace, index);
  if ('error' in resolved) {
    // The storage guard returns the role registry's error as is: a NotFound from the REST store
    // (plural, qualified resource), not the authorizer lister's singular text.
    const status =
      roleRef?.kind === 'ClusterRole' || roleRef?.kind === 'Role'
        ? notFound(RBAC_GROUP, roleRef.kind === 'ClusterRole' ? 'clusterroles' : 'roles', roleRef.name)
        : internalError(resolved.error);
    return { status, ...(verbCheck === undefined ? {} : { verbCheck }) };
  }
  return { ...confirmNoEscalation(resolved.rules), ...(verbCheck === undefined ? {} : { verbCheck }) };
}

/** The Forbidden Status the RBAC storage guard answers, or undefined when the write may go on. */
export function checkEscalation(
  attrs: AuthorizationAttributes,
  object: KubeObject | undefined,
  oldObject: KubeObject | undefined,
  objects: ObjectReader,
  config: ServerConfig['authorization'],
): Status | undefined {
  return evaluateEscalation(attrs, object, oldObject, objects, config).status;
}
