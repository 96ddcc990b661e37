import type { KubeObject, PolicyRule } from '../../types';

/**
 * The default ClusterRoles and ClusterRoleBindings kube-apiserver creates at startup, for the
 * user-facing roles and the few system roles every user touches.
 *
 * Rules are copied from plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml
 * (the rendered output of bootstrappolicy/policy.go ClusterRoles(), kubernetes/kubernetes commit
 * 025f2834a128798cef30018a5e6a6ae82b5ad885) and testdata/cluster-role-bindings.yaml, in the
 * order the yaml lists them. `admin`, `edit` and `view` have no rules of their own: they carry an
 * aggregationRule and get the rules of the `system:aggregate-to-*` roles (and each other: `view`
 * is labelled aggregate-to-edit, `edit` aggregate-to-admin).
 */

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const r = (apiGroups: string[], resources: string[], verbs: string[]): PolicyRule => ({
  apiGroups,
  resources,
  verbs,
});
const urls = (nonResourceURLs: string[], verbs: string[]): PolicyRule => ({ nonResourceURLs, verbs });

const LABEL_BOOTSTRAPPING = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const ANNOTATION_AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
const AGGREGATE_TO = (role: 'admin' | 'edit' | 'view') => `rbac.authorization.k8s.io/aggregate-to-${role}`;

export const CLUSTER_ADMIN_RULES: readonly PolicyRule[] = [r(['*'], ['*'], ['*']), urls(['*'], ['*'])];

export const AGGREGATE_TO_ADMIN_RULES: readonly PolicyRule[] = [
  r(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  r(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], READ_WRITE),
];

