import { describe, expect, it } from 'vitest';
import {
  ABAC_NO_MATCH,
  authorize,
  authorizeAbac,
  authorizeNode,
  authorizeWebhook,
  bootstrapPolicy,
  evaluateRbac,
  findNearMisses,
  selectorMatches,
} from '../../../../src/engine/authorization';
import { forbiddenErrorText } from '../../../../src/engine/authorization/forbidden-message';
import { findResource, storageKey } from '../../../../src/engine/resources';
import type { AbacPolicy, KubeObject, ServerConfig } from '../../../../src/engine/types';
import {
  makeBinding,
  makeClusterBinding,
  makeClusterRole,
  makeRole,
  makeUser,
  memoryObjects,
  nonResourceAttrs,
  resourceAttrs,
  rule,
  userSubject,
} from './factories';

function keyed(objects: readonly KubeObject[]): Record<string, KubeObject> {
  const out: Record<string, KubeObject> = {};
  for (const object of objects) {
    const type = findResource(object.kind ?? '');
    if (type === undefined) throw new Error(`unknown kind ${object.kind}`);
    out[storageKey(type, object.metadata?.namespace ?? '', object.metadata?.name ?? '')] = object;
  }
  return out;
}

const authz = (
  modes: ServerConfig['authorization']['modes'],
  more: Partial<ServerConfig['authorization']> = {},
) => ({
  modes,
  abacPolicy: [],
  webhook: [],
  ...more,
});

// plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go, pkg/controller/clusterroleaggregation
describe('Default roles and aggregation', () => {
  const defaults = keyed(bootstrapPolicy());
  const withBinding = (role: string, ns = 'dev') =>
    memoryObjects({
      ...defaults,
      ...Object.fromEntries([
        makeBinding(ns, `alice-${role}`, { kind: 'ClusterRole', name: role }, [userSubject('alice')]),
      ]),
    });
  const alice = makeUser('alice');

  it('view (aggregated from system:aggregate-to-view) may list pods but not read secrets', () => {
    const objects = withBinding('view');
    const allowed = evaluateRbac(resourceAttrs(alice, { namespace: 'dev', verb: 'list', name: '' }), objects);
    expect(allowed.decision).toBe('allow');
    expect(allowed.matched?.role).toEqual({ kind: 'ClusterRole', name: 'view' });
    expect(allowed.matched?.aggregatedFrom).toEqual({
      kind: 'ClusterRole',
      name: 'system:aggregate-to-view',
    });
    expect(
      evaluateRbac(resourceAttrs(alice, { namespace: 'dev', resource: 'secrets' }), objects).decision,
    ).toBe('noOpinion');
  });

  it('edit includes view (view is labelled aggregate-to-edit) and may read secrets and create deployments', () => {
    const objects = withBinding('edit');
    expect(
      evaluateRbac(resourceAttrs(alice, { namespace: 'dev', resource: 'secrets' }), objects).decision,
    ).toBe('allow');
    expect(
      evaluateRbac(
        resourceAttrs(alice, { namespace: 'dev', verb: 'get', resource: 'pods', subresource: 'log' }),
        objects,
      ).matched?.aggregatedFrom,
    ).toEqual({ kind: 'ClusterRole', name: 'system:aggregate-to-view' });
    expect(
      evaluateRbac(
        resourceAttrs(alice, {
          namespace: 'dev',
          verb: 'create',
          apiGroup: 'apps',
          resource: 'deployments',
          name: '',
        }),
        objects,
      ).decision,
    ).toBe('allow');
    expect(
      evaluateRbac(
        resourceAttrs(alice, {
          namespace: 'dev',
          verb: 'create',
          apiGroup: 'rbac.authorization.k8s.io',
          resource: 'roles',
          name: '',
        }),
        objects,
      ).decision,
    ).toBe('noOpinion');
  });

  it('admin includes edit and may manage Roles and RoleBindings', () => {
    const objects = withBinding('admin');
    const decision = evaluateRbac(
      resourceAttrs(alice, {
        namespace: 'dev',
        verb: 'create',
        apiGroup: 'rbac.authorization.k8s.io',
        resource: 'rolebindings',
        name: '',
      }),
      objects,
    );
    expect(decision.matched?.aggregatedFrom).toEqual({
      kind: 'ClusterRole',
      name: 'system:aggregate-to-admin',
    });
    expect(evaluateRbac(resourceAttrs(alice, { namespace: 'dev', verb: 'delete' }), objects).decision).toBe(
      'allow',
    );
  });

  it('a RoleBinding to admin grants nothing outside its namespace', () => {
    const objects = withBinding('admin');
    expect(evaluateRbac(resourceAttrs(alice, { namespace: 'prod' }), objects).decision).toBe('noOpinion');
  });

  it('picks up a new ClusterRole labelled aggregate-to-view at once (the controller would, eventually)', () => {
    const objects = withBinding('view');
    const [key, crd] = makeClusterRole('crontab-viewer', [
      rule(['get'], ['crontabs'], { apiGroups: ['stable.example.com'] }),
    ]);
    objects.put(key, {
      ...crd,
      metadata: { name: 'crontab-viewer', labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
    });
    const decision = evaluateRbac(
      resourceAttrs(alice, { namespace: 'dev', apiGroup: 'stable.example.com', resource: 'crontabs' }),
      objects,
    );
    expect(decision.matched?.aggregatedFrom).toEqual({ kind: 'ClusterRole', name: 'crontab-viewer' });
  });

  it('ignores the stored rules of an aggregated role: the controller overwrites them', () => {
    const [key, role] = makeClusterRole('agg', [rule(['*'], ['*'])]);
    const objects = memoryObjects({
      [key]: { ...role, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { team: 'x' } }] } },
      ...Object.fromEntries([makeClusterBinding('b', 'agg', [userSubject('alice')])]),
    });
    expect(evaluateRbac(resourceAttrs(alice), objects).decision).toBe('noOpinion');
  });

  it('binds system:public-info-viewer to unauthenticated users, and discovery only to authenticated ones', () => {
    const objects = memoryObjects(defaults);
    const anonymous = makeUser('system:anonymous', ['system:unauthenticated']);
    expect(evaluateRbac(nonResourceAttrs(anonymous, '/healthz'), objects).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "system:public-info-viewer" of ClusterRole "system:public-info-viewer" to Group "system:unauthenticated"',
    );
    expect(evaluateRbac(nonResourceAttrs(anonymous, '/apis'), objects).decision).toBe('noOpinion');
    expect(evaluateRbac(nonResourceAttrs(alice, '/apis/apps/v1'), objects).decision).toBe('allow');
  });

  it('lets every authenticated user create a SelfSubjectAccessReview (system:basic-user)', () => {
    const decision = evaluateRbac(
      resourceAttrs(alice, {
        verb: 'create',
        apiGroup: 'authorization.k8s.io',
        resource: 'selfsubjectaccessreviews',
        namespace: '',
        name: '',
      }),
      memoryObjects(defaults),
    );
    expect(decision.matched?.binding).toEqual({ kind: 'ClusterRoleBinding', name: 'system:basic-user' });
  });

  it.each([
    [{ matchLabels: { a: 'b' } }, { a: 'b', c: 'd' }, true],
    [{ matchLabels: { a: 'b' } }, { a: 'c' }, false],
    [{ matchExpressions: [{ key: 'a', operator: 'In', values: ['x', 'y'] }] }, { a: 'y' }, true],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['x'] }] }, {}, true],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, {}, false],
    [{ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { b: '1' }, true],
    [{}, { anything: 'at-all' }, true],
  ])('label selector %j on %j → %s (LabelSelectorAsSelector)', (selector, labels, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });
});

