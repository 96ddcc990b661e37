import type { RbacBinding, RbacRole, Subject } from '../../../../src/engine/authorization';
import type {
  AuthorizationAttributes,
  KubeObject,
  ObjectReader,
  PolicyRule,
  UserInfo,
} from '../../../../src/engine/types';

/** An ObjectReader over a Map of etcd key → object, listing in key order like the simulated etcd. */
export function memoryObjects(
  entries: Readonly<Record<string, KubeObject>> = {},
): ObjectReader & { put(key: string, object: KubeObject): void } {
  const map = new Map(Object.entries(entries));
  return {
    get: (key) => map.get(key),
    list: (prefix) =>
      [...map.keys()]
        .filter((k) => k.startsWith(prefix))
        .sort()
        .map((k) => map.get(k) as KubeObject),
    put: (key, object) => {
      map.set(key, object);
    },
  };
}

export function makeUser(username: string, groups: readonly string[] = ['system:authenticated']): UserInfo {
  return { username, uid: '', groups, extra: {} };
}

export function rule(verbs: string[], resources: string[], more: Partial<PolicyRule> = {}): PolicyRule {
  return { verbs, apiGroups: [''], resources, ...more };
}

export function makeRole(
  namespace: string,
  name: string,
  rules: PolicyRule[],
): [string, RbacRole & KubeObject] {
  return [
    `/registry/roles/${namespace}/${name}`,
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name, namespace }, rules },
  ];
}

export function makeClusterRole(name: string, rules: PolicyRule[]): [string, RbacRole & KubeObject] {
  return [
    `/registry/clusterroles/${name}`,
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules },
  ];
}

export const userSubject = (name: string): Subject => ({
  kind: 'User',
  apiGroup: 'rbac.authorization.k8s.io',
  name,
});
export const groupSubject = (name: string): Subject => ({
  kind: 'Group',
  apiGroup: 'rbac.authorization.k8s.io',
  name,
});
export const saSubject = (name: string, namespace?: string): Subject =>
  namespace === undefined ? { kind: 'ServiceAccount', name } : { kind: 'ServiceAccount', name, namespace };

/** A RoleBinding in `namespace` to a `Role` or `ClusterRole`. */
export function makeBinding(
  namespace: string,
  name: string,
  roleRef: { kind: 'Role' | 'ClusterRole'; name: string },
  subjects: Subject[],
): [string, RbacBinding & KubeObject] {
  return [
    `/registry/rolebindings/${namespace}/${name}`,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name, namespace },
      subjects,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
    },
  ];
}

export function makeClusterBinding(
  name: string,
  clusterRole: string,
  subjects: Subject[],
): [string, RbacBinding & KubeObject] {
  return [
    `/registry/clusterrolebindings/${name}`,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name },
      subjects,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole },
    },
  ];
}

/** Attributes for a resource request; override what the case needs. */
export function resourceAttrs(
  user: UserInfo,
  overrides: Partial<AuthorizationAttributes> = {},
): AuthorizationAttributes {
  return {
    user,
    verb: 'get',
    isResourceRequest: true,
    apiGroup: '',
    apiVersion: 'v1',
    namespace: 'default',
    resource: 'pods',
    subresource: '',
    name: 'nginx',
    path: '/api/v1/namespaces/default/pods/nginx',
    ...overrides,
  };
}

export function nonResourceAttrs(user: UserInfo, path: string, verb = 'get'): AuthorizationAttributes {
  return {
    user,
    verb,
    isResourceRequest: false,
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    path,
  };
}
