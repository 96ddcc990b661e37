import { describe, expect, it } from 'vitest';
import {
  checkEscalation,
  compactString,
  evaluateEscalation,
  uncoveredRules,
} from '../../../../src/engine/authorization';
import type { AuthorizationAttributes, KubeObject, PolicyRule, UserInfo } from '../../../../src/engine/types';
import {
  makeBinding,
  makeClusterBinding,
  makeClusterRole,
  makeRole,
  makeUser,
  memoryObjects,
  resourceAttrs,
  rule,
  userSubject,
} from './factories';

const RBAC = 'rbac.authorization.k8s.io';
const r = (
  verbs: string[],
  apiGroups: string[],
  resources: string[],
  more: Partial<PolicyRule> = {},
): PolicyRule => ({
  verbs,
  apiGroups,
  resources,
  ...more,
});

// staging/src/k8s.io/component-helpers/auth/rbac/validation/policy_comparator_test.go TestCoversExactMatch… style cases
describe('Covers (policy_comparator.go)', () => {
  const cases: readonly [string, PolicyRule[], PolicyRule[], PolicyRule[]][] = [
    ['exact match', [r(['get'], ['v1'], ['builds'])], [r(['get'], ['v1'], ['builds'])], []],
    ['sub-verb match', [r(['get', 'list'], ['v1'], ['builds'])], [r(['get'], ['v1'], ['builds'])], []],
    [
      'verb mismatch',
      [r(['get'], ['v1'], ['builds'])],
      [r(['list'], ['v1'], ['builds'])],
      [r(['list'], ['v1'], ['builds'])],
    ],
    [
      'star verbs cover all',
      [r(['*'], ['v1'], ['builds'])],
      [r(['delete', 'patch'], ['v1'], ['builds'])],
      [],
    ],
    ['star groups cover all', [r(['get'], ['*'], ['builds'])], [r(['get'], ['v1', 'v2'], ['builds'])], []],
    [
      'star resources cover all',
      [r(['get'], ['v1'], ['*'])],
      [r(['get'], ['v1'], ['builds', 'pods/log'])],
      [],
    ],
    [
      '*/subresource covers every resource/subresource',
      [r(['get'], ['v1'], ['*/scale'])],
      [r(['get'], ['v1'], ['deployments/scale'])],
      [],
    ],
    [
      'resource does not cover its subresource',
      [r(['get'], [''], ['pods'])],
      [r(['get'], [''], ['pods/log'])],
      [r(['get'], [''], ['pods/log'])],
    ],
    [
      'breaks the uncovered part down per verb and resource',
      [r(['get'], [''], ['pods'])],
      [r(['get', 'list'], [''], ['pods', 'secrets'])],
      [r(['list'], [''], ['pods']), r(['get'], [''], ['secrets']), r(['list'], [''], ['secrets'])],
    ],
    [
      'owner without resourceNames covers a named rule',
      [r(['get'], [''], ['configmaps'])],
      [r(['get'], [''], ['configmaps'], { resourceNames: ['a'] })],
      [],
    ],
    [
      'owner with resourceNames does not cover an unnamed rule',
      [r(['get'], [''], ['configmaps'], { resourceNames: ['a'] })],
      [r(['get'], [''], ['configmaps'])],
      [r(['get'], [''], ['configmaps'])],
    ],
    [
      'owner with resourceNames covers those names',
      [r(['get'], [''], ['configmaps'], { resourceNames: ['a', 'b'] })],
      [r(['get'], [''], ['configmaps'], { resourceNames: ['b'] })],
      [],
    ],
    [
      'non-resource URL prefix covers a longer path',
      [{ verbs: ['get'], nonResourceURLs: ['/apis/*'] }],
      [{ verbs: ['get'], nonResourceURLs: ['/apis/apps'] }],
      [],
    ],
    [
      'non-resource URL exact does not cover another',
      [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }],
      [{ verbs: ['get'], nonResourceURLs: ['/healthz/etcd'] }],
      [{ verbs: ['get'], nonResourceURLs: ['/healthz/etcd'] }],
    ],
    [
      'a resource rule does not cover a URL',
      [r(['*'], ['*'], ['*'])],
      [{ verbs: ['get'], nonResourceURLs: ['/metrics'] }],
      [{ verbs: ['get'], nonResourceURLs: ['/metrics'] }],
    ],
  ];
  it.each(cases)('%s', (_label, owner, servant, missing) => {
    expect(uncoveredRules(owner, servant)).toEqual(missing);
  });
});

