import { describe, expect, it } from 'vitest';
import { describeSubject, evaluateRbac, ruleAllows } from '../../../../src/engine/authorization';
import {
  groupSubject,
  makeBinding,
  makeClusterBinding,
  makeClusterRole,
  makeRole,
  makeUser,
  memoryObjects,
  nonResourceAttrs,
  resourceAttrs,
  rule,
  saSubject,
  userSubject,
} from './factories';

const alice = makeUser('alice');

// plugin/pkg/auth/authorizer/rbac/rbac.go, pkg/registry/rbac/validation/rule.go
describe('RBAC bindings', () => {
  it('allows through a ClusterRoleBinding and names it the way authorizingVisitor does', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('pod-reader', [rule(['get', 'list'], ['pods'])]),
        makeClusterBinding('alice-reads', 'pod-reader', [userSubject('alice')]),
      ]),
    );
    const decision = evaluateRbac(resourceAttrs(alice), objects);
    expect(decision.decision).toBe('allow');
    expect(decision.reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "alice-reads" of ClusterRole "pod-reader" to User "alice"',
    );
    expect(decision.matched).toEqual({
      binding: { kind: 'ClusterRoleBinding', name: 'alice-reads' },
      role: { kind: 'ClusterRole', name: 'pod-reader' },
      ruleIndex: 0,
      rule: rule(['get', 'list'], ['pods']),
    });
  });

  it('has no opinion, and no reason, when no binding names the user', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('pod-reader', [rule(['get'], ['pods'])]),
        makeClusterBinding('bob-reads', 'pod-reader', [userSubject('bob')]),
      ]),
    );
    expect(evaluateRbac(resourceAttrs(alice), objects)).toEqual({ decision: 'noOpinion', reason: '' });
  });

  it('grants a RoleBinding to a Role inside the binding namespace, described as name/namespace', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeRole('default', 'pod-reader', [rule(['get'], ['pods'])]),
        makeBinding('default', 'read-pods', { kind: 'Role', name: 'pod-reader' }, [userSubject('alice')]),
      ]),
    );
    const decision = evaluateRbac(resourceAttrs(alice), objects);
    expect(decision.reason).toBe(
      'RBAC: allowed by RoleBinding "read-pods/default" of Role "pod-reader" to User "alice"',
    );
    expect(decision.matched?.binding).toEqual({
      kind: 'RoleBinding',
      name: 'read-pods',
      namespace: 'default',
    });
    expect(decision.matched?.role).toEqual({ kind: 'Role', name: 'pod-reader', namespace: 'default' });
  });

  it('does not let a RoleBinding grant anything in another namespace', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeRole('default', 'pod-reader', [rule(['get'], ['pods'])]),
        makeBinding('default', 'read-pods', { kind: 'Role', name: 'pod-reader' }, [userSubject('alice')]),
      ]),
    );
    expect(evaluateRbac(resourceAttrs(alice, { namespace: 'prod' }), objects).decision).toBe('noOpinion');
  });

  it('grants a RoleBinding to a ClusterRole only in the binding namespace', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('view', [rule(['get', 'list'], ['pods'])]),
        makeBinding('dev', 'view', { kind: 'ClusterRole', name: 'view' }, [userSubject('alice')]),
      ]),
    );
    const inDev = evaluateRbac(resourceAttrs(alice, { namespace: 'dev' }), objects);
    expect(inDev.reason).toBe(
      'RBAC: allowed by RoleBinding "view/dev" of ClusterRole "view" to User "alice"',
    );
    expect(inDev.matched?.role).toEqual({ kind: 'ClusterRole', name: 'view' });
    expect(evaluateRbac(resourceAttrs(alice, { namespace: 'default' }), objects).decision).toBe('noOpinion');
  });

  it('ignores RoleBindings for a request without a namespace (an all-namespaces list)', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('view', [rule(['list'], ['pods'])]),
        makeBinding('default', 'view', { kind: 'ClusterRole', name: 'view' }, [userSubject('alice')]),
      ]),
    );
    expect(
      evaluateRbac(resourceAttrs(alice, { verb: 'list', namespace: '', name: '' }), objects).decision,
    ).toBe('noOpinion');
  });

  it('consults ClusterRoleBindings before RoleBindings', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('view', [rule(['get'], ['pods'])]),
        makeBinding('default', 'a-local', { kind: 'ClusterRole', name: 'view' }, [userSubject('alice')]),
        makeClusterBinding('z-global', 'view', [userSubject('alice')]),
      ]),
    );
    expect(evaluateRbac(resourceAttrs(alice), objects).matched?.binding.kind).toBe('ClusterRoleBinding');
  });

  it('resolves a Role reference in the binding namespace, so a same-named Role elsewhere is "not found"', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeRole('prod', 'pod-reader', [rule(['get'], ['pods'])]),
        makeBinding('default', 'read-pods', { kind: 'Role', name: 'pod-reader' }, [userSubject('alice')]),
      ]),
    );
    expect(evaluateRbac(resourceAttrs(alice), objects)).toEqual({
      decision: 'noOpinion',
      reason: 'RBAC: role.rbac.authorization.k8s.io "pod-reader" not found',
    });
  });

  it('reports a missing ClusterRole and keeps looking for other grants', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterBinding('a-broken', 'ghost', [userSubject('alice')]),
        makeClusterRole('view', [rule(['get'], ['pods'])]),
        makeClusterBinding('b-works', 'view', [userSubject('alice')]),
      ]),
    );
    expect(evaluateRbac(resourceAttrs(alice), objects).decision).toBe('allow');
    expect(evaluateRbac(resourceAttrs(alice, { verb: 'delete' }), objects).reason).toBe(
      'RBAC: clusterrole.rbac.authorization.k8s.io "ghost" not found',
    );
  });

  it('aggregates several resolution errors as [a, b] (utilerrors.NewAggregate)', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterBinding('broken', 'ghost', [userSubject('alice')]),
        makeBinding('default', 'also-broken', { kind: 'Role', name: 'phantom' }, [userSubject('alice')]),
      ]),
    );
    expect(evaluateRbac(resourceAttrs(alice), objects).reason).toBe(
      'RBAC: [clusterrole.rbac.authorization.k8s.io "ghost" not found, role.rbac.authorization.k8s.io "phantom" not found]',
    );
  });

  it('ignores a broken binding whose subjects do not include the user', () => {
    const objects = memoryObjects(
      Object.fromEntries([makeClusterBinding('broken', 'ghost', [userSubject('bob')])]),
    );
    expect(evaluateRbac(resourceAttrs(alice), objects).reason).toBe('');
  });

  it('records the index of the rule that allowed', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('mixed', [rule(['get'], ['secrets']), rule(['get'], ['pods'])]),
        makeClusterBinding('mixed', 'mixed', [userSubject('alice')]),
      ]),
    );
    expect(evaluateRbac(resourceAttrs(alice), objects).matched?.ruleIndex).toBe(1);
  });
});

