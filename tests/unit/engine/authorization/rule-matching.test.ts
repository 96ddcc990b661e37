import { describe, expect, it } from 'vitest';
import { evaluateRbac, ruleAllows } from '../../../../src/engine/authorization';
import type { AuthorizationAttributes, PolicyRule } from '../../../../src/engine/types';
import {
  makeBinding,
  makeClusterBinding,
  makeClusterRole,
  makeUser,
  memoryObjects,
  nonResourceAttrs,
  resourceAttrs,
} from './factories';

/** A bare resource request, as rbac_test.go's resourceRequest(verb).Group(g).Resource(r).Subresource(s). */
function req(
  verb: string,
  group: string,
  resource: string,
  subresource = '',
  name = '',
): AuthorizationAttributes {
  return resourceAttrs(makeUser('u', []), {
    verb,
    apiGroup: group,
    resource,
    subresource,
    name,
    namespace: '',
  });
}
const url = (verb: string, path: string) => nonResourceAttrs(makeUser('u', []), path, verb);

type Case = readonly [string, AuthorizationAttributes, boolean];

/** Each table of plugin/pkg/auth/authorizer/rbac/rbac_test.go TestRuleMatches, case by case. */
const TABLES: readonly { name: string; rule: PolicyRule; cases: readonly Case[] }[] = [
  {
    name: 'star verb, exact match other',
    rule: { verbs: ['*'], apiGroups: ['group1'], resources: ['resource1'] },
    cases: [
      ['verb1 group1/resource1', req('verb1', 'group1', 'resource1'), true],
      ['verb1 group2/resource1', req('verb1', 'group2', 'resource1'), false],
      ['verb1 group1/resource2', req('verb1', 'group1', 'resource2'), false],
      ['verb1 group2/resource2', req('verb1', 'group2', 'resource2'), false],
      ['verb2 group1/resource1', req('verb2', 'group1', 'resource1'), true],
      ['verb2 group2/resource1', req('verb2', 'group2', 'resource1'), false],
      ['verb2 group1/resource2', req('verb2', 'group1', 'resource2'), false],
      ['verb2 group2/resource2', req('verb2', 'group2', 'resource2'), false],
    ],
  },
  {
    name: 'star group, exact match other',
    rule: { verbs: ['verb1'], apiGroups: ['*'], resources: ['resource1'] },
    cases: [
      ['verb1 group1/resource1', req('verb1', 'group1', 'resource1'), true],
      ['verb1 group2/resource1', req('verb1', 'group2', 'resource1'), true],
      ['verb1 group1/resource2', req('verb1', 'group1', 'resource2'), false],
      ['verb1 group2/resource2', req('verb1', 'group2', 'resource2'), false],
      ['verb2 group1/resource1', req('verb2', 'group1', 'resource1'), false],
      ['verb2 group2/resource1', req('verb2', 'group2', 'resource1'), false],
      ['verb2 group1/resource2', req('verb2', 'group1', 'resource2'), false],
      ['verb2 group2/resource2', req('verb2', 'group2', 'resource2'), false],
    ],
  },
  {
    name: 'star resource, exact match other',
    rule: { verbs: ['verb1'], apiGroups: ['group1'], resources: ['*'] },
    cases: [
      ['verb1 group1/resource1', req('verb1', 'group1', 'resource1'), true],
      ['verb1 group2/resource1', req('verb1', 'group2', 'resource1'), false],
      ['verb1 group1/resource2', req('verb1', 'group1', 'resource2'), true],
      ['verb1 group2/resource2', req('verb1', 'group2', 'resource2'), false],
      ['verb2 group1/resource1', req('verb2', 'group1', 'resource1'), false],
      ['verb2 group2/resource1', req('verb2', 'group2', 'resource1'), false],
      ['verb2 group1/resource2', req('verb2', 'group1', 'resource2'), false],
      ['verb2 group2/resource2', req('verb2', 'group2', 'resource2'), false],
    ],
  },
  {
    name: 'tuple expansion',
    rule: {
      verbs: ['verb1', 'verb2'],
      apiGroups: ['group1', 'group2'],
      resources: ['resource1', 'resource2'],
    },
    cases: [
      ['verb1 group1/resource1', req('verb1', 'group1', 'resource1'), true],
      ['verb1 group2/resource1', req('verb1', 'group2', 'resource1'), true],
      ['verb1 group1/resource2', req('verb1', 'group1', 'resource2'), true],
      ['verb1 group2/resource2', req('verb1', 'group2', 'resource2'), true],
      ['verb2 group1/resource1', req('verb2', 'group1', 'resource1'), true],
      ['verb2 group2/resource1', req('verb2', 'group2', 'resource1'), true],
      ['verb2 group1/resource2', req('verb2', 'group1', 'resource2'), true],
      ['verb2 group2/resource2', req('verb2', 'group2', 'resource2'), true],
    ],
  },
  {
    name: 'subresource expansion',
    rule: { verbs: ['*'], apiGroups: ['*'], resources: ['resource1/subresource1'] },
    cases: [
      ['verb1 resource1/subresource1', req('verb1', 'group1', 'resource1', 'subresource1'), true],
      ['verb1 resource1/subresource2', req('verb1', 'group2', 'resource1', 'subresource2'), false],
      ['verb1 resource2/subresource1 (group1)', req('verb1', 'group1', 'resource2', 'subresource1'), false],
      ['verb1 resource2/subresource1 (group2)', req('verb1', 'group2', 'resource2', 'subresource1'), false],
      ['verb2 resource1/subresource1', req('verb2', 'group1', 'resource1', 'subresource1'), true],
      ['verb2 resource1/subresource2', req('verb2', 'group2', 'resource1', 'subresource2'), false],
      ['verb2 resource2/subresource1 (group1)', req('verb2', 'group1', 'resource2', 'subresource1'), false],
      ['verb2 resource2/subresource1 (group2)', req('verb2', 'group2', 'resource2', 'subresource1'), false],
    ],
  },
  {
    name: 'star nonresource, exact match other',
    rule: { verbs: ['verb1'], nonResourceURLs: ['*'] },
    cases: [
      ['verb1 /foo', url('verb1', '/foo'), true],
      ['verb1 /foo/bar', url('verb1', '/foo/bar'), true],
      ['verb1 /foo/baz', url('verb1', '/foo/baz'), true],
      ['verb1 /foo/bar/one', url('verb1', '/foo/bar/one'), true],
      ['verb1 /foo/baz/one', url('verb1', '/foo/baz/one'), true],
      ['verb2 /foo', url('verb2', '/foo'), false],
      ['verb2 /foo/bar', url('verb2', '/foo/bar'), false],
      ['verb2 /foo/baz', url('verb2', '/foo/baz'), false],
      ['verb2 /foo/bar/one', url('verb2', '/foo/bar/one'), false],
      ['verb2 /foo/baz/one', url('verb2', '/foo/baz/one'), false],
    ],
  },
  {
    name: 'star nonresource subpath',
    rule: { verbs: ['verb1'], nonResourceURLs: ['/foo/*'] },
    cases: [
      ['verb1 /foo', url('verb1', '/foo'), false],
      ['verb1 /foo/bar', url('verb1', '/foo/bar'), true],
      ['verb1 /foo/baz', url('verb1', '/foo/baz'), true],
      ['verb1 /foo/bar/one', url('verb1', '/foo/bar/one'), true],
      ['verb1 /foo/baz/one', url('verb1', '/foo/baz/one'), true],
      ['verb1 /notfoo', url('verb1', '/notfoo'), false],
      ['verb1 /notfoo/bar', url('verb1', '/notfoo/bar'), false],
      ['verb1 /notfoo/baz', url('verb1', '/notfoo/baz'), false],
      ['verb1 /notfoo/bar/one', url('verb1', '/notfoo/bar/one'), false],
      ['verb1 /notfoo/baz/one', url('verb1', '/notfoo/baz/one'), false],
    ],
  },
  {
    name: 'star verb, exact nonresource',
    rule: { verbs: ['*'], nonResourceURLs: ['/foo', '/foo/bar/one'] },
    cases: [
      ['verb1 /foo', url('verb1', '/foo'), true],
      ['verb1 /foo/bar', url('verb1', '/foo/bar'), false],
      ['verb1 /foo/baz', url('verb1', '/foo/baz'), false],
      ['verb1 /foo/bar/one', url('verb1', '/foo/bar/one'), true],
      ['verb1 /foo/baz/one', url('verb1', '/foo/baz/one'), false],
      ['verb2 /foo', url('verb2', '/foo'), true],
      ['verb2 /foo/bar', url('verb2', '/foo/bar'), false],
      ['verb2 /foo/baz', url('verb2', '/foo/baz'), false],
      ['verb2 /foo/bar/one', url('verb2', '/foo/bar/one'), true],
      ['verb2 /foo/baz/one', url('verb2', '/foo/baz/one'), false],
    ],
  },
];