// pkg/apis/rbac/v1/evaluation_helpers.go CompactString
describe('CompactString', () => {
  it.each([
    [r(['get'], [''], ['secrets']), '{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}'],
    [
      r(['get', 'list'], ['apps'], ['deployments'], { resourceNames: ['web'] }),
      '{APIGroups:["apps"], Resources:["deployments"], ResourceNames:["web"], Verbs:["get" "list"]}',
    ],
    [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }, '{NonResourceURLs:["/healthz"], Verbs:["get"]}'],
  ])('%j → %s', (input, text) => {
    expect(compactString(input)).toBe(text);
  });
});

const alice: UserInfo = makeUser('alice', ['developers', 'system:authenticated']);

function world() {
  return memoryObjects(
    Object.fromEntries([
      makeRole('dev', 'rbac-manager', [
        r(['create', 'update', 'get', 'list'], [RBAC], ['roles', 'rolebindings']),
        rule(['get', 'list'], ['pods']),
      ]),
      makeBinding('dev', 'alice-manages', { kind: 'Role', name: 'rbac-manager' }, [userSubject('alice')]),
      makeClusterRole('secret-reader', [rule(['get'], ['secrets'])]),
      makeClusterRole('pod-reader', [rule(['get'], ['pods'])]),
    ]),
  );
}

function write(resource: string, verb = 'create', namespace = 'dev', user = alice): AuthorizationAttributes {
  return resourceAttrs(user, {
    verb,
    apiGroup: RBAC,
    resource,
    namespace,
    name: verb === 'create' ? '' : 'x',
  });
}
const role = (name: string, rules: PolicyRule[], extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'Role',
  metadata: { name, namespace: 'dev' },
  rules,
  ...extra,
});
const binding = (name: string, roleRef: { kind: string; name: string }): KubeObject => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'RoleBinding',
  metadata: { name, namespace: 'dev' },
  roleRef: { apiGroup: RBAC, ...roleRef },
  subjects: [{ kind: 'User', apiGroup: RBAC, name: 'bob' }],
});
const rbacOnly = { modes: ['RBAC'] as const, abacPolicy: [], webhook: [] };

