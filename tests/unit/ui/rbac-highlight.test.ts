import { describe, expect, it } from 'vitest';
import type { AuthorizationDetails, RbacMatch, UserInfo } from '../../../src/engine/types';
import {
  authorizationOf,
  bindingLabel,
  highlightRows,
  type RbacHighlight,
  rbacHighlightOf,
  roleLabel,
  ruleIndexIn,
} from '../../../src/ui/world/rbac-highlight';
import { rbacTable } from '../../../src/ui/world/rbac-model';
import { onRbacReveal, requestRbacReveal, takeRbacReveal } from '../../../src/ui/world/rbac-reveal';
import { starterTrace } from './render';

/** The starter's RBAC, plus a binding with two subjects and a second role for the same user. */
const RBAC = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: pod-manager, namespace: default }
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
  - apiGroups: [""]
    resources: ["pods/log"]
    verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: alice-manages-pods, namespace: default }
subjects:
  - kind: User
    name: alice
    apiGroup: rbac.authorization.k8s.io
roleRef: { kind: Role, name: pod-manager, apiGroup: rbac.authorization.k8s.io }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: reader }
rules:
  - apiGroups: ["", "apps"]
    resources: ["pods", "services", "configmaps", "deployments"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: bob-reads-everything }
subjects:
  - kind: User
    name: bob
    apiGroup: rbac.authorization.k8s.io
  - kind: Group
    name: auditors
    apiGroup: rbac.authorization.k8s.io
