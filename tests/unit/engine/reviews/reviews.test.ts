import { describe, expect, it } from 'vitest';
import { bootstrapPolicy, createCluster, kubectlToRequests, type Trace } from '../../../../src/engine';
import { renderReviewOutput } from '../../../../src/engine/reviews';

const NOW = new Date('2026-01-01T12:00:00Z');
const RBAC = 'rbac.authorization.k8s.io';

function world() {
  return createCluster({
    now: () => NOW,
    seed: 3,
    objects: [
      ...bootstrapPolicy(),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'dev' } },
      {
        apiVersion: `${RBAC}/v1`,
        kind: 'RoleBinding',
        metadata: { name: 'alice-edit', namespace: 'dev' },
        roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'edit' },
        subjects: [{ apiGroup: RBAC, kind: 'User', name: 'alice' }],
      },
      {
        apiVersion: `${RBAC}/v1`,
        kind: 'RoleBinding',
        metadata: { name: 'alice-admin-view', namespace: 'default' },
        roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' },
        subjects: [{ apiGroup: RBAC, kind: 'User', name: 'alice' }],
      },
    ],
    users: [
      {
        name: 'admin',
        credential: { type: 'x509', commonName: 'kubernetes-admin', organizations: ['system:masters'] },
      },
      { name: 'alice', credential: { type: 'token', token: 'alice-token' } },
      { name: 'bob', credential: { type: 'token', token: 'bob-token' } },
    ],
    config: {
      authentication: {
        tokenFile: [
          { token: 'alice-token', user: 'alice', uid: '1001', groups: ['developers'] },
          { token: 'bob-token', user: 'bob', uid: '1002', groups: [] },
        ],
      },
    },
  });
}

function run(cluster: ReturnType<typeof world>, command: string, user: string, namespace = 'dev'): Trace {
  const traces = kubectlToRequests(command, { namespace }).map((r) => cluster.send(r, user));
  const last = traces.at(-1);
  if (last === undefined) throw new Error('no request');
  return last;
}

function body(trace: Trace): Record<string, unknown> {
  return trace.response.body as Record<string, unknown>;
}

// pkg/registry/authorization/selfsubjectaccessreview/rest.go, kubectl cmd/auth/cani.go
describe('kubectl auth can-i (SelfSubjectAccessReview)', () => {
  it('answers yes through the RBAC rule that allows it, and stores nothing', () => {
    const cluster = world();
    const before = cluster.storage.revision;
    const trace = run(cluster, 'kubectl auth can-i create deployments', 'alice');
    expect(trace.response.status).toBe(201);
    expect(body(trace).status).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "alice-edit/dev" of ClusterRole "edit" to User "alice"',
    });
    expect(renderReviewOutput(trace.response.body)).toBe('yes\n');
    expect(cluster.storage.revision).toBe(before);
    const storage = trace.stages.find((s) => s.stage === 'storage');
    expect(storage?.outcome).toBe('skipped');
    expect(storage?.summary).toBe(
      'A SelfSubjectAccessReview is answered by the authorizer and never stored: nothing was written to etcd.',
    );
  });

  it('answers no for a namespace without a binding', () => {
    const trace = run(world(), 'kubectl auth can-i delete pods -n prod', 'alice');
    expect(body(trace).status).toEqual({ allowed: false });
    expect(renderReviewOutput(trace.response.body)).toBe('no\n');
  });

  it('asks about non-resource URLs', () => {
    const trace = run(world(), 'kubectl auth can-i get /healthz', 'bob');
    expect((body(trace).status as { allowed: boolean }).allowed).toBe(true);
  });

  it('needs system:basic-user to be allowed to ask at all', () => {
    const cluster = createCluster({ users: [{ name: 'bob', credential: { type: 'anonymous' } }] });
    const trace = run(cluster, 'kubectl auth can-i get pods', 'bob');
    expect(trace.response.status).toBe(403);
    expect((trace.response.body as { message: string }).message).toBe(
      'selfsubjectaccessreviews.authorization.k8s.io is forbidden: User "system:anonymous" cannot create resource "selfsubjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope',
    );
  });

  it('says yes to system:masters', () => {
    const trace = run(world(), 'kubectl auth can-i "*" "*"', 'admin');
    expect((body(trace).status as { allowed: boolean }).allowed).toBe(true);
  });
});

