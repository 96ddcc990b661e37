/**
 * The resources the simulator knows, as `kubectl api-resources` lists them on a v1.31 cluster.
 * Storage key prefixes follow test/integration/etcd/data.go in kubernetes/kubernetes.
 */
export interface ResourceType {
  /** Plural resource name, as in URLs and RBAC rules. */
  readonly resource: string;
  readonly singular: string;
  readonly kind: string;
  /** Empty string is the core group. */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly verbs: readonly string[];
  /** etcd key prefix without the trailing slash, e.g. `/registry/services/specs`. */
  readonly storagePrefix: string;
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

function def(
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  shortNames: readonly string[] = [],
  storagePrefix = `/registry/${resource}`,
): ResourceType {
  return {
    resource,
    singular: kind.toLowerCase(),
    kind,
    group,
    version,
    namespaced,
    shortNames,
    verbs: CRUD,
    storagePrefix,
  };
}

export const RESOURCES: readonly ResourceType[] = [
  def('', 'v1', 'pods', 'Pod', true, ['po']),
  def('', 'v1', 'services', 'Service', true, ['svc'], '/registry/services/specs'),
  def('', 'v1', 'namespaces', 'Namespace', false, ['ns']),
  def('', 'v1', 'configmaps', 'ConfigMap', true, ['cm']),
  def('', 'v1', 'secrets', 'Secret', true),
  def('', 'v1', 'serviceaccounts', 'ServiceAccount', true, ['sa']),
  def('', 'v1', 'nodes', 'Node', false, ['no'], '/registry/minions'),
  def('', 'v1', 'endpoints', 'Endpoints', true, ['ep'], '/registry/services/endpoints'),
  def('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, ['pvc']),
  def('', 'v1', 'persistentvolumes', 'PersistentVolume', false, ['pv']),
  def('', 'v1', 'limitranges', 'LimitRange', true, ['limits']),
  def('', 'v1', 'resourcequotas', 'ResourceQuota', true, ['quota']),
  def('', 'v1', 'events', 'Event', true, ['ev']),
  def('apps', 'v1', 'deployments', 'Deployment', true, ['deploy'], '/registry/deployments'),
  def('apps', 'v1', 'replicasets', 'ReplicaSet', true, ['rs'], '/registry/replicasets'),
  def('apps', 'v1', 'daemonsets', 'DaemonSet', true, ['ds'], '/registry/daemonsets'),
  def('apps', 'v1', 'statefulsets', 'StatefulSet', true, ['sts'], '/registry/statefulsets'),
  def('batch', 'v1', 'jobs', 'Job', true, [], '/registry/jobs'),
  def('batch', 'v1', 'cronjobs', 'CronJob', true, ['cj'], '/registry/cronjobs'),
  def('rbac.authorization.k8s.io', 'v1', 'roles', 'Role', true, [], '/registry/roles'),
  def('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true, [], '/registry/rolebindings'),
  def('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false, [], '/registry/clusterroles'),
  def(
    'rbac.authorization.k8s.io',
    'v1',
    'clusterrolebindings',
    'ClusterRoleBinding',
    false,
    [],
    '/registry/clusterrolebindings',
  ),
  def('networking.k8s.io', 'v1', 'ingresses', 'Ingress', true, ['ing'], '/registry/ingress'),
  def(
    'networking.k8s.io',
    'v1',
    'networkpolicies',
    'NetworkPolicy',
    true,
    ['netpol'],
    '/registry/networkpolicies',
  ),
  def(
    'policy',
    'v1',
    'poddisruptionbudgets',
    'PodDisruptionBudget',
    true,
    ['pdb'],
    '/registry/poddisruptionbudgets',
  ),
  def('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false, ['sc'], '/registry/storageclasses'),
  def('coordination.k8s.io', 'v1', 'leases', 'Lease', true, [], '/registry/leases'),
  // admissionregistration.k8s.io: webhook configurations and CEL admission policies.
  // MutatingAdmissionPolicy was v1alpha1 in 1.32 and v1beta1 in 1.34; the simulator serves the v1 shape.
  def(
    'admissionregistration.k8s.io',
    'v1',
    'validatingwebhookconfigurations',
    'ValidatingWebhookConfiguration',
    false,
  ),
  def(
    'admissionregistration.k8s.io',
    'v1',
    'mutatingwebhookconfigurations',
    'MutatingWebhookConfiguration',
    false,
  ),
  def(
    'admissionregistration.k8s.io',
    'v1',
    'validatingadmissionpolicies',
    'ValidatingAdmissionPolicy',
    false,
  ),
  def(
    'admissionregistration.k8s.io',
    'v1',
    'validatingadmissionpolicybindings',
    'ValidatingAdmissionPolicyBinding',
    false,
  ),
  def('admissionregistration.k8s.io', 'v1', 'mutatingadmissionpolicies', 'MutatingAdmissionPolicy', false),
  def(
    'admissionregistration.k8s.io',
    'v1',
    'mutatingadmissionpolicybindings',
    'MutatingAdmissionPolicyBinding',
    false,
  ),
  // The access review APIs: create-only, answered by the authorizer and never stored (src/engine/reviews).
  review('authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false),
  review('authorization.k8s.io', 'subjectaccessreviews', 'SubjectAccessReview', false),
  review('authorization.k8s.io', 'localsubjectaccessreviews', 'LocalSubjectAccessReview', true),
  review('authorization.k8s.io', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', false),
  review('authentication.k8s.io', 'selfsubjectreviews', 'SelfSubjectReview', false),
];

/**
 * A create-only virtual resource. Nothing is stored, so its "prefix" is a marker that no etcd
 * key (they all start with `/registry/`) can ever begin with.
 */
function review(group: string, resource: string, kind: string, namespaced: boolean): ResourceType {
  return {
    ...def(group, 'v1', resource, kind, namespaced),
    verbs: ['create'],
    storagePrefix: `(not stored)/${resource}`,
  };
}

/** Subresources the simulator routes; reads and writes on them are authorized as `<resource>/<sub>`. */
export const SUBRESOURCES: Readonly<Record<string, readonly string[]>> = {
  pods: ['log', 'exec', 'status', 'eviction', 'binding', 'attach', 'portforward'],
  deployments: ['scale', 'status'],
  replicasets: ['scale', 'status'],
  statefulsets: ['scale', 'status'],
  namespaces: ['status', 'finalize'],
  serviceaccounts: ['token'],
};

/** `apiVersion` string for a resource type: `v1` or `apps/v1`. */
export function apiVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** findResource's answers: it is asked the same few names on every request. Bounded, as names can come from user input. */
const FOUND = new Map<string, ResourceType | undefined>();

/** Finds a resource by plural, singular, short name or kind (case-insensitive), optionally `name.group`. */
export function findResource(nameOrKind: string): ResourceType | undefined {
  if (FOUND.has(nameOrKind)) return FOUND.get(nameOrKind);
  const found = searchResource(nameOrKind);
  if (FOUND.size < 1000) FOUND.set(nameOrKind, found);
  return found;
}

function searchResource(nameOrKind: string): ResourceType | undefined {
  const lower = nameOrKind.toLowerCase();
  const dot = lower.indexOf('.');
  const [base, group] = dot === -1 ? [lower, undefined] : [lower.slice(0, dot), lower.slice(dot + 1)];
  return RESOURCES.find(
    (r) =>
      (group === undefined || r.group === group || r.group.startsWith(`${group}.`)) &&
      (r.resource === base ||
        r.singular === base ||
        r.kind.toLowerCase() === base ||
        r.shortNames.includes(base)),
  );
}

/** The first resource for each key, as RESOURCES.find would return it. */
function firstBy(key: (r: ResourceType) => string): ReadonlyMap<string, ResourceType> {
  const map = new Map<string, ResourceType>();
  for (const r of RESOURCES) if (!map.has(key(r))) map.set(key(r), r);
  return map;
}

// Keys joined by NUL: every known key holds exactly one (two), so a name containing NUL never matches.
const BY_KIND = firstBy((r) => `${apiVersionOf(r)}\u0000${r.kind}`);
const BY_PATH = firstBy((r) => `${r.group}\u0000${r.version}\u0000${r.resource}`);

/** Finds the resource type for an object's `apiVersion` and `kind`. */
export function resourceForKind(apiVersion: string, kind: string): ResourceType | undefined {
  return BY_KIND.get(`${apiVersion}\u0000${kind}`);
}

/** Finds the resource type for a URL's group, version and plural resource. */
export function resourceForPath(group: string, version: string, resource: string): ResourceType | undefined {
  return BY_PATH.get(`${group}\u0000${version}\u0000${resource}`);
}

/** The etcd key for one object (`/registry/pods/default/nginx`) or, without a name, a collection prefix. */
export function storageKey(type: ResourceType, namespace: string, name?: string): string {
  const parts = [type.storagePrefix];
  if (type.namespaced && namespace !== '') parts.push(namespace);
  if (name !== undefined) parts.push(name);
  return `${parts.join('/')}${name === undefined ? '/' : ''}`;
}

/** The URL path of a collection or object: `/api/v1/namespaces/default/pods/nginx`. */
export function resourcePath(type: ResourceType, namespace: string, name?: string): string {
  const root = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  const ns = type.namespaced && namespace !== '' ? `/namespaces/${namespace}` : '';
  return `${root}${ns}/${type.resource}${name === undefined ? '' : `/${name}`}`;
}