describe('Near misses on a denial (the simulator explains what RBAC lacked)', () => {
  const alice = makeUser('alice', ['developers', 'system:authenticated']);
  const objects = memoryObjects(
    Object.fromEntries([
      makeRole('dev', 'pod-reader', [rule(['get', 'list'], ['pods'])]),
      makeBinding('dev', 'alice-reads', { kind: 'Role', name: 'pod-reader' }, [userSubject('alice')]),
      makeRole('default', 'cm-one', [rule(['get'], ['configmaps'], { resourceNames: ['app-config'] })]),
      makeBinding('default', 'alice-cm', { kind: 'Role', name: 'cm-one' }, [userSubject('alice')]),
      makeClusterRole('deploy-reader', [rule(['get'], ['deployments'], { apiGroups: ['apps'] })]),
      makeClusterBinding('devs-deploys', 'deploy-reader', [{ kind: 'Group', name: 'developers' }]),
    ]),
  );

  it('names the wrong verb first when only the verb is missing', () => {
    const misses = findNearMisses(resourceAttrs(alice, { namespace: 'dev', verb: 'delete' }), objects);
    expect(misses[0]).toMatchObject({
      binding: { kind: 'RoleBinding', name: 'alice-reads', namespace: 'dev' },
      role: { kind: 'Role', name: 'pod-reader', namespace: 'dev' },
      ruleIndex: 0,
      lacks: ['verb'],
    });
  });

  it('names the wrong namespace for a RoleBinding elsewhere', () => {
    const misses = findNearMisses(resourceAttrs(alice, { namespace: 'prod' }), objects);
    expect(misses[0]).toMatchObject({ binding: { name: 'alice-reads' }, lacks: ['namespace'] });
  });

  it('names the wrong apiGroup when the rule is for another group', () => {
    const misses = findNearMisses(
      resourceAttrs(alice, { namespace: 'default', apiGroup: 'extensions', resource: 'deployments' }),
      objects,
    );
    expect(misses[0]).toMatchObject({ binding: { name: 'devs-deploys' }, lacks: ['apiGroup'] });
  });

  it('names a resourceName mismatch', () => {
    const misses = findNearMisses(
      resourceAttrs(alice, { namespace: 'default', resource: 'configmaps', name: 'db' }),
      objects,
    );
    expect(misses[0]).toMatchObject({ binding: { name: 'alice-cm' }, lacks: ['resourceName'] });
  });

  it('names a missing subresource (pods does not cover pods/log)', () => {
    const misses = findNearMisses(resourceAttrs(alice, { namespace: 'dev', subresource: 'log' }), objects);
    expect(misses[0]).toMatchObject({ binding: { name: 'alice-reads' }, lacks: ['subresource'] });
  });

  it('lists at most three, fewest lacks first, and rides along on the chain answer', () => {
    const details = authorize(
      resourceAttrs(alice, { namespace: 'prod', verb: 'delete', resource: 'secrets' }),
      authz(['RBAC']),
      objects,
    );
    expect(details.decision).toBe('noOpinion');
    expect(details.nearMisses?.length).toBeLessThanOrEqual(3);
    const counts = (details.nearMisses ?? []).map((m) => m.lacks.length);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
  });

  it('is absent on an allow', () => {
    expect(
      authorize(resourceAttrs(alice, { namespace: 'dev' }), authz(['RBAC']), objects).nearMisses,
    ).toBeUndefined();
  });
});