// pkg/registry/authorization/selfsubjectrulesreview/rest.go
describe('kubectl auth can-i --list (SelfSubjectRulesReview)', () => {
  it('lists the rules bound to the user in the namespace, complete under RBAC alone', () => {
    const trace = run(world(), 'kubectl auth can-i --list', 'alice');
    expect(trace.response.status).toBe(201);
    const status = body(trace).status as {
      resourceRules: { verbs: string[]; resources?: string[] }[];
      nonResourceRules: unknown[];
      incomplete: boolean;
    };
    expect(status.incomplete).toBe(false);
    expect(status.resourceRules.some((r) => r.resources?.includes('selfsubjectaccessreviews'))).toBe(true);
    expect(
      status.resourceRules.some((r) => r.resources?.includes('secrets') && r.verbs.includes('get')),
    ).toBe(true);
    expect(status.nonResourceRules.length).toBeGreaterThan(0);
  });

  it('marks the answer incomplete when a Webhook mode is on', () => {
    const cluster = createCluster({
      users: [
        {
          name: 'admin',
          credential: { type: 'x509', commonName: 'root', organizations: ['system:masters'] },
        },
      ],
      config: { authorization: { modes: ['RBAC', 'Webhook'] } },
    });
    const status = body(run(cluster, 'kubectl auth can-i --list', 'admin')).status as Record<string, unknown>;
    expect(status.incomplete).toBe(true);
    expect(status.evaluationError).toBe('webhook authorizer does not support user rule resolution');
  });
});

// pkg/registry/authentication/selfsubjectreview/rest.go, kubectl cmd/auth/whoami.go
describe('kubectl auth whoami (SelfSubjectReview)', () => {
  it('returns the authenticated user info', () => {
    const trace = run(world(), 'kubectl auth whoami', 'alice');
    expect(trace.response.status).toBe(201);
    expect(body(trace).status).toEqual({
      userInfo: { username: 'alice', uid: '1001', groups: ['developers', 'system:authenticated'] },
    });
    expect(renderReviewOutput(trace.response.body)).toBe(
      'ATTRIBUTE   VALUE\nUsername    alice\nUID         1001\nGroups      [developers system:authenticated]\n',
    );
  });

  it('shows the impersonated user when --as is used', () => {
    const trace = run(world(), 'kubectl auth whoami --as=alice', 'admin');
    expect((body(trace).status as { userInfo: { username: string } }).userInfo.username).toBe('alice');
  });
});

// pkg/registry/authorization/subjectaccessreview/rest.go, localsubjectaccessreview/rest.go
describe('SubjectAccessReview and LocalSubjectAccessReview', () => {
  const post = (path: string, review: unknown) => ({
    method: 'POST' as const,
    path,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(review),
  });

  it('answers for the subject in the spec, with no groups added', () => {
    const cluster = world();
    const trace = cluster.send(
      post('/apis/authorization.k8s.io/v1/subjectaccessreviews', {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: { user: 'alice', resourceAttributes: { namespace: 'dev', verb: 'get', resource: 'secrets' } },
      }),
      'admin',
    );
    expect(trace.response.status).toBe(201);
    expect((body(trace).status as { allowed: boolean }).allowed).toBe(true);
  });

  it('rejects a review naming neither user nor group (validation.go)', () => {
    const trace = world().send(
      post('/apis/authorization.k8s.io/v1/subjectaccessreviews', {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: { resourceAttributes: { verb: 'get', resource: 'pods' } },
      }),
      'admin',
    );
    expect(trace.response.status).toBe(422);
    expect((trace.response.body as { message: string }).message).toBe(
      'SubjectAccessReview.authorization.k8s.io "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified',
    );
  });

  it('insists that a LocalSubjectAccessReview asks about its own namespace', () => {
    const trace = world().send(
      post('/apis/authorization.k8s.io/v1/namespaces/dev/localsubjectaccessreviews', {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'LocalSubjectAccessReview',
        metadata: { namespace: 'dev' },
        spec: { user: 'alice', resourceAttributes: { namespace: 'prod', verb: 'get', resource: 'pods' } },
      }),
      'admin',
    );
    expect(trace.response.status).toBe(400);
    expect((trace.response.body as { message: string }).message).toBe(
      'spec.resourceAttributes.namespace must match namespace: dev',
    );
  });
});

