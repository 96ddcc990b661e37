import { describe, expect, it } from 'vitest';
import { createCluster, createLoadedCluster, type HttpRequest, loadExtensions } from '../../../../src/engine';

const ADMIN = {
  name: 'admin',
  credential: { type: 'x509' as const, commonName: 'admin', organizations: ['system:masters'] },
};

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: { containers: [{ name: 'app', image: 'nginx', imagee: 'typo' }] },
};

function postPod(query = ''): HttpRequest {
  return {
    method: 'POST',
    path: `/api/v1/namespaces/default/pods${query}`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(POD),
  };
}

describe('createCluster: the fresh-cluster baseline (cluster/baseline.ts)', () => {
  it('holds the system namespaces, a default ServiceAccount and kube-root-ca.crt in each, and the kubernetes Service', () => {
    const cluster = createCluster({ users: [ADMIN] });
    const keys = cluster.storage
      .keys()
      .filter((k) => !k.includes('/clusterrole') && !k.includes('/rolebindings/') && !k.includes('/roles/'));
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      expect(keys).toContain(`/registry/namespaces/${ns}`);
      expect(keys).toContain(`/registry/serviceaccounts/${ns}/default`);
      expect(keys).toContain(`/registry/configmaps/${ns}/kube-root-ca.crt`);
    }
    expect(cluster.storage.get('/registry/services/specs/default/kubernetes')?.spec).toMatchObject({
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
    });
    expect(cluster.storage.get('/registry/namespaces/default')?.status).toEqual({ phase: 'Active' });
  });

  it('lets a create in default pass NamespaceLifecycle and the ServiceAccount plugin (201)', () => {
    const cluster = createCluster({ users: [ADMIN] });
    const trace = cluster.send(postPod(), 'admin');
    expect(trace.response.status).toBe(201);
    expect(cluster.storage.get('/registry/pods/default/web')?.spec).toMatchObject({
      serviceAccountName: 'default',
    });
  });

  it('starts from an empty etcd (plus the RBAC bootstrap policy) with baseline: false', () => {
    const cluster = createCluster({ users: [ADMIN], baseline: false });
    expect(cluster.storage.keys().some((k) => k.startsWith('/registry/namespaces/'))).toBe(false);
    const trace = cluster.send(postPod(), 'admin');
    expect(trace.response.status).toBe(404);
    expect(trace.response.body).toMatchObject({
      reason: 'NotFound',
      message: 'namespaces "default" not found',
    });
  });
});

describe('createLoadedCluster / loadExtensions: a fully loaded cluster in one call', () => {
  it('loads the OpenAPI schemas and the CEL interpreter', async () => {
    const extensions = await loadExtensions();
    expect(extensions.schemas).toBeDefined();
    expect(extensions.cel).toBeDefined();
  });

  it('rejects an unknown field under fieldValidation=Strict, as a real apiserver does (400)', async () => {
    const cluster = await createLoadedCluster({ users: [ADMIN] });
    const trace = cluster.send(postPod('?fieldValidation=Strict'), 'admin');
    expect(trace.response.status).toBe(400);
    expect(trace.response.body).toMatchObject({
      reason: 'BadRequest',
      message:
        'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    });
    expect(cluster.storage.get('/registry/pods/default/web')).toBeUndefined();
  });

  it('without the extensions, the same request only drops the field (the trace says the schema was not checked)', () => {
    const cluster = createCluster({ users: [ADMIN] });
    const trace = cluster.send(postPod('?fieldValidation=Strict'), 'admin');
    expect(trace.response.status).toBe(201);
    const validation = trace.stages.find((s) => s.stage === 'schemaValidation');
    expect(validation?.details).toMatchObject({ schemaChecked: false });
  });
});