roleRef: { kind: ClusterRole, name: reader, apiGroup: rbac.authorization.k8s.io }
`;

const { rows } = rbacTable(RBAC);
const user = (username: string, groups: string[] = ['system:authenticated']): UserInfo => ({
  username,
  uid: '',
  groups,
  extra: {},
});

describe('Which RBAC table row explains a request', () => {
  it('names bindings and roles the way the table does', () => {
    expect(bindingLabel({ kind: 'RoleBinding', name: 'alice-manages-pods', namespace: 'default' })).toBe(
      'RoleBinding default/alice-manages-pods',
    );
    expect(bindingLabel({ kind: 'ClusterRoleBinding', name: 'bob-reads-everything' })).toBe(
      'ClusterRoleBinding bob-reads-everything',
    );
    expect(roleLabel({ kind: 'Role', name: 'pod-manager', namespace: 'default' })).toBe('Role pod-manager');
    expect(rows.map((r) => r.binding)).toContain('RoleBinding default/alice-manages-pods');
  });

  it("marks alice's binding and rule 0 of pod-manager for an allowed pod create", () => {
    const details = authorizationOf(starterTrace('alice', 'kubectl run nginx --image=nginx'));
    expect(details?.decision).toBe('allow');
    const h = rbacHighlightOf(details);
    expect(h).toMatchObject({ kind: 'allowed', ruleIndex: 0, lacks: [] });
    expect(h?.role).toMatchObject({ kind: 'Role', name: 'pod-manager' });
    const marks = highlightRows(rows, h);
    expect([...marks.keys()].map((i) => rows[i]?.subject)).toEqual(['User alice']);
    expect([...marks.values()]).toEqual([{ kind: 'allowed', ruleIndex: 0, lacks: [] }]);
  });

  it("marks the closest near miss on bob's ClusterRole reader for a forbidden delete", () => {
    const details = authorizationOf(starterTrace('bob', 'kubectl delete pod nginx'));
    expect(details?.decision).not.toBe('allow');
    const h = rbacHighlightOf(details);
    expect(h).toMatchObject({ kind: 'nearMiss', ruleIndex: 0, lacks: ['verb'] });
    const marks = highlightRows(rows, h);
    // The binding also lists Group auditors, but the request came from bob: only his row is marked.
    expect([...marks.keys()].map((i) => rows[i]?.subject)).toEqual(['User bob']);
    const [mark] = [...marks.values()];
    expect(mark).toEqual({ kind: 'nearMiss', ruleIndex: 0, lacks: ['verb'] });
    expect(rows[[...marks.keys()][0] ?? -1]?.role).toBe('ClusterRole reader');
  });

  it('marks the rows of a binding reached through a group', () => {
    const match: RbacMatch = {
      binding: { kind: 'ClusterRoleBinding', name: 'bob-reads-everything' },
      role: { kind: 'ClusterRole', name: 'reader' },
      ruleIndex: 0,
      rule: {
        apiGroups: ['', 'apps'],
        resources: ['pods', 'services', 'configmaps', 'deployments'],
        verbs: ['get', 'list', 'watch'],
      },
    };
    const details = {
      decision: 'allow',
      reason: '',
      matched: match,
      attributes: { user: user('carol', ['auditors']) },
    } as unknown as AuthorizationDetails;
    const marks = highlightRows(rows, rbacHighlightOf(details));
    expect([...marks.keys()].map((i) => rows[i]?.subject)).toEqual(['Group auditors']);
  });

  it('marks every row of the binding when none of its subjects is the user', () => {
    const h: RbacHighlight = {
      kind: 'allowed',
      binding: { kind: 'ClusterRoleBinding', name: 'bob-reads-everything' },
      role: { kind: 'ClusterRole', name: 'reader' },
      ruleIndex: 0,
      rule: {
        apiGroups: ['', 'apps'],
        resources: ['pods', 'services', 'configmaps', 'deployments'],
        verbs: ['get', 'list', 'watch'],
      },
      lacks: [],
      user: user('system:serviceaccount:default:robot'),
    };
    expect(highlightRows(rows, h).size).toBe(2);
  });

  it('finds the rule by content when the index no longer points at it, and none when it is gone', () => {
    const rules = rows.find((r) => r.role === 'Role pod-manager')?.rules;
    const logRule = { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] };
    const base = {
      kind: 'allowed' as const,
      binding: { kind: 'RoleBinding', name: 'alice-manages-pods', namespace: 'default' },
      role: { kind: 'Role', name: 'pod-manager', namespace: 'default' },
      lacks: [],
    };
    expect(ruleIndexIn(rules, { ...base, ruleIndex: 1, rule: logRule })).toBe(1);
    expect(ruleIndexIn(rules, { ...base, ruleIndex: 0, rule: logRule })).toBe(1);
    expect(
      ruleIndexIn(rules, { ...base, ruleIndex: 1, rule: { ...logRule, verbs: ['delete'] } }),
    ).toBeUndefined();
    expect(ruleIndexIn(undefined, { ...base, ruleIndex: 0, rule: logRule })).toBeUndefined();
    // An aggregated role's index counts its aggregated rules: only the content identifies the rule.
    expect(
      ruleIndexIn(rules, {
        ...base,
        ruleIndex: 1,
        rule: logRule,
        aggregatedFrom: { kind: 'ClusterRole', name: 'x' },
      }),
    ).toBe(1);
  });

  it('marks nothing without RBAC in the verdict or in the table', () => {
    expect(rbacHighlightOf(undefined)).toBeUndefined();
    expect(authorizationOf(undefined)).toBeUndefined();
    const noOpinion = {
      decision: 'noOpinion',
      reason: '',
      nearMisses: [],
    } as unknown as AuthorizationDetails;
    expect(rbacHighlightOf(noOpinion)).toBeUndefined();
    const admin = authorizationOf(starterTrace('admin', 'kubectl get pods'));
    expect(rbacHighlightOf(admin)).toBeUndefined();
    const h = rbacHighlightOf(authorizationOf(starterTrace('alice', 'kubectl run nginx --image=nginx')));
    expect(highlightRows([], h).size).toBe(0);
    expect(highlightRows(rows, undefined).size).toBe(0);
  });
});

describe('The request to reveal the marked row', () => {
  it('is answered once, by a mounted tab now or by the next tab to mount', () => {
    takeRbacReveal();
    requestRbacReveal();
    expect(takeRbacReveal()).toBe(true);
    expect(takeRbacReveal()).toBe(false);
    const seen: boolean[] = [];
    const off = onRbacReveal(() => seen.push(takeRbacReveal()));
    requestRbacReveal();
    off();
    requestRbacReveal();
    expect(seen).toEqual([true]);
    expect(takeRbacReveal()).toBe(true);
  });
});
