// Discovery documents, after staging/src/k8s.io/apiserver/pkg/endpoints/discovery (legacy.go,
// root.go, group.go, version.go) as a v1.31 kube-apiserver serves them.
import { describe, expect, it } from 'vitest';
import { discoveryResources, servedGroups, serveNonResource } from '../../../../src/engine/non-resource';

type Resource = {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  group?: string;
  version?: string;
};

function body(path: string): Record<string, unknown> {
  const response = serveNonResource(path);
  expect(response.status).toBe(200);
  return response.body as Record<string, unknown>;
}

function resource(path: string, name: string): Resource | undefined {
  return (body(path).resources as Resource[]).find((r) => r.name === name);
}

describe('API discovery', () => {
  it('/api lists the core version', () => {
    expect(body('/api')).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
  });

  it('/api/v1 is an APIResourceList without apiVersion (legacy.go), pods with short name, category and verbs', () => {
    const list = body('/api/v1');
    expect(list.kind).toBe('APIResourceList');
    expect(list.apiVersion).toBeUndefined();
    expect(list.groupVersion).toBe('v1');
    expect(resource('/api/v1', 'pods')).toEqual({
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
    });
  });

  it('lists subresources with their own kind and verbs: pods/log, pods/exec, pods/eviction', () => {
    expect(resource('/api/v1', 'pods/log')).toEqual({
      name: 'pods/log',
      singularName: '',
      namespaced: true,
      kind: 'Pod',
      verbs: ['get'],
    });
    expect(resource('/api/v1', 'pods/exec')).toMatchObject({
      kind: 'PodExecOptions',
      verbs: ['create', 'get'],
    });
    expect(resource('/api/v1', 'pods/eviction')).toMatchObject({
      group: 'policy',
      version: 'v1',
      kind: 'Eviction',
      verbs: ['create'],
    });
  });

  it('deployments/scale is an autoscaling/v1 Scale with get, patch and update', () => {
    expect(resource('/apis/apps/v1', 'deployments/scale')).toEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
  });

  it('namespaces have no deletecollection verb', () => {
    expect(resource('/api/v1', 'namespaces')?.verbs).toEqual([
      'create',
      'delete',
      'get',
      'list',
      'patch',
      'update',
      'watch',
    ]);
  });

  it("/apis lists every group the issue names, in the server's priority order", () => {
    const names = (body('/apis').groups as { name: string }[]).map((g) => g.name);
    for (const group of [
      'apps',
      'batch',
      'rbac.authorization.k8s.io',
      'networking.k8s.io',
      'policy',
      'admissionregistration.k8s.io',
      'authorization.k8s.io',
      'coordination.k8s.io',
    ]) {
      expect(names).toContain(group);
    }
    expect(names.indexOf('apps')).toBeLessThan(names.indexOf('batch'));
    expect(names.indexOf('admissionregistration.k8s.io')).toBeLessThan(names.indexOf('coordination.k8s.io'));
  });

  it('a group document is an APIGroup with its preferred version', () => {
    expect(body('/apis/apps')).toEqual({
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: 'apps',
      versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    });
  });

  it('authorization.k8s.io serves the create-only reviews', () => {
    expect(discoveryResources('authorization.k8s.io', 'v1').map((r) => r.name)).toEqual([
      'localsubjectaccessreviews',
      'selfsubjectaccessreviews',
      'selfsubjectrulesreviews',
      'subjectaccessreviews',
    ]);
    expect(resource('/apis/authorization.k8s.io/v1', 'selfsubjectaccessreviews')?.verbs).toEqual(['create']);
  });

  it('coordination.k8s.io/v1 serves leases; an unknown group is a 404', () => {
    expect(resource('/apis/coordination.k8s.io/v1', 'leases')).toMatchObject({
      kind: 'Lease',
      namespaced: true,
    });
    expect(serveNonResource('/apis/example.com/v1').status).toBe(404);
    expect(servedGroups().every((g) => g.version !== '')).toBe(true);
  });
});