// plugin/pkg/auth/authorizer/rbac/rbac_test.go TestRuleMatches
describe('RBAC rule matching (rbac_test.go TestRuleMatches)', () => {
  for (const table of TABLES) {
    describe(table.name, () => {
      it.each(table.cases)('%s → %s', (_label, attrs, expected) => {
        expect(ruleAllows(attrs, table.rule)).toBe(expected);
      });
    });
  }
});

// pkg/apis/rbac/v1/evaluation_helpers.go: subresource wildcards and resourceNames.
describe('RBAC subresources and resourceNames (evaluation_helpers.go)', () => {
  const cases: readonly [string, PolicyRule, AuthorizationAttributes, boolean][] = [
    [
      'pods does not cover pods/log',
      { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
      req('get', '', 'pods', 'log'),
      false,
    ],
    [
      'pods/log covers pods/log',
      { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] },
      req('get', '', 'pods', 'log'),
      true,
    ],
    [
      'pods/log does not cover pods',
      { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] },
      req('get', '', 'pods'),
      false,
    ],
    [
      '*/scale covers deployments/scale',
      { verbs: ['get'], apiGroups: ['apps'], resources: ['*/scale'] },
      req('get', 'apps', 'deployments', 'scale'),
      true,
    ],
    [
      '*/scale does not cover deployments',
      { verbs: ['get'], apiGroups: ['apps'], resources: ['*/scale'] },
      req('get', 'apps', 'deployments'),
      false,
    ],
    [
      'pods/* is no wildcard for pods/log',
      { verbs: ['get'], apiGroups: [''], resources: ['pods/*'] },
      req('get', '', 'pods', 'log'),
      false,
    ],
    [
      '* covers every subresource',
      { verbs: ['get'], apiGroups: [''], resources: ['*'] },
      req('get', '', 'pods', 'exec'),
      true,
    ],
    [
      'resourceNames allow the named object',
      { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] },
      req('get', '', 'configmaps', '', 'app'),
      true,
    ],
    [
      'resourceNames refuse another name',
      { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] },
      req('get', '', 'configmaps', '', 'other'),
      false,
    ],
    [
      'resourceNames cannot allow list (no name)',
      { verbs: ['list'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] },
      req('list', '', 'configmaps'),
      false,
    ],
    [
      'resourceNames cannot allow create (no name yet)',
      { verbs: ['create'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] },
      req('create', '', 'configmaps'),
      false,
    ],
    [
      'resourceNames cannot allow watch of the collection',
      { verbs: ['watch'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] },
      req('watch', '', 'configmaps'),
      false,
    ],
    [
      'resourceNames cannot allow deletecollection',
      { verbs: ['deletecollection'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] },
      req('deletecollection', '', 'configmaps'),
      false,
    ],
    [
      'a list with fieldSelector metadata.name carries the name',
      { verbs: ['list'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] },
      req('list', '', 'configmaps', '', 'app'),
      true,
    ],
    [
      'core group "" does not match apps',
      { verbs: ['get'], apiGroups: [''], resources: ['deployments'] },
      req('get', 'apps', 'deployments'),
      false,
    ],
    ['no apiGroups matches nothing', { verbs: ['get'], resources: ['pods'] }, req('get', '', 'pods'), false],
    [
      '/healthz/* does not match /healthz',
      { verbs: ['get'], nonResourceURLs: ['/healthz/*'] },
      url('get', '/healthz'),
      false,
    ],
    [
      '/healthz/* matches /healthz/etcd',
      { verbs: ['get'], nonResourceURLs: ['/healthz/*'] },
      url('get', '/healthz/etcd'),
      true,
    ],
    [
      'a resource rule never matches a URL',
      { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      url('get', '/healthz'),
      false,
    ],
    [
      'a URL rule never matches a resource',
      { verbs: ['*'], nonResourceURLs: ['*'] },
      req('get', '', 'pods'),
      false,
    ],
  ];
  it.each(cases)('%s', (_label, rule, attrs, expected) => {
    expect(ruleAllows(attrs, rule)).toBe(expected);
  });
});