describe('Escalation prevention through the pipeline', () => {
  it('refuses at the storage step, with the real message, and writes nothing', () => {
    const cluster = world();
    const before = cluster.storage.revision;
    const trace = cluster.send(
      {
        method: 'POST',
        path: `/apis/${RBAC}/v1/namespaces/dev/roles`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          apiVersion: `${RBAC}/v1`,
          kind: 'Role',
          metadata: { name: 'node-reader' },
          rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }],
        }),
      },
      'bob',
    );
    // bob holds no RBAC write permission at all, so the authorizer stops him first.
    expect(trace.response.status).toBe(403);
    expect(cluster.storage.revision).toBe(before);
  });

  it('lets a namespace admin create a Role within edit, but not one granting more', () => {
    const cluster = createCluster({
      objects: [
        ...bootstrapPolicy(),
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } },
        {
          apiVersion: `${RBAC}/v1`,
          kind: 'RoleBinding',
          metadata: { name: 'carol-admin', namespace: 'dev' },
          roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'admin' },
          subjects: [{ apiGroup: RBAC, kind: 'User', name: 'carol' }],
        },
      ],
      users: [{ name: 'carol', credential: { type: 'token', token: 'c' } }],
      config: { authentication: { tokenFile: [{ token: 'c', user: 'carol', uid: '', groups: [] }] } },
    });
    const create = (name: string, rules: unknown[]) =>
      cluster.send(
        {
          method: 'POST',
          path: `/apis/${RBAC}/v1/namespaces/dev/roles`,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ apiVersion: `${RBAC}/v1`, kind: 'Role', metadata: { name }, rules }),
        },
        'carol',
      );
    expect(
      create('pod-reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]).response
        .status,
    ).toBe(201);
    const refused = create('node-reader', [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]);
    expect(refused.response.status).toBe(403);
    expect((refused.response.body as { message: string }).message).toBe(
      'roles.rbac.authorization.k8s.io "node-reader" is forbidden: user "carol" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["nodes"], Verbs:["get"]}',
    );
    const storage = refused.stages.find((s) => s.stage === 'storage');
    expect(storage?.outcome).toBe('failed');
    expect(storage?.message.id).toBe('authz.escalationForbidden');
  });
});

describe('The access matrix', () => {
  it('answers who can do what in a namespace from the current rules, with the rule that allowed', () => {
    const cells = world().accessMatrix('dev', {
      resources: [{ group: '', resource: 'secrets' }],
      verbs: ['get', 'delete'],
    });
    const cell = (subject: string, verb: string) =>
      cells.find((c) => c.subject === subject && c.verb === verb);
    expect(cell('alice', 'get')).toMatchObject({
      allowed: true,
      authorizer: 'RBAC',
      via: { binding: { name: 'alice-edit' } },
    });
    expect(cell('bob', 'get')?.allowed).toBe(false);
    expect(cell('kubernetes-admin', 'delete')).toMatchObject({ allowed: true, authorizer: 'system:masters' });
    expect(cell('system:serviceaccount:dev:builder', 'get')?.allowed).toBe(false);
  });
});