// plugin/pkg/auth/authorizer/node/node_authorizer.go
describe('The Node authorizer', () => {
  const node = makeUser('system:node:worker-1', ['system:nodes', 'system:authenticated']);
  const pod = (name: string, nodeName: string, spec: Record<string, unknown> = {}): [string, KubeObject] => [
    `/registry/pods/default/${name}`,
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: { nodeName, containers: [], ...spec },
    },
  ];
  const objects = memoryObjects(
    Object.fromEntries([
      pod('web', 'worker-1', {
        volumes: [
          { name: 'tls', secret: { secretName: 'web-tls' } },
          { name: 'cfg', configMap: { name: 'web-config' } },
        ],
        containers: [
          { name: 'c', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db-pass', key: 'p' } } }] },
        ],
      }),
      pod('other', 'worker-2', { volumes: [{ name: 'tls', secret: { secretName: 'other-tls' } }] }),
    ]),
  );
  const get = (resource: string, name: string, more = {}) =>
    authorizeNode(resourceAttrs(node, { resource, name, namespace: 'default', ...more }), objects);

  it('has no opinion about users that are not nodes', () => {
    expect(authorizeNode(resourceAttrs(makeUser('alice')), objects)).toEqual({
      decision: 'noOpinion',
      reason: '',
    });
  });

  it('requires the system:nodes group as well as the system:node: prefix', () => {
    expect(authorizeNode(resourceAttrs(makeUser('system:node:worker-1', [])), objects).decision).toBe(
      'noOpinion',
    );
  });

  it('answers "unknown node" for system:node: without a name', () => {
    expect(authorizeNode(resourceAttrs(makeUser('system:node:', ['system:nodes'])), objects).reason).toBe(
      'unknown node for user "system:node:"',
    );
  });

  it('lets a node read a secret mounted by a pod bound to it', () => {
    expect(get('secrets', 'web-tls').decision).toBe('allow');
    expect(get('secrets', 'db-pass').decision).toBe('allow');
    expect(get('configmaps', 'web-config').decision).toBe('allow');
  });

  it("refuses a secret used only by another node's pod, with the upstream reason", () => {
    expect(get('secrets', 'other-tls')).toEqual({
      decision: 'noOpinion',
      reason: "no relationship found between node 'worker-1' and this object",
    });
  });

  it('refuses to write secrets and to list them without a name', () => {
    expect(get('secrets', 'web-tls', { verb: 'update' }).reason).toBe('can only read resources of this type');
    expect(get('secrets', '', { verb: 'list' }).reason).toBe('No Object name found');
  });

  it('falls back to the static node rules for pods and nodes (AuthorizeNodeWithSelectors off in v1.31)', () => {
    expect(get('pods', 'other', { verb: 'get' }).decision).toBe('allow');
    expect(
      authorizeNode(resourceAttrs(node, { resource: 'nodes', name: 'worker-1', namespace: '' }), objects)
        .decision,
    ).toBe('allow');
    expect(get('deployments', 'x', { apiGroup: 'apps' }).decision).toBe('noOpinion');
  });

  it('puts the Node reason in the 403 text when nothing else allows', () => {
    const attrs = resourceAttrs(node, { resource: 'secrets', name: 'other-tls' });
    const details = authorize(attrs, authz(['Node', 'RBAC']), objects);
    expect(forbiddenErrorText(attrs, details.reason)).toBe(
      `User "system:node:worker-1" cannot get resource "secrets" in API group "" in the namespace "default": no relationship found between node 'worker-1' and this object`,
    );
  });
});

// pkg/auth/authorizer/abac/abac.go
describe('The ABAC authorizer', () => {
  const line = (spec: AbacPolicy['spec']): AbacPolicy => ({
    apiVersion: 'abac.authorization.kubernetes.io/v1beta1',
    kind: 'Policy',
    spec,
  });
  const policies = [
    line({ user: 'alice', namespace: '*', resource: '*', apiGroup: '*' }),
    line({ user: 'bob', namespace: 'projectCaribou', resource: 'pods', readonly: true }),
    line({ group: 'system:authenticated', readonly: true, nonResourcePath: '*' }),
    line({ user: '*', readonly: true, nonResourcePath: '/version' }),
  ];
  const bob = makeUser('bob');
  it.each([
    ['alice may do anything to any resource', resourceAttrs(makeUser('alice'), { verb: 'delete' }), 'allow'],
    ['bob may read pods in projectCaribou', resourceAttrs(bob, { namespace: 'projectCaribou' }), 'allow'],
    [
      'bob may not write them (readonly)',
      resourceAttrs(bob, { namespace: 'projectCaribou', verb: 'create' }),
      'noOpinion',
    ],
    ['bob may not read pods elsewhere', resourceAttrs(bob, { namespace: 'default' }), 'noOpinion'],
    [
      'a line for pods covers pods/log (subresources are not compared)',
      resourceAttrs(bob, { namespace: 'projectCaribou', subresource: 'log' }),
      'allow',
    ],
    [
      'an unset apiGroup matches only the core group',
      resourceAttrs(bob, { namespace: 'projectCaribou', apiGroup: 'apps' }),
      'noOpinion',
    ],
    ['authenticated users may read any path', nonResourceAttrs(bob, '/healthz'), 'allow'],
    ['…but not post to it', nonResourceAttrs(bob, '/healthz', 'post'), 'noOpinion'],
  ] as const)('%s', (_label, attrs, decision) => {
    expect(authorizeAbac(attrs, policies).decision).toBe(decision);
  });

  it('says "No policy matched." when nothing matches, and that reason reaches the 403', () => {
    const attrs = resourceAttrs(makeUser('mallory', []));
    expect(authorizeAbac(attrs, policies)).toEqual({ decision: 'noOpinion', reason: ABAC_NO_MATCH });
    const details = authorize(attrs, authz(['ABAC'], { abacPolicy: policies }), memoryObjects());
    expect(forbiddenErrorText(attrs, details.reason)).toBe(
      'User "mallory" cannot get resource "pods" in API group "" in the namespace "default": No policy matched.',
    );
  });

  it('needs a user or a group: a line naming neither matches nobody', () => {
    expect(
      authorizeAbac(resourceAttrs(makeUser('x')), [line({ resource: '*', namespace: '*', apiGroup: '*' })])
        .decision,
    ).toBe('noOpinion');
  });
});

