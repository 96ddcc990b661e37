import { RESOURCES } from './resources';
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

function groupVersions(): Map<string, string> {
  const groups = new Map<string, string>();
  for (const r of RESOURCES) if (r.group !== '') groups.set(r.group, r.version);
  return groups;
}

/** Discovery documents (staging/src/k8s.io/apiserver/pkg/endpoints/discovery), built from the resource table. */
function discovery(path: string): unknown {
  if (path === '/api') {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }],
    };
  }
  if (path === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groupVersions()].map(([name, version]) => {
        const gv = { groupVersion: `${name}/${version}`, version };
        return { name, versions: [gv], preferredVersion: gv };
      }),
    };
  }
  const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (match === null) return undefined;
  const group = match[2] ?? '';
  const version = match[1] ?? match[3] ?? '';
  const resources = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: resources.map((r) => ({
      name: r.resource,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    })),
  };
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
