import { describe, expect, it } from 'vitest';
import { createCluster, type HttpRequest, type KubeObject, type Trace } from '../../../../src/engine';

const ADMIN = {
  name: 'admin',
  credential: { type: 'x509' as const, commonName: 'admin', organizations: ['system:masters'] },
};
const POD_PATH = '/api/v1/namespaces/default/pods';
const KEY = '/registry/pods/default/nginx';
const CONFLICT =
  'Operation cannot be fulfilled on pods "nginx": the object has been modified; please apply your changes to the latest version and try again';

function request(method: HttpRequest['method'], path: string, body: unknown): HttpRequest {
  return { method, path, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/** A cluster with pod nginx stored, then changed once (a label), so its first resourceVersion is stale. */
function clusterWithEditedPod() {
  const cluster = createCluster({ users: [ADMIN], now: () => new Date('2026-01-01T12:00:00Z'), seed: 5 });
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx' },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
  };
  const created = cluster.send(request('POST', POD_PATH, pod), 'admin').response.body as KubeObject;
  const edited = { ...created, metadata: { ...created.metadata, labels: { tier: 'web' } } };
  const current = cluster.send(request('PUT', `${POD_PATH}/nginx`, edited), 'admin').response
    .body as KubeObject;
  return { cluster, staleVersion: created.metadata?.resourceVersion ?? '', current };
}

/** The stored pod with an invalid label value, sent with `resourceVersion`. */
function invalidUpdate(current: KubeObject, resourceVersion: string): KubeObject {
  return { ...current, metadata: { ...current.metadata, resourceVersion, labels: { tier: 'not valid!' } } };
}

function outcomes(trace: Trace) {
  return Object.fromEntries(trace.stages.map((s) => [s.stage, s.outcome]));
}

describe('Update order of checks (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go Update: the resourceVersion precondition in GuaranteedUpdate before rest.BeforeUpdate)', () => {
  it('answers 409 Conflict for a stale resourceVersion even when the object would also fail validation', () => {
    const { cluster, staleVersion, current } = clusterWithEditedPod();
    const revision = cluster.storage.revision;
    const trace = cluster.send(
      request('PUT', `${POD_PATH}/nginx`, invalidUpdate(current, staleVersion)),
      'admin',
    );
    expect(trace.response.status).toBe(409);
    expect(trace.response.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: CONFLICT,
      reason: 'Conflict',
      details: { name: 'nginx', kind: 'pods' },
      code: 409,
    });
    expect(outcomes(trace)).toMatchObject({
      mutatingAdmission: 'passed',
      schemaValidation: 'skipped',
      validatingAdmission: 'skipped',
      storage: 'failed',
    });
    expect(trace.stages.find((s) => s.stage === 'storage')?.details).toEqual({
      operation: 'update',
      key: KEY,
      revision,
    });
    // Nothing was written: the stored pod is the one the first update left.
    expect(cluster.storage.revision).toBe(revision);
    expect(cluster.storage.get(KEY)).toEqual(current);
  });

  it('answers 422 Invalid for the same object when its resourceVersion is current', () => {
    const { cluster, current } = clusterWithEditedPod();
    const version = current.metadata?.resourceVersion ?? '';
    const trace = cluster.send(request('PUT', `${POD_PATH}/nginx`, invalidUpdate(current, version)), 'admin');
    expect(trace.response.status).toBe(422);
    expect(trace.response.body).toMatchObject({
      reason: 'Invalid',
      message:
        "Pod \"nginx\" is invalid: metadata.labels: Invalid value: \"not valid!\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    });
    expect(cluster.storage.get(KEY)).toEqual(current);
  });

  it('treats resourceVersion "0" as unconditional (ParseResourceVersion reads 0; pods AllowUnconditionalUpdate)', () => {
    const { cluster, current } = clusterWithEditedPod();
    const next = {
      ...current,
      metadata: { ...current.metadata, resourceVersion: '0', labels: { tier: 'db' } },
    };
    const trace = cluster.send(request('PUT', `${POD_PATH}/nginx`, next), 'admin');
    expect(trace.response.status).toBe(200);
    expect(cluster.storage.get(KEY)?.metadata).toMatchObject({
      labels: { tier: 'db' },
      resourceVersion: String(cluster.storage.revision),
    });
  });

  it('checks a merge patch that sets a stale resourceVersion the same way (patch.go applies it inside UpdatedObject)', () => {
    const { cluster, staleVersion } = clusterWithEditedPod();
    const patch = { metadata: { resourceVersion: staleVersion, labels: { tier: 'not valid!' } } };
    const trace = cluster.send(
      {
        method: 'PATCH',
        path: `${POD_PATH}/nginx`,
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify(patch),
      },
      'admin',
    );
    expect(trace.response.status).toBe(409);
    expect(trace.response.body).toMatchObject({ reason: 'Conflict', message: CONFLICT });
  });
});