describe('RBAC subjects', () => {
  it('matches a Group subject against the user groups and describes the group', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('view', [rule(['get'], ['pods'])]),
        makeClusterBinding('devs-view', 'view', [userSubject('bob'), groupSubject('devs')]),
      ]),
    );
    const decision = evaluateRbac(
      resourceAttrs(makeUser('carol', ['devs', 'system:authenticated'])),
      objects,
    );
    expect(decision.reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "devs-view" of ClusterRole "view" to Group "devs"',
    );
  });

  it('matches a ServiceAccount subject as system:serviceaccount:<ns>:<name>', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('view', [rule(['get'], ['pods'])]),
        makeClusterBinding('ci-view', 'view', [saSubject('builder', 'ci')]),
      ]),
    );
    const sa = makeUser('system:serviceaccount:ci:builder', [
      'system:serviceaccounts',
      'system:serviceaccounts:ci',
    ]);
    const decision = evaluateRbac(resourceAttrs(sa), objects);
    expect(decision.reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "ci-view" of ClusterRole "view" to ServiceAccount "builder/ci"',
    );
    expect(
      evaluateRbac(resourceAttrs(makeUser('system:serviceaccount:other:builder')), objects).decision,
    ).toBe('noOpinion');
  });

  it('never matches a ServiceAccount subject without a namespace in a ClusterRoleBinding', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('view', [rule(['get'], ['pods'])]),
        makeClusterBinding('ci-view', 'view', [saSubject('builder')]),
      ]),
    );
    expect(
      evaluateRbac(resourceAttrs(makeUser('system:serviceaccount:default:builder')), objects).decision,
    ).toBe('noOpinion');
  });

  it('defaults a RoleBinding ServiceAccount subject to the binding namespace (rule.go appliesToUser)', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeRole('ci', 'pod-reader', [rule(['get'], ['pods'])]),
        makeBinding('ci', 'builder-reads', { kind: 'Role', name: 'pod-reader' }, [saSubject('builder')]),
      ]),
    );
    const decision = evaluateRbac(
      resourceAttrs(makeUser('system:serviceaccount:ci:builder'), { namespace: 'ci' }),
      objects,
    );
    expect(decision.reason).toBe(
      'RBAC: allowed by RoleBinding "builder-reads/ci" of Role "pod-reader" to ServiceAccount "builder/ci"',
    );
  });

  it('describes subjects as rule.go describeSubject does', () => {
    expect(describeSubject(userSubject('alice'), '')).toBe('User "alice"');
    expect(describeSubject(saSubject('default', 'kube-system'), 'ci')).toBe(
      'ServiceAccount "default/kube-system"',
    );
    expect(describeSubject(saSubject('default'), 'ci')).toBe('ServiceAccount "default/ci"');
  });
});

