import { RESOURCES, SUBRESOURCES } from './resources';
import { pathNotFound } from './responses/status';
import type { HttpResponse } from './types';

/** The version the simulator answers as (`kubectl version`'s server half). */
export const SERVER_VERSION = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0',
  gitCommit: '9edcffcde5595e8a5b1a35f88c421764e575afce',
  gitTreeState: 'clean',
  buildDate: '2024-08-13T07:28:49Z',
  goVersion: 'go1.22.5',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;

/**
 * Discovery facts the resource table does not hold, from a v1.31 kube-apiserver's /api/v1 and
 * /apis/<group>/v1 documents: verbs that differ from full CRUD, the `all` category, and the
 * create-only review resources (which are not stored, so they are not in RESOURCES).
 */
const VERBS_OVERRIDE: Readonly<Record<string, readonly string[]>> = {
  namespaces: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  services: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
};

/** `kubectl get all` (the `all` category, pkg/registry/.../storage.go Categories()). */
const ALL_CATEGORY = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'horizontalpodautoscalers',
]);

interface DiscoveryResource {
  readonly name: string;
  readonly singularName: string;
  readonly namespaced: boolean;
  readonly group?: string;
  readonly version?: string;
  readonly kind: string;
  readonly verbs: readonly string[];
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
}

/** Review and token resources: create-only, never stored (pkg/registry/authorization, authentication). */
const VIRTUAL_RESOURCES: ReadonlyArray<{ group: string; resource: DiscoveryResource }> = [
  {
    group: 'authentication.k8s.io',
    resource: {
      name: 'selfsubjectreviews',
      singularName: 'selfsubjectreview',
      namespaced: false,
      kind: 'SelfSubjectReview',
      verbs: ['create'],
    },
  },
  {
    group: 'authentication.k8s.io',
    resource: {
      name: 'tokenreviews',
      singularName: 'tokenreview',
      namespaced: false,
      kind: 'TokenReview',
      verbs: ['create'],
    },
  },
  {
    group: 'authorization.k8s.io',
    resource: {
      name: 'localsubjectaccessreviews',
      singularName: 'localsubjectaccessreview',
      namespaced: true,
      kind: 'LocalSubjectAccessReview',
      verbs: ['create'],
    },
  },
  {
    group: 'authorization.k8s.io',
    resource: {
      name: 'selfsubjectaccessreviews',
      singularName: 'selfsubjectaccessreview',
      namespaced: false,
      kind: 'SelfSubjectAccessReview',
      verbs: ['create'],
    },
  },
  {
    group: 'authorization.k8s.io',
    resource: {
      name: 'selfsubjectrulesreviews',
      singularName: 'selfsubjectrulesreview',
      namespaced: false,
      kind: 'SelfSubjectRulesReview',
      verbs: ['create'],
    },
  },
  {
    group: 'authorization.k8s.io',
    resource: {
      name: 'subjectaccessreviews',
      singularName: 'subjectaccessreview',
      namespaced: false,
      kind: 'SubjectAccessReview',
      verbs: ['create'],
    },
  },
];

/** Subresources as discovery lists them: `pods/log`, `deployments/scale` (kind and verbs of each REST handler). */
const SUBRESOURCE_DISCOVERY: Readonly<
  Record<string, { kind?: string; group?: string; version?: string; verbs: readonly string[] }>
> = {
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  binding: { kind: 'Binding', verbs: ['create'] },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  log: { verbs: ['get'] },
  portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  status: { verbs: ['get', 'patch', 'update'] },
  finalize: { verbs: ['update'] },
  token: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] },
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
};

/** The order kube-apiserver lists groups in /apis (pkg/controlplane's group priorities). */
const GROUP_ORDER = [
  'apiregistration.k8s.io',
  'apps',
  'events.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'node.k8s.io',
  'discovery.k8s.io',
  'flowcontrol.apiserver.k8s.io',
];

/** Every served group with its (single) version, in /apis order. */
export function servedGroups(): Array<{ name: string; version: string }> {
  const groups = new Map<string, string>();
  for (const r of RESOURCES) if (r.group !== '') groups.set(r.group, r.version);
  for (const v of VIRTUAL_RESOURCES) if (!groups.has(v.group)) groups.set(v.group, 'v1');
  const rank = (g: string) => {
    const i = GROUP_ORDER.indexOf(g);
    return i === -1 ? GROUP_ORDER.length : i;
  };
  return [...groups]
    .map(([name, version]) => ({ name, version }))
    .sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : 1));
}

/** The APIResourceList entries of one group version, with subresources, sorted by name as the server does. */
export function discoveryResources(group: string, version: string): DiscoveryResource[] {
  const out: DiscoveryResource[] = [];
  for (const r of RESOURCES.filter((t) => t.group === group && t.version === version)) {
    out.push({
      name: r.resource,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS_OVERRIDE[r.resource] ?? r.verbs,
      ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
      ...(ALL_CATEGORY.has(r.resource) ? { categories: ['all'] } : {}),
    });
    for (const sub of SUBRESOURCES[r.resource] ?? []) {
      const d = SUBRESOURCE_DISCOVERY[sub];
      if (d === undefined) continue;
      out.push({
        name: `${r.resource}/${sub}`,
        singularName: '',
        namespaced: r.namespaced,
        ...(d.group === undefined ? {} : { group: d.group, version: d.version as string }),
        kind: d.kind ?? r.kind,
        verbs: d.verbs,
      });
    }
  }
  for (const v of VIRTUAL_RESOURCES) {
    if (v.group === group && version === 'v1' && !out.some((o) => o.name === v.resource.name))
      out.push(v.resource);
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Discovery documents (staging/src/k8s.io/apiserver/pkg/endpoints/discovery: legacy.go, root.go,
 * group.go, version.go), built from the resource table. The apiserver also serves the aggregated
 * form (apidiscovery.k8s.io/v2 APIGroupDiscoveryList) when the Accept header asks for it, as
 * kubectl does; the simulator always answers the unaggregated documents, which hold the same facts.
 */
function discovery(path: string): unknown {
  if (path === '/api') {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }],
    };
  }
  const groupOf = ({ name, version }: { name: string; version: string }) => {
    const gv = { groupVersion: `${name}/${version}`, version };
    return { name, versions: [gv], preferredVersion: gv };
  };
  if (path === '/apis') {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: servedGroups().map(groupOf) };
  }
  const groupMatch = /^\/apis\/([^/]+)$/.exec(path);
  if (groupMatch !== null) {
    const group = servedGroups().find((g) => g.name === groupMatch[1]);
    return group === undefined ? undefined : { kind: 'APIGroup', apiVersion: 'v1', ...groupOf(group) };
  }
  const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (match === null) return undefined;
  const group = match[2] ?? '';
  const version = match[1] ?? match[3] ?? '';
  const resources = discoveryResources(group, version);
  if (resources.length === 0) return undefined;
  // The core group's list has no apiVersion field (legacy.go); group versions have "v1".
  return group === ''
    ? { kind: 'APIResourceList', groupVersion: version, resources }
    : { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${group}/${version}`, resources };
}

/** What the apiserver answers for paths that are not resources: health checks, version, discovery. */
export function serveNonResource(path: string): HttpResponse {
  if (['/healthz', '/livez', '/readyz'].includes(path)) return { status: 200, body: 'ok' };
  if (path === '/version') return { status: 200, body: SERVER_VERSION };
  const body = discovery(path);
  if (body !== undefined) return { status: 200, body };
  const status = pathNotFound();
  return { status: status.code, body: status };
}
