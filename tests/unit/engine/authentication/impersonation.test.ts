import { describe, expect, it } from 'vitest';
import { impersonate } from '../../../../src/engine/authentication';
import type { HttpRequest } from '../../../../src/engine/types';
import {
  makeBinding,
  makeClusterBinding,
  makeClusterRole,
  makeRole,
  makeUser,
  memoryObjects,
  userSubject,
} from '../authorization/factories';

const alice = makeUser('alice', ['devs', 'system:authenticated']);
const rbac = { modes: ['RBAC'] as const };

function withHeaders(headers: Record<string, string>): HttpRequest {
  return { method: 'GET', path: '/api/v1/namespaces/default/pods', headers };
}

const impersonators = () =>
  memoryObjects(
    Object.fromEntries([
      makeClusterRole('impersonator', [
        { verbs: ['impersonate'], apiGroups: [''], resources: ['users', 'groups', 'serviceaccounts'] },
      ]),
      makeClusterBinding('alice-impersonates', 'impersonator', [userSubject('alice')]),
    ]),
  );

// staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go
describe('Impersonation', () => {
  it('leaves a request without Impersonate-* headers alone', () => {
    expect(impersonate(withHeaders({}), alice, rbac, memoryObjects())).toEqual({
      user: alice,
      impersonated: false,
      checks: [],
    });
  });

  it('switches to the impersonated user with system:authenticated and none of the requestor groups', () => {
    const result = impersonate(withHeaders({ 'Impersonate-User': 'bob' }), alice, rbac, impersonators());
    expect(result.user).toEqual({ username: 'bob', uid: '', groups: ['system:authenticated'], extra: {} });
    expect(result.checks[0]?.attributes).toMatchObject({
      verb: 'impersonate',
      resource: 'users',
      name: 'bob',
    });
  });

  it('uses only the groups named with Impersonate-Group, checking each', () => {
    const result = impersonate(
      withHeaders({ 'Impersonate-User': 'bob', 'Impersonate-Group': 'ops, qa' }),
      alice,
      rbac,
      impersonators(),
    );
    expect(result.user.groups).toEqual(['ops', 'qa', 'system:authenticated']);
    expect(result.checks.map((c) => `${c.attributes.resource}/${c.attributes.name}`)).toEqual([
      'users/bob',
      'groups/ops',
      'groups/qa',
    ]);
  });

  it('gives an impersonated service account its service account groups when no group is named', () => {
    const result = impersonate(
      withHeaders({ 'Impersonate-User': 'system:serviceaccount:ci:builder' }),
      alice,
      rbac,
      impersonators(),
    );
    expect(result.user.groups).toEqual([
      'system:serviceaccounts',
      'system:serviceaccounts:ci',
      'system:authenticated',
    ]);
    expect(result.checks[0]?.attributes).toMatchObject({
      resource: 'serviceaccounts',
      namespace: 'ci',
      name: 'builder',
    });
  });

  it('forbids impersonating a user without the impersonate verb on users', () => {
    const result = impersonate(
      withHeaders({ 'Impersonate-User': 'bob' }),
      makeUser('carol'),
      rbac,
      impersonators(),
    );
    expect(result.response?.status).toBe(403);
    expect(result.response?.body).toMatchObject({
      message:
        'users "bob" is forbidden: User "carol" cannot impersonate resource "users" in API group "" at the cluster scope',
    });
  });

  it('checks service accounts in their own namespace', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeRole('ci', 'sa-impersonator', [
          { verbs: ['impersonate'], apiGroups: [''], resources: ['serviceaccounts'] },
        ]),
        makeBinding('ci', 'carol', { kind: 'Role', name: 'sa-impersonator' }, [userSubject('carol')]),
      ]),
    );
    const carol = makeUser('carol');
    expect(
      impersonate(
        withHeaders({ 'Impersonate-User': 'system:serviceaccount:ci:builder' }),
        carol,
        rbac,
        objects,
      ).response,
    ).toBeUndefined();
    const other = impersonate(
      withHeaders({ 'Impersonate-User': 'system:serviceaccount:prod:builder' }),
      carol,
      rbac,
      objects,
    );
    expect(other.response?.body).toMatchObject({
      message:
        'serviceaccounts "builder" is forbidden: User "carol" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "prod"',
    });
  });

  it('refuses groups without a user with a 500, as buildImpersonationRequests fails', () => {
    const result = impersonate(withHeaders({ 'Impersonate-Group': 'ops' }), alice, rbac, impersonators());
    expect(result.response?.status).toBe(500);
  });
});
