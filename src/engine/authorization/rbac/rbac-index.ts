import { selectorMatches } from '../../labels/selector';
import { findResource } from '../../resources';
import type { ObjectReader, ObjectRef, PolicyRule, UserInfo } from '../../types';
import { aggregationSelectors, hasAggregationRule, sameRule } from './aggregation';
import type { RbacBinding, RbacRole } from './types';

/** A ClusterRole's rules as the authorizer sees them, with where each rule came from. */
export interface EffectiveRules {
  readonly rules: readonly PolicyRule[];
  /** Per rule: the ClusterRole it was aggregated from, or undefined for the role's own rule. */
  readonly aggregatedFrom: readonly (ObjectRef | undefined)[];
}

/**
 * The RBAC objects of one storage revision, indexed for the authorizer: bindings by subject
 * (so a request looks only at the bindings that can name its user), roles by name, and
 * aggregated ClusterRoles resolved once.
 *
 * Upstream reads the same objects from informer caches (listers); the index plays that part.
 */
export interface RbacIndex {
  /** All ClusterRoleBindings, in storage key order. */
  readonly clusterRoleBindings: readonly RbacBinding[];
  /** RoleBindings of one namespace, in storage key order. */
  roleBindings(namespace: string): readonly RbacBinding[];
  /** Namespaces that hold RoleBindings, sorted. */
  readonly bindingNamespaces: readonly string[];
  /** The ClusterRoleBindings whose subjects can apply to `user` (by user name, group or service account), in key order. */
  clusterRoleBindingsFor(user: UserInfo): readonly RbacBinding[];
  /** The same for the RoleBindings of one namespace. */
  roleBindingsFor(user: UserInfo, namespace: string): readonly RbacBinding[];
  role(namespace: string, name: string): RbacRole | undefined;
  clusterRole(name: string): RbacRole | undefined;
  /** All ClusterRoles, in name order. */
  readonly clusterRoles: readonly RbacRole[];
  /**
   * A ClusterRole's effective rules. For one with an aggregationRule, the union of the rules of
   * the ClusterRoles its selectors match (see aggregatedRules); otherwise its own rules.
   */
  clusterRoleRules(name: string): EffectiveRules | undefined;
}

function prefixOf(resource: string): string {
  const type = findResource(resource);
  if (type === undefined) throw new Error(`${resource} is missing from RESOURCES`);
  return `${type.storagePrefix}/`;
}

/** Keys a subject can be found under; a ServiceAccount is keyed by the user name it matches. */
function subjectKeys(binding: RbacBinding, bindingNamespace: string): string[] {
  const keys: string[] = [];
  for (const subject of binding.subjects ?? []) {
    if (subject.kind === 'User') keys.push(`U:${subject.name}`);
    else if (subject.kind === 'Group') keys.push(`G:${subject.name}`);
    else if (subject.kind === 'ServiceAccount') {
      const namespace = subject.namespace ? subject.namespace : bindingNamespace;
      if (namespace !== '') keys.push(`U:system:serviceaccount:${namespace}:${subject.name}`);
    }
  }
  return keys;
}

function userKeys(user: UserInfo): string[] {
  return [`U:${user.username}`, ...user.groups.map((g) => `G:${g}`)];
}

class BindingList {
  readonly #bindings: RbacBinding[] = [];
  readonly #bySubject = new Map<string, number[]>();
  readonly #byUser = new WeakMap<UserInfo, readonly RbacBinding[]>();

  constructor(bindings: readonly RbacBinding[], namespace: string) {
    for (const [index, binding] of bindings.entries()) {
      this.#bindings.push(binding);
      for (const key of new Set(subjectKeys(binding, namespace))) {
        const list = this.#bySubject.get(key);
        if (list === undefined) this.#bySubject.set(key, [index]);
        else list.push(index);
      }
    }
  }

  get all(): readonly RbacBinding[] {
    return this.#bindings;
  }

  for(user: UserInfo): readonly RbacBinding[] {
    // The who-can matrix asks for one subject hundreds of times; UserInfo is never changed.
    const cached = this.#byUser.get(user);
    if (cached !== undefined) return cached;
    const found = this.#find(user);
    this.#byUser.set(user, found);
    return found;
  }