/** rbac_test.go defaultAttributes: user, groups (comma-separated), verb, resource, subresource, namespace. */
function attrs(
  user: string,
  groups: string,
  verb: string,
  resource: string,
  subresource: string,
  namespace: string,
) {
  return resourceAttrs(makeUser(user, groups === '' ? [] : groups.split(',')), {
    verb,
    resource,
    subresource,
    namespace,
    apiGroup: '',
    name: '',
  });
}

// plugin/pkg/auth/authorizer/rbac/rbac_test.go TestAuthorizer
describe('The RBAC authorizer (rbac_test.go TestAuthorizer)', () => {
  describe('a RoleBinding in ns1 to ClusterRole admin (* on *.*) for User:admin and Group:admins', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('admin', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]),
        makeBinding('ns1', 'admin', { kind: 'ClusterRole', name: 'admin' }, [
          { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'admin' },
          { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'admins' },
        ]),
      ]),
    );
    const cases: readonly [AuthorizationAttributes, boolean][] = [
      [attrs('admin', '', 'get', 'Pods', '', 'ns1'), true],
      [attrs('admin', '', 'watch', 'Pods', '', 'ns1'), true],
      [attrs('admin', 'group1', 'watch', 'Foobar', '', 'ns1'), true],
      [attrs('joe', 'admins', 'watch', 'Foobar', '', 'ns1'), true],
      [attrs('joe', 'group1,admins', 'watch', 'Foobar', '', 'ns1'), true],
      [attrs('admin', '', 'GET', 'Pods', '', 'ns2'), false],
      [attrs('admin', '', 'GET', 'Nodes', '', ''), false],
      [attrs('admin', 'admins', 'GET', 'Pods', '', 'ns2'), false],
      [attrs('admin', 'admins', 'GET', 'Nodes', '', ''), false],
    ];
    it.each(cases)('%o → allowed %s', (a, expected) => {
      expect(evaluateRbac(a, objects).decision === 'allow').toBe(expected);
    });
  });

  describe('non-resource URLs bound by ClusterRoleBindings', () => {
    const objects = memoryObjects(
      Object.fromEntries([
        makeClusterRole('non-resource-url-getter', [{ verbs: ['get'], nonResourceURLs: ['/apis'] }]),
        makeClusterRole('non-resource-url', [{ verbs: ['*'], nonResourceURLs: ['/apis'] }]),
        makeClusterRole('non-resource-url-prefix', [{ verbs: ['get'], nonResourceURLs: ['/apis/*'] }]),
        makeClusterBinding('non-resource-url-getter', 'non-resource-url-getter', [
          { kind: 'User', name: 'foo' },
          { kind: 'Group', name: 'bar' },
        ]),
        makeClusterBinding('non-resource-url', 'non-resource-url', [
          { kind: 'User', name: 'admin' },
          { kind: 'Group', name: 'admin' },
        ]),
        makeClusterBinding('non-resource-url-prefix', 'non-resource-url-prefix', [
          { kind: 'User', name: 'prefixed' },
          { kind: 'Group', name: 'prefixed' },
        ]),
      ]),
    );
    const cases: readonly [string, string[], string, string, boolean][] = [
      ['foo', [], 'get', '/apis', true],
      ['', ['bar'], 'get', '/apis', true],
      ['admin', [], 'get', '/apis', true],
      ['', ['admin'], 'get', '/apis', true],
      ['admin', [], 'watch', '/apis', true],
      ['', ['admin'], 'watch', '/apis', true],
      ['prefixed', [], 'get', '/apis/v1', true],
      ['', ['prefixed'], 'get', '/apis/v1', true],
      ['prefixed', [], 'get', '/apis/v1/foobar', true],
      ['', ['prefixed'], 'get', '/apis/v1/foorbar', true],
      ['foo', [], 'watch', '/apis', false],
      ['', ['bar'], 'watch', '/apis', false],
      ['foo', [], 'get', '/api/v1', false],
      ['', ['bar'], 'get', '/api/v1', false],
      ['admin', [], 'get', '/api/v1', false],
      ['', ['admin'], 'get', '/api/v1', false],
      ['prefixed', [], 'get', '/api/v1', false],
      ['', ['prefixed'], 'get', '/api/v1', false],
    ];
    it.each(cases)('user %j groups %j %s %s → %s', (user, groups, verb, path, expected) => {
      const decision = evaluateRbac(nonResourceAttrs(makeUser(user, groups), path, verb), objects);
      expect(decision.decision === 'allow').toBe(expected);
    });
  });

  describe('subresource resolution', () => {
    const bound = (resources: string[]) =>
      memoryObjects(
        Object.fromEntries([
          makeClusterRole('admin', [{ verbs: ['*'], apiGroups: ['*'], resources }]),
          makeBinding('ns1', 'admin', { kind: 'ClusterRole', name: 'admin' }, [
            { kind: 'User', name: 'admin' },
          ]),
        ]),
      );
    it('a rule for pods allows pods but not pods/status', () => {
      expect(evaluateRbac(attrs('admin', '', 'get', 'pods', '', 'ns1'), bound(['pods'])).decision).toBe(
        'allow',
      );
      expect(evaluateRbac(attrs('admin', '', 'get', 'pods', 'status', 'ns1'), bound(['pods'])).decision).toBe(
        'noOpinion',
      );
    });
    it('a rule for pods/status allows pods/status but not pods', () => {
      expect(
        evaluateRbac(attrs('admin', '', 'get', 'pods', 'status', 'ns1'), bound(['pods/status'])).decision,
      ).toBe('allow');
      expect(
        evaluateRbac(attrs('admin', '', 'get', 'pods', '', 'ns1'), bound(['pods/status'])).decision,
      ).toBe('noOpinion');
    });
  });
});