// pkg/apis/rbac/v1/evaluation_helpers.go
describe('RBAC rule matching', () => {
  it('matches any verb with "*" and only the listed verbs otherwise', () => {
    expect(ruleAllows(resourceAttrs(alice, { verb: 'delete' }), rule(['*'], ['pods']))).toBe(true);
    expect(ruleAllows(resourceAttrs(alice, { verb: 'delete' }), rule(['get', 'list'], ['pods']))).toBe(false);
  });

  it('matches the core group only with "" and any group with "*"', () => {
    const deployments = resourceAttrs(alice, { apiGroup: 'apps', resource: 'deployments', name: 'web' });
    expect(ruleAllows(deployments, rule(['get'], ['deployments']))).toBe(false);
    expect(ruleAllows(deployments, rule(['get'], ['deployments'], { apiGroups: ['apps'] }))).toBe(true);
    expect(ruleAllows(deployments, rule(['get'], ['deployments'], { apiGroups: ['*'] }))).toBe(true);
  });

  it('matches every resource and subresource with "*"', () => {
    expect(ruleAllows(resourceAttrs(alice, { subresource: 'log' }), rule(['get'], ['*']))).toBe(true);
  });

  it('does not let "pods" cover pods/log; "pods/log" must be named', () => {
    const logs = resourceAttrs(alice, { subresource: 'log' });
    expect(ruleAllows(logs, rule(['get'], ['pods']))).toBe(false);
    expect(ruleAllows(logs, rule(['get'], ['pods/log']))).toBe(true);
    expect(ruleAllows(resourceAttrs(alice), rule(['get'], ['pods/log']))).toBe(false);
  });

  it('treats "*/scale" as a wildcard for the scale subresource but "pods/*" as no wildcard', () => {
    const scale = resourceAttrs(alice, {
      apiGroup: 'apps',
      resource: 'deployments',
      subresource: 'scale',
      verb: 'patch',
    });
    expect(ruleAllows(scale, rule(['patch'], ['*/scale'], { apiGroups: ['apps'] }))).toBe(true);
    expect(ruleAllows(resourceAttrs(alice, { resource: 'deployments' }), rule(['get'], ['*/scale']))).toBe(
      false,
    );
    expect(ruleAllows(resourceAttrs(alice, { subresource: 'log' }), rule(['get'], ['pods/*']))).toBe(false);
  });

  it('matches any name when resourceNames is empty, only the listed names otherwise', () => {
    expect(ruleAllows(resourceAttrs(alice, { name: 'anything' }), rule(['get'], ['pods']))).toBe(true);
    const onlyNginx = rule(['get', 'list', 'create'], ['pods'], { resourceNames: ['nginx'] });
    expect(ruleAllows(resourceAttrs(alice, { name: 'nginx' }), onlyNginx)).toBe(true);
    expect(ruleAllows(resourceAttrs(alice, { name: 'redis' }), onlyNginx)).toBe(false);
  });

  it('never lets resourceNames allow a request without a name (list, create)', () => {
    const onlyNginx = rule(['get', 'list', 'create'], ['pods'], { resourceNames: ['nginx'] });
    expect(ruleAllows(resourceAttrs(alice, { verb: 'list', name: '' }), onlyNginx)).toBe(false);
    expect(ruleAllows(resourceAttrs(alice, { verb: 'create', name: '' }), onlyNginx)).toBe(false);
  });

  it('matches non-resource URLs exactly, with "*", or by prefix with a trailing "*"', () => {
    const healthz = { verbs: ['get'], nonResourceURLs: ['/healthz/*'] };
    expect(ruleAllows(nonResourceAttrs(alice, '/healthz/etcd'), healthz)).toBe(true);
    expect(ruleAllows(nonResourceAttrs(alice, '/healthz'), healthz)).toBe(false);
    expect(
      ruleAllows(nonResourceAttrs(alice, '/version'), { verbs: ['get'], nonResourceURLs: ['/version'] }),
    ).toBe(true);
    expect(ruleAllows(nonResourceAttrs(alice, '/metrics'), { verbs: ['get'], nonResourceURLs: ['*'] })).toBe(
      true,
    );
    expect(
      ruleAllows(nonResourceAttrs(alice, '/metrics', 'post'), { verbs: ['get'], nonResourceURLs: ['*'] }),
    ).toBe(false);
  });

  it('never matches a resource rule to a non-resource request or the reverse', () => {
    expect(ruleAllows(nonResourceAttrs(alice, '/api'), rule(['*'], ['*'], { apiGroups: ['*'] }))).toBe(false);
    expect(ruleAllows(resourceAttrs(alice), { verbs: ['*'], nonResourceURLs: ['*'] })).toBe(false);
  });

  it('grants non-resource URLs only through a ClusterRoleBinding', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('metrics', [{ verbs: ['get'], nonResourceURLs: ['/metrics'] }]),
        makeBinding('default', 'metrics', { kind: 'ClusterRole', name: 'metrics' }, [userSubject('alice')]),
      ]),
    );
    expect(evaluateRbac(nonResourceAttrs(alice, '/metrics'), objects).decision).toBe('noOpinion');
    objects.put(...makeClusterBinding('metrics', 'metrics', [userSubject('alice')]));
    expect(evaluateRbac(nonResourceAttrs(alice, '/metrics'), objects).decision).toBe('allow');
  });
});