  #find(user: UserInfo): RbacBinding[] {
    const indexes = new Set<number>();
    for (const key of userKeys(user)) for (const i of this.#bySubject.get(key) ?? []) indexes.add(i);
    return [...indexes].sort((a, b) => a - b).map((i) => this.#bindings[i] as RbacBinding);
  }
}

/**
 * The objects under `prefix`: the stored (frozen) values when the reader can hand them out, as
 * the simulated etcd's `scan` does, else copies. The index only reads them.
 */
function readAll<T>(objects: ObjectReader, prefix: string): readonly T[] {
  const scan = (objects as Partial<{ scan(prefix: string): readonly object[] }>).scan;
  return (typeof scan === 'function' ? scan.call(objects, prefix) : objects.list(prefix)) as readonly T[];
}

export function buildRbacIndex(objects: ObjectReader): RbacIndex {
  const crbs = new BindingList(readAll<RbacBinding>(objects, prefixOf('clusterrolebindings')), '');
  const rbsByNamespace = new Map<string, RbacBinding[]>();
  for (const binding of readAll<RbacBinding>(objects, prefixOf('rolebindings'))) {
    const namespace = binding.metadata?.namespace ?? '';
    const list = rbsByNamespace.get(namespace);
    if (list === undefined) rbsByNamespace.set(namespace, [binding]);
    else list.push(binding);
  }
  const rbs = new Map([...rbsByNamespace].map(([ns, list]) => [ns, new BindingList(list, ns)]));
  const roles = new Map<string, RbacRole>();
  for (const role of readAll<RbacRole>(objects, prefixOf('roles'))) {
    roles.set(`${role.metadata?.namespace ?? ''}/${role.metadata?.name ?? ''}`, role);
  }
  const clusterRoles = new Map<string, RbacRole>();
  for (const role of readAll<RbacRole>(objects, prefixOf('clusterroles'))) {
    clusterRoles.set(role.metadata?.name ?? '', role);
  }
  const sortedClusterRoles = [...clusterRoles.values()].sort((a, b) =>
    (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1,
  );
  const effective = new Map<string, EffectiveRules>();

  /**
   * pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go syncClusterRole:
   * for each selector in order, the matching ClusterRoles sorted by name (skipping the role
   * itself) contribute their rules, deduplicated; the result replaces the role's own rules.
   * In a real cluster that controller writes the rules back to storage, eventually; the
   * simulator computes the same union at evaluation time, so it is always current. A matched
   * role that is itself aggregated contributes its own aggregated rules (the controller's steady
   * state); a cycle falls back to the stored rules.
   */
  const resolve = (name: string, visiting: Set<string>): EffectiveRules | undefined => {
    const cached = effective.get(name);
    if (cached !== undefined) return cached;
    const role = clusterRoles.get(name);
    if (role === undefined) return undefined;
    const own = role.rules ?? [];
    if (!hasAggregationRule(role) || visiting.has(name)) {
      return { rules: own, aggregatedFrom: own.map(() => undefined) };
    }
    visiting.add(name);
    const rules: PolicyRule[] = [];
    const from: ObjectRef[] = [];
    for (const selector of aggregationSelectors(role)) {
      for (const candidate of sortedClusterRoles) {
        const candidateName = candidate.metadata?.name ?? '';
        if (candidateName === name || !selectorMatches(selector, candidate.metadata?.labels ?? {})) continue;
        const contributed = resolve(candidateName, visiting);
        for (const [i, rule] of (contributed?.rules ?? []).entries()) {
          if (rules.some((r) => sameRule(r, rule))) continue;
          rules.push(rule);
          from.push(contributed?.aggregatedFrom[i] ?? { kind: 'ClusterRole', name: candidateName });
        }
      }
    }
    visiting.delete(name);
    const result = { rules, aggregatedFrom: from };
    if (visiting.size === 0) effective.set(name, result);
    return result;
  };

  return {
    clusterRoleBindings: crbs.all,
    roleBindings: (namespace) => rbs.get(namespace)?.all ?? [],
    bindingNamespaces: [...rbs.keys()].sort(),
    clusterRoleBindingsFor: (user) => crbs.for(user),
    roleBindingsFor: (user, namespace) => rbs.get(namespace)?.for(user) ?? [],
    role: (namespace, name) => roles.get(`${namespace}/${name}`),
    clusterRole: (name) => clusterRoles.get(name),
    clusterRoles: sortedClusterRoles,
    clusterRoleRules: (name) => resolve(name, new Set()),
  };
}

const RBAC_PREFIXES = ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'].map(prefixOf);

/** A reader that can say when objects under a key prefix last changed (the simulated etcd). */
interface PrefixVersioned {
  prefixRevision(prefix: string): number;
}

const CACHE = new WeakMap<object, { version: number; index: RbacIndex }>();

/**
 * The index for `objects`, rebuilt only when an RBAC object changed. Revisions only grow, so the
 * latest write under any of the four RBAC prefixes identifies their contents. Readers without
 * `prefixRevision` (test doubles) are indexed on every call.
 */
export function rbacIndexFor(objects: ObjectReader): RbacIndex {
  const versioned = objects as Partial<PrefixVersioned>;
  if (typeof versioned.prefixRevision !== 'function') return buildRbacIndex(objects);
  let version = 0;
  for (const prefix of RBAC_PREFIXES)
    version = Math.max(version, versioned.prefixRevision.call(objects, prefix));
  const cached = CACHE.get(objects);
  if (cached !== undefined && cached.version === version) return cached.index;
  const index = buildRbacIndex(objects);
  CACHE.set(objects, { version, index });
  return index;
}