// pkg/registry/rbac/role/policybased/storage.go, rolebinding/policybased/storage.go, validation/rule.go ConfirmNoEscalation
describe('Escalation prevention', () => {
  it('refuses a Role granting what its author lacks, with the exact ConfirmNoEscalation text', () => {
    const status = checkEscalation(
      write('roles'),
      role('secret-reader', [rule(['get'], ['secrets'])]),
      undefined,
      world(),
      rbacOnly,
    );
    expect(status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'roles.rbac.authorization.k8s.io "secret-reader" is forbidden: user "alice" (groups=["developers" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}',
      reason: 'Forbidden',
      details: { name: 'secret-reader', group: RBAC, kind: 'roles' },
      code: 403,
    });
  });

  it('compacts the missing verbs of one resource and sorts the lines', () => {
    const status = checkEscalation(
      write('roles'),
      role('wide', [rule(['get', 'list', 'delete'], ['secrets', 'configmaps'])]),
      undefined,
      world(),
      rbacOnly,
    );
    expect(status?.message?.split('\n').slice(1)).toEqual([
      '{APIGroups:[""], Resources:["configmaps"], Verbs:["get" "list" "delete"]}',
      '{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list" "delete"]}',
    ]);
  });

  it('allows a Role within what its author holds', () => {
    expect(
      checkEscalation(
        write('roles'),
        role('reader', [rule(['get'], ['pods'])]),
        undefined,
        world(),
        rbacOnly,
      ),
    ).toBeUndefined();
  });

  it('lets system:masters grant anything (escalation_check.go EscalationAllowed)', () => {
    const root = makeUser('root', ['system:masters']);
    const check = evaluateEscalation(
      write('roles', 'create', 'dev', root),
      role('x', [rule(['*'], ['*'])]),
      undefined,
      world(),
      rbacOnly,
    );
    expect(check).toEqual({ bypass: 'system:masters' });
  });

  it('lets an author with the escalate verb write any Role', () => {
    const objects = world();
    const [k, v] = makeRole('dev', 'escalator', [r(['escalate'], [RBAC], ['roles'])]);
    objects.put(k, v);
    const [bk, bv] = makeBinding('dev', 'alice-escalates', { kind: 'Role', name: 'escalator' }, [
      userSubject('alice'),
    ]);
    objects.put(bk, bv);
    const check = evaluateEscalation(
      write('roles'),
      role('secret-reader', [rule(['get'], ['secrets'])]),
      undefined,
      objects,
      rbacOnly,
    );
    expect(check.bypass).toBe('escalate');
    expect(check.status).toBeUndefined();
  });

  it('refuses a RoleBinding to a ClusterRole whose rules the author lacks', () => {
    const status = checkEscalation(
      write('rolebindings'),
      binding('bob-secrets', { kind: 'ClusterRole', name: 'secret-reader' }),
      undefined,
      world(),
      rbacOnly,
    );
    expect(status?.message).toBe(
      'rolebindings.rbac.authorization.k8s.io "bob-secrets" is forbidden: user "alice" (groups=["developers" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}',
    );
  });

  it('allows binding a role the author fully holds', () => {
    expect(
      checkEscalation(
        write('rolebindings'),
        binding('bob-pods', { kind: 'ClusterRole', name: 'pod-reader' }),
        undefined,
        world(),
        rbacOnly,
      ),
    ).toBeUndefined();
  });

  it('lets an author with bind on that ClusterRole bind it (BindingAuthorized)', () => {
    const objects = world();
    const [k, v] = makeRole('dev', 'binder', [
      r(['bind'], [RBAC], ['clusterroles'], { resourceNames: ['secret-reader'] }),
    ]);
    objects.put(k, v);
    const [bk, bv] = makeBinding('dev', 'alice-binds', { kind: 'Role', name: 'binder' }, [
      userSubject('alice'),
    ]);
    objects.put(bk, bv);
    const check = evaluateEscalation(
      write('rolebindings'),
      binding('bob-secrets', { kind: 'ClusterRole', name: 'secret-reader' }),
      undefined,
      objects,
      rbacOnly,
    );
    expect(check.bypass).toBe('bind');
  });

  it('answers the role registry NotFound for a binding to a missing role', () => {
    const status = checkEscalation(
      write('rolebindings'),
      binding('b', { kind: 'ClusterRole', name: 'ghost' }),
      undefined,
      world(),
      rbacOnly,
    );
    expect(status).toMatchObject({
      code: 404,
      message: 'clusterroles.rbac.authorization.k8s.io "ghost" not found',
    });
  });

  it('requires cluster-admin powers for an aggregationRule', () => {
    const objects = world();
    const [k, v] = makeClusterRole('role-writer', [r(['create'], [RBAC], ['clusterroles'])]);
    objects.put(k, v);
    const [bk, bv] = makeClusterBinding('alice-writes', 'role-writer', [userSubject('alice')]);
    objects.put(bk, bv);
    const aggregated = {
      apiVersion: `${RBAC}/v1`,
      kind: 'ClusterRole',
      metadata: { name: 'monitoring' },
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { monitoring: 'true' } }] },
      rules: [],
    };
    const status = checkEscalation(
      write('clusterroles', 'create', ''),
      aggregated,
      undefined,
      objects,
      rbacOnly,
    );
    expect(status?.message).toBe(
      'clusterroles.rbac.authorization.k8s.io "monitoring" is forbidden: must have cluster-admin privileges to use the aggregationRule',
    );
  });

  it('lets an update through that only changes owner references or finalizers (IsOnlyMutatingGCFields)', () => {
    const old = role('secret-reader', [rule(['get'], ['secrets'])]);
    const updated = { ...old, metadata: { ...(old.metadata ?? {}), finalizers: ['example.com/wait'] } };
    expect(evaluateEscalation(write('roles', 'update'), updated, old, world(), rbacOnly)).toEqual({
      bypass: 'only-gc-fields',
    });
  });

  it('checks an update that adds rules', () => {
    const old = role('reader', [rule(['get'], ['pods'])]);
    const updated = role('reader', [rule(['get'], ['pods']), rule(['get'], ['secrets'])]);
    expect(checkEscalation(write('roles', 'update'), updated, old, world(), rbacOnly)?.code).toBe(403);
  });

  it('does not guard other resources', () => {
    expect(
      checkEscalation(
        resourceAttrs(alice, { verb: 'create' }),
        { kind: 'Pod' },
        undefined,
        world(),
        rbacOnly,
      ),
    ).toBeUndefined();
  });
});
