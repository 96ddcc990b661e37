import { describe, expect, it } from 'vitest';
import { createCluster, kubectlToRequests, type Trace } from '../../../src/engine';
import { STARTER } from '../../../src/scenarios/starter';

const FIXED_NOW = new Date('2026-01-01T12:00:00Z');

function world() {
  return createCluster({ ...STARTER.cluster, now: () => FIXED_NOW, seed: 7 });
}

function run(
  cluster: ReturnType<typeof world>,
  command: string,
  user: string,
  files?: Record<string, string>,
) {
  const traces: Trace[] = kubectlToRequests(command, {
    namespace: 'default',
    ...(files ? { files } : {}),
  }).map((r) => cluster.send(r, user));
  const last = traces.at(-1);
  if (last === undefined) throw new Error('no request');
  return last;
}

function outcomes(trace: Trace) {
  return Object.fromEntries(trace.stages.map((s) => [s.stage, s.outcome]));
}

describe('The request pipeline', () => {
  it('creates a pod through every stage and stores it under /registry/pods/<ns>/<name>', () => {
    const cluster = world();
    const before = cluster.storage.revision;
    const trace = run(cluster, 'kubectl run nginx --image=nginx', 'alice');
    expect(trace.response.status).toBe(201);
    expect(outcomes(trace)).toEqual({
      authentication: 'passed',
      authorization: 'passed',
      decoding: 'passed',
      mutatingAdmission: 'passed',
      schemaValidation: 'passed',
      validatingAdmission: 'passed',
      storage: 'passed',
    });
    const stored = cluster.storage.get('/registry/pods/default/nginx');
    expect(stored?.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored?.metadata?.creationTimestamp).toBe('2026-01-01T12:00:00Z');
    expect(stored?.metadata?.resourceVersion).toBe(String(before + 1));
    expect(cluster.storage.revision).toBe(before + 1);
    expect((stored?.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName).toBe('default');
    expect(trace.kubectlOutput).toBe('pod/nginx created');
  });

  it('answers a second create of the same name with 409 AlreadyExists', () => {
    const cluster = world();
    run(cluster, 'kubectl run nginx --image=nginx', 'alice');
    const trace = run(cluster, 'kubectl run nginx --image=nginx', 'alice');
    expect(trace.response.status).toBe(409);
    expect(trace.response.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'AlreadyExists',
      message: 'pods "nginx" already exists',
      code: 409,
    });
  });

  // staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go forbiddenMessage
  it('forbids bob to delete a pod with the apiserver message, before looking the pod up', () => {
    const trace = run(world(), 'kubectl delete pod nginx', 'bob');
    expect(trace.response.status).toBe(403);
    expect(trace.response.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'pods "nginx" is forbidden: User "bob" cannot delete resource "pods" in API group "" in the namespace "default"',
      reason: 'Forbidden',
      details: { name: 'nginx', kind: 'pods' },
      code: 403,
    });
    expect(outcomes(trace).authorization).toBe('failed');
    expect(outcomes(trace).storage).toBe('skipped');
    expect(trace.kubectlOutput).toBe(
      'Error from server (Forbidden): pods "nginx" is forbidden: User "bob" cannot delete resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('rejects an unknown bearer token with 401 and never falls back to anonymous', () => {
    const trace = run(world(), 'kubectl get pods', 'mallory');
    expect(trace.response.status).toBe(401);
    expect(trace.response.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    expect(outcomes(trace).authentication).toBe('failed');
    expect(outcomes(trace).authorization).toBe('skipped');
  });

  it('rejects a pod without an image with 422 Invalid naming the field', () => {
    const example = STARTER.examples.find((e) => e.id === 'invalid-pod');
    const trace = run(world(), example?.command ?? '', 'alice', example?.files as Record<string, string>);
    expect(trace.response.status).toBe(422);
    expect(trace.response.body).toMatchObject({
      reason: 'Invalid',
      message: 'Pod "broken" is invalid: spec.containers[0].image: Required value',
      details: {
        name: 'broken',
        kind: 'Pod',
        causes: [{ reason: 'FieldValueRequired', field: 'spec.containers[0].image' }],
      },
    });
    expect(outcomes(trace).schemaValidation).toBe('failed');
    expect(outcomes(trace).mutatingAdmission).toBe('passed');
  });

  it('skips admission for reads and says why', () => {
    const trace = run(world(), 'kubectl get pods', 'bob');
    expect(trace.response.status).toBe(200);
    const mutating = trace.stages.find((s) => s.stage === 'mutatingAdmission');
    expect(mutating?.outcome).toBe('skipped');
    expect(mutating?.summary).toContain('list is a read');
  });

  it("answers a create in a missing namespace with NamespaceLifecycle's 404", () => {
    const trace = run(world(), 'kubectl run web --image=nginx -n staging', 'admin');
    expect(trace.response.status).toBe(404);
    expect(trace.response.body).toMatchObject({
      reason: 'NotFound',
      message: 'namespaces "staging" not found',
    });
    expect(outcomes(trace).mutatingAdmission).toBe('failed');
  });

  // staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go
  it('lets system:masters past authorization, but NamespaceLifecycle still protects kube-public', () => {
    const trace = run(world(), 'kubectl delete namespace kube-public', 'admin');
    expect(outcomes(trace).authorization).toBe('passed');
    expect(trace.response.status).toBe(403);
    expect(trace.response.body).toMatchObject({
      message: 'namespaces "kube-public" is forbidden: this namespace may not be deleted',
    });
  });

  it('answers /healthz without touching etcd', () => {
    const trace = world().send({ method: 'GET', path: '/healthz', headers: {} }, 'admin');
    expect(trace.response).toEqual({ status: 200, body: 'ok' });
  });

  it('lists every stage in every trace, in pipeline order', () => {
    const trace = run(world(), 'kubectl get pods', 'mallory');
    expect(trace.stages.map((s) => s.stage)).toEqual([
      'authentication',
      'authorization',
      'decoding',
      'mutatingAdmission',
      'schemaValidation',
      'validatingAdmission',
      'storage',
    ]);
  });

  // staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go
  it('runs an impersonated request as the impersonated user, showing both identities', () => {
    const trace = run(world(), 'kubectl delete pod nginx --as alice', 'admin');
    expect(trace.response.status).toBe(404);
    expect(trace.response.body).toMatchObject({ reason: 'NotFound', message: 'pods "nginx" not found' });
    const authn = trace.stages[0]?.details as
      | { user?: { username: string }; impersonation?: { user: { username: string } } }
      | undefined;
    expect(authn?.user?.username).toBe('kubernetes-admin');
    expect(authn?.impersonation?.user.username).toBe('alice');
  });

  it('refuses impersonation without the impersonate verb', () => {
    const trace = run(world(), 'kubectl get pods --as alice', 'bob');
    expect(trace.response.status).toBe(403);
    expect(trace.response.body).toMatchObject({
      message:
        'users "alice" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope',
    });
    expect(outcomes(trace).authorization).toBe('failed');
  });

  // pkg/registry/rbac/rest/storage_rbac.go (rbac/bootstrap-roles) and bootstrappolicy/policy.go
  it('has the default roles, so anonymous may read /healthz through system:public-info-viewer', () => {
    const trace = world().send({ method: 'GET', path: '/healthz', headers: {} }, 'anonymous');
    expect(trace.response).toEqual({ status: 200, body: 'ok' });
    expect(world().storage.get('/registry/clusterroles/cluster-admin')).toBeDefined();
  });

  it('starts from an empty RBAC world when the bootstrap policy is turned off', () => {
    const cluster = createCluster({
      ...STARTER.cluster,
      config: { ...STARTER.cluster.config, authorization: { bootstrapPolicy: false } },
    });
    const trace = cluster.send({ method: 'GET', path: '/healthz', headers: {} }, 'anonymous');
    expect(trace.response.status).toBe(403);
    expect(trace.response.body).toMatchObject({
      message: 'forbidden: User "system:anonymous" cannot get path "/healthz"',
    });
  });
});