// staging/src/k8s.io/apiserver/plugin/pkg/authorizer/webhook/webhook.go
describe('The Webhook authorizer (a rule table stands in for the remote service)', () => {
  const rules = [
    { match: { user: 'mallory' }, decision: 'deny' as const, reason: 'mallory is suspended' },
    { match: { group: 'ops', verb: 'delete' }, decision: 'allow' as const, reason: 'ops may delete' },
  ];
  const mallory = makeUser('mallory', ['system:masters']);

  it('sends a v1beta1 SubjectAccessReview whose groups field is "group"', () => {
    const verdict = authorizeWebhook(resourceAttrs(makeUser('dan', ['ops']), { verb: 'delete' }), rules);
    expect(verdict.decision).toBe('allow');
    expect(verdict.review).toEqual({
      apiVersion: 'authorization.k8s.io/v1beta1',
      kind: 'SubjectAccessReview',
      metadata: { creationTimestamp: null },
      spec: {
        resourceAttributes: {
          namespace: 'default',
          verb: 'delete',
          version: 'v1',
          resource: 'pods',
          name: 'nginx',
        },
        user: 'dan',
        group: ['ops'],
      },
      status: { allowed: true, reason: 'ops may delete' },
    });
  });

  it('can deny, and a deny stops the chain before RBAC', () => {
    const user = makeUser('mallory');
    const details = authorize(
      resourceAttrs(user),
      authz(['Webhook', 'AlwaysAllow'], { webhook: rules }),
      memoryObjects(),
    );
    expect(details).toMatchObject({
      decision: 'deny',
      authorizer: 'Webhook',
      reason: 'mallory is suspended',
    });
  });

  it('cannot deny system:masters: the privileged group authorizer runs first', () => {
    const details = authorize(
      resourceAttrs(mallory),
      authz(['Webhook'], { webhook: rules }),
      memoryObjects(),
    );
    expect(details.authorizer).toBe('system:masters');
  });

  it('has no opinion when no row matches', () => {
    expect(authorizeWebhook(resourceAttrs(makeUser('eve')), rules).decision).toBe('noOpinion');
  });
});

// staging/src/k8s.io/apiserver/pkg/authorization/union/union.go
describe('The chain of modes', () => {
  it('records every answer in order until one decides', () => {
    const details = authorize(
      resourceAttrs(makeUser('alice')),
      authz(['Node', 'AlwaysDeny', 'AlwaysAllow']),
      memoryObjects(),
    );
    expect(details.trail?.map((t) => [t.authorizer, t.decision])).toEqual([
      ['system:masters', 'noOpinion'],
      ['Node', 'noOpinion'],
      ['AlwaysDeny', 'noOpinion'],
      ['AlwaysAllow', 'allow'],
    ]);
  });

  it('joins the reasons of every no-opinion into the 403 text', () => {
    const attrs = resourceAttrs(makeUser('alice'));
    const details = authorize(attrs, authz(['AlwaysDeny', 'ABAC']), memoryObjects());
    expect(details.reason).toBe('Everything is forbidden.\nNo policy matched.');
  });
});
