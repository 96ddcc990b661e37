import { describe, expect, it } from 'vitest';
import { authorizationStage, authorize } from '../../../../src/engine/authorization';
import type { RequestInfo } from '../../../../src/engine/types';
import {
  makeBinding,
  makeClusterBinding,
  makeClusterRole,
  makeUser,
  memoryObjects,
  resourceAttrs,
  rule,
  userSubject,
} from './factories';

const alice = makeUser('alice');
const rbac = { modes: ['RBAC'] as const };

function makeInfo(overrides: Partial<RequestInfo> = {}): RequestInfo {
  return {
    isResourceRequest: true,
    path: '/api/v1/namespaces/default/pods/nginx',
    verb: 'delete',
    apiPrefix: 'api',
    apiGroup: '',
    apiVersion: 'v1',
    namespace: 'default',
    resource: 'pods',
    subresource: '',
    name: 'nginx',
    parts: ['namespaces', 'default', 'pods', 'nginx'],
    ...overrides,
  };
}

function nonResourceInfo(path: string): RequestInfo {
  return {
    isResourceRequest: false,
    path,
    verb: 'get',
    apiPrefix: '',
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: path.split('/').filter(Boolean),
  };
}

const viewerObjects = () =>
  memoryObjects(
    Object.fromEntries([
      makeClusterRole('pod-reader', [rule(['get'], ['pods'])]),
      makeClusterBinding('alice-reads', 'pod-reader', [userSubject('alice')]),
    ]),
  );

// pkg/kubeapiserver/authorizer/reload.go, staging/src/k8s.io/apiserver/pkg/authorization/union/union.go
describe('The authorizer chain', () => {
  it('allows system:masters before any mode runs, even AlwaysDeny', () => {
    const admin = makeUser('kubernetes-admin', ['system:masters', 'system:authenticated']);
    const details = authorize(resourceAttrs(admin), { modes: ['AlwaysDeny'] }, memoryObjects());
    expect(details.decision).toBe('allow');
    expect(details.authorizer).toBe('system:masters');
  });

  it('allows everything under AlwaysAllow', () => {
    const details = authorize(
      resourceAttrs(alice, { verb: 'delete' }),
      { modes: ['AlwaysAllow'] },
      memoryObjects(),
    );
    expect(details).toMatchObject({ decision: 'allow', authorizer: 'AlwaysAllow' });
  });

  it('treats AlwaysDeny as no opinion with the reason "Everything is forbidden." (authorizerfactory/builtin.go)', () => {
    const details = authorize(resourceAttrs(alice), { modes: ['AlwaysDeny'] }, memoryObjects());
    expect(details).toEqual({
      attributes: resourceAttrs(alice),
      decision: 'noOpinion',
      reason: 'Everything is forbidden.',
      trail: [
        { authorizer: 'system:masters', decision: 'noOpinion', reason: '' },
        { authorizer: 'AlwaysDeny', decision: 'noOpinion', reason: 'Everything is forbidden.' },
      ],
    });
  });

  it('lets a later mode allow after AlwaysDeny had no opinion', () => {
    const details = authorize(resourceAttrs(alice), { modes: ['AlwaysDeny', 'RBAC'] }, viewerObjects());
    expect(details.decision).toBe('allow');
    expect(details.authorizer).toBe('RBAC');
    expect(details.matched?.binding.name).toBe('alice-reads');
  });

  it('falls through RBAC to AlwaysAllow when RBAC has no opinion', () => {
    const details = authorize(
      resourceAttrs(alice, { verb: 'delete' }),
      { modes: ['RBAC', 'AlwaysAllow'] },
      viewerObjects(),
    );
    expect(details.authorizer).toBe('AlwaysAllow');
  });

  it('joins the reasons of every authorizer with newlines when nobody allows', () => {
    const objects = memoryObjects(
      Object.fromEntries([makeClusterBinding('broken', 'ghost', [userSubject('alice')])]),
    );
    const details = authorize(resourceAttrs(alice), { modes: ['AlwaysDeny', 'RBAC'] }, objects);
    expect(details.reason).toBe(
      'Everything is forbidden.\nRBAC: clusterrole.rbac.authorization.k8s.io "ghost" not found',
    );
  });
});

// staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go forbiddenMessage
describe('Forbidden responses', () => {
  const messageFor = (info: RequestInfo, objects = memoryObjects()) =>
    authorizationStage(alice, info, rbac, objects).status?.message;

  it('names the object, verb, resource, group and namespace', () => {
    expect(messageFor(makeInfo())).toBe(
      'pods "nginx" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('leaves the name out when the request has none', () => {
    expect(messageFor(makeInfo({ verb: 'list', name: '' }))).toBe(
      'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('says "at the cluster scope" for cluster-scoped resources and all-namespace lists', () => {
    expect(messageFor(makeInfo({ verb: 'list', namespace: '', resource: 'nodes', name: '' }))).toBe(
      'nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope',
    );
    expect(messageFor(makeInfo({ verb: 'list', namespace: '', name: '' }))).toBe(
      'pods is forbidden: User "alice" cannot list resource "pods" in API group "" at the cluster scope',
    );
  });

  it('qualifies the resource with its group before "is forbidden"', () => {
    expect(
      messageFor(makeInfo({ verb: 'get', apiGroup: 'apps', resource: 'deployments', name: 'web' })),
    ).toBe(
      'deployments.apps "web" is forbidden: User "alice" cannot get resource "deployments" in API group "apps" in the namespace "default"',
    );
  });

  it('shows the subresource in the resource but not before "is forbidden"', () => {
    expect(messageFor(makeInfo({ verb: 'get', subresource: 'log' }))).toBe(
      'pods "nginx" is forbidden: User "alice" cannot get resource "pods/log" in API group "" in the namespace "default"',
    );
  });

  it('uses the path for non-resource URLs', () => {
    expect(messageFor(nonResourceInfo('/metrics'))).toBe(
      'forbidden: User "alice" cannot get path "/metrics"',
    );
  });

  it("appends the authorizers' reason after a colon", () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeBinding('default', 'broken', { kind: 'Role', name: 'ghost' }, [userSubject('alice')]),
      ]),
    );
    expect(messageFor(makeInfo(), objects)).toBe(
      'pods "nginx" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "ghost" not found',
    );
  });

  it('is a 403 Status whose details name the plural resource (apierrors.NewForbidden)', () => {
    const { status, result } = authorizationStage(alice, makeInfo(), rbac, memoryObjects());
    expect(status).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      details: { name: 'nginx', kind: 'pods' },
    });
    expect(result.outcome).toBe('failed');
    expect(result.message.id).toBe('authz.noOpinion');
    expect(result.summary).toBe(
      'No authorizer allowed delete on pods "nginx" in namespace "default", so the request is forbidden.',
    );
  });
});

describe('The authorization stage', () => {
  it('passes an allowed request with no Status and explains the grant', () => {
    const { status, result } = authorizationStage(alice, makeInfo({ verb: 'get' }), rbac, viewerObjects());
    expect(status).toBeUndefined();
    expect(result).toMatchObject({ stage: 'authorization', outcome: 'passed' });
    expect(result.summary).toBe(
      'RBAC allowed get on pods "nginx" in namespace "default": RBAC: allowed by ClusterRoleBinding "alice-reads" of ClusterRole "pod-reader" to User "alice"',
    );
    expect(result.details?.matched?.role).toEqual({ kind: 'ClusterRole', name: 'pod-reader' });
  });

  it('forbids a missing object with 403, never 404: nothing is looked up before authorizing', () => {
    const { status } = authorizationStage(
      alice,
      makeInfo({ verb: 'get', name: 'does-not-exist' }),
      rbac,
      memoryObjects(),
    );
    expect(status?.code).toBe(403);
  });
});