export const AGGREGATE_TO_EDIT_RULES: readonly PolicyRule[] = [
  r([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  r([''], ['serviceaccounts'], ['impersonate']),
  r([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
  r([''], ['pods/eviction'], ['create']),
  r(
    [''],
    [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    WRITE,
  ),
  r([''], ['serviceaccounts/token'], ['create']),
  r(
    ['apps'],
    [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'replicasets',
      'replicasets/scale',
      'statefulsets',
      'statefulsets/scale',
    ],
    WRITE,
  ),
  r(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
  r(['batch'], ['cronjobs', 'jobs'], WRITE),
  r(
    ['extensions'],
    [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'ingresses',
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicationcontrollers/scale',
    ],
    WRITE,
  ),
  r(['policy'], ['poddisruptionbudgets'], WRITE),
  r(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
  r(['coordination.k8s.io'], ['leases'], READ_WRITE),
];

export const AGGREGATE_TO_VIEW_RULES: readonly PolicyRule[] = [
  r(
    [''],
    [
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/status',
    ],
    READ,
  ),
  r(
    [''],
    [
      'bindings',
      'events',
      'limitranges',
      'namespaces/status',
      'pods/log',
      'pods/status',
      'replicationcontrollers/status',
      'resourcequotas',
      'resourcequotas/status',
    ],
    READ,
  ),
  r([''], ['namespaces'], READ),
  r(['discovery.k8s.io'], ['endpointslices'], READ),
  r(
    ['apps'],
    [
      'controllerrevisions',
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
    ],
    READ,
  ),
  r(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  r(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  r(
    ['extensions'],
    [
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'ingresses',
      'ingresses/status',
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'replicationcontrollers/scale',
    ],
    READ,
  ),
  r(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  r(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
];

export const BASIC_USER_RULES: readonly PolicyRule[] = [
  r(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']),
  r(['authentication.k8s.io'], ['selfsubjectreviews'], ['create']),
];

export const DISCOVERY_RULES: readonly PolicyRule[] = [
  urls(
    [
      '/api',
      '/api/*',
      '/apis',
      '/apis/*',
      '/healthz',
      '/livez',
      '/openapi',
      '/openapi/*',
      '/readyz',
      '/version',
      '/version/',
    ],
    ['get'],
  ),
];

export const PUBLIC_INFO_VIEWER_RULES: readonly PolicyRule[] = [
  urls(['/healthz', '/livez', '/readyz', '/version', '/version/'], ['get']),
];

/** bootstrappolicy NodeRules(): what the Node authorizer allows every node outside its graph checks. */
export const SYSTEM_NODE_RULES: readonly PolicyRule[] = [
  r(['authentication.k8s.io'], ['tokenreviews'], ['create']),
  r(['authorization.k8s.io'], ['localsubjectaccessreviews', 'subjectaccessreviews'], ['create']),
  r([''], ['services'], READ),
  r([''], ['nodes'], ['create', 'get', 'list', 'watch']),
  r([''], ['nodes/status'], ['patch', 'update']),
  r([''], ['nodes'], ['patch', 'update']),
  r([''], ['events'], ['create', 'patch', 'update']),
  r([''], ['pods'], READ),
  r([''], ['pods'], ['create', 'delete']),
  r([''], ['pods/status'], ['patch', 'update']),
  r([''], ['pods/eviction'], ['create']),
  r([''], ['configmaps', 'secrets'], READ),
  r([''], ['persistentvolumeclaims', 'persistentvolumes'], ['get']),
  r([''], ['endpoints'], ['get']),
  r(['certificates.k8s.io'], ['certificatesigningrequests'], ['create', 'get', 'list', 'watch']),
  r(['coordination.k8s.io'], ['leases'], ['create', 'delete', 'get', 'patch', 'update']),
  r(['storage.k8s.io'], ['volumeattachments'], ['get']),
  r([''], ['serviceaccounts/token'], ['create']),
  r([''], ['persistentvolumeclaims/status'], ['get', 'patch', 'update']),
  r(['storage.k8s.io'], ['csidrivers'], READ),
  r(['storage.k8s.io'], ['csinodes'], ['create', 'delete', 'get', 'patch', 'update']),
  r(['node.k8s.io'], ['runtimeclasses'], READ),
];

function clusterRole(
  name: string,
  rules: readonly PolicyRule[] | null,
  options: { labels?: Record<string, string>; aggregateFrom?: 'admin' | 'edit' | 'view' } = {},
): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: {
      name,
      labels: { ...LABEL_BOOTSTRAPPING, ...options.labels },
      annotations: { ...ANNOTATION_AUTOUPDATE },
    },
    ...(options.aggregateFrom === undefined
      ? {}
      : {
          aggregationRule: {
            clusterRoleSelectors: [{ matchLabels: { [AGGREGATE_TO(options.aggregateFrom)]: 'true' } }],
          },
        }),
    // The aggregated roles are stored with `rules: null` until the controller fills them.
    rules: rules === null ? [] : rules.map((rule) => structuredClone(rule) as PolicyRule),
  };
}

function clusterRoleBinding(name: string, groups: readonly string[]): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name, labels: { ...LABEL_BOOTSTRAPPING }, annotations: { ...ANNOTATION_AUTOUPDATE } },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
    subjects: groups.map((group) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group })),
  };
}

/**
 * The default RBAC objects, fresh copies each call, ready for a ClusterSpec's `objects`:
 * ClusterRoles cluster-admin, admin, edit, view, system:aggregate-to-admin/edit/view,
 * system:basic-user, system:discovery, system:public-info-viewer, and their default
 * ClusterRoleBindings (cluster-admin to system:masters; basic-user and discovery to
 * system:authenticated; public-info-viewer to system:authenticated and system:unauthenticated,
 * as since v1.14).
 */
export function bootstrapPolicy(): KubeObject[] {
  return [
    clusterRole('admin', null, { aggregateFrom: 'admin' }),
    clusterRole('cluster-admin', CLUSTER_ADMIN_RULES),
    clusterRole('edit', null, { aggregateFrom: 'edit', labels: { [AGGREGATE_TO('admin')]: 'true' } }),
    clusterRole('system:aggregate-to-admin', AGGREGATE_TO_ADMIN_RULES, {
      labels: { [AGGREGATE_TO('admin')]: 'true' },
    }),
    clusterRole('system:aggregate-to-edit', AGGREGATE_TO_EDIT_RULES, {
      labels: { [AGGREGATE_TO('edit')]: 'true' },
    }),
    clusterRole('system:aggregate-to-view', AGGREGATE_TO_VIEW_RULES, {
      labels: { [AGGREGATE_TO('view')]: 'true' },
    }),
    clusterRole('system:basic-user', BASIC_USER_RULES),
    clusterRole('system:discovery', DISCOVERY_RULES),
    clusterRole('system:public-info-viewer', PUBLIC_INFO_VIEWER_RULES),
    clusterRole('view', null, { aggregateFrom: 'view', labels: { [AGGREGATE_TO('edit')]: 'true' } }),
    clusterRoleBinding('cluster-admin', ['system:masters']),
    clusterRoleBinding('system:basic-user', ['system:authenticated']),
    clusterRoleBinding('system:discovery', ['system:authenticated']),
    clusterRoleBinding('system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']),
  ];
}
