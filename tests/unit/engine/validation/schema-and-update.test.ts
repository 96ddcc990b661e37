import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineExtensions, KubeObject, Status } from '../../../../src/engine/types';
import { extensions, PODS, pod, post, put, world } from '../policy/world';

let ext: EngineExtensions;
beforeAll(async () => {
  ext = await extensions();
});

function status(body: unknown): Status {
  return body as Status;
}

describe('Object validation with schemas (pkg/apis/core/validation, apimachinery objectmeta.go)', () => {
  it('aggregates several failures into one 422 with details.causes', () => {
    const bad = pod('Bad_Name', {
      containers: [
        { name: 'app', image: 'nginx', ports: [{ containerPort: 70000 }] },
        { name: 'app', image: 'nginx' },
      ],
    });
    const trace = world([], ext).send(post(PODS, bad), 'admin');
    expect(trace.response.status).toBe(422);
    const body = status(trace.response.body);
    expect(body.message).toMatch(
      /^Pod "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
    expect(body.details?.causes?.map((c) => c.field)).toEqual([
      'metadata.name',
      'spec.containers[0].ports[0].containerPort',
      'spec.containers[1].name',
    ]);
    expect(body.details?.causes?.[2]).toEqual({
      reason: 'FieldValueDuplicate',
      message: 'Duplicate value: "app"',
      field: 'spec.containers[1].name',
    });
  });

  it('reports a field the schema requires', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { ports: [{ name: 'http' }] },
    };
    const trace = world([], ext).send(post('/api/v1/namespaces/default/services', service), 'admin');
    expect(trace.response.status).toBe(422);
    expect(status(trace.response.body).details?.causes).toContainEqual({
      reason: 'FieldValueInvalid',
      message: expect.stringContaining('must be between 1 and 65535'),
      field: 'spec.ports[0].port',
    });
  });

  it('rejects invalid label keys', () => {
    const trace = world([], ext).send(post(PODS, pod('a', {}, { labels: { 'bad key': 'x' } })), 'admin');
    expect(status(trace.response.body).message).toContain(
      'metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters',
    );
  });

  it('keeps a pod spec immutable on update, except images', () => {
    const cluster = world([], ext);
    cluster.send(post(PODS, pod('a')), 'admin');
    const stored = cluster.storage.get('/registry/pods/default/a') as KubeObject;
    const changed = { ...stored, spec: { ...(stored.spec as object), restartPolicy: 'Never' } };
    const trace = cluster.send(put(`${PODS}/a`, changed), 'admin');
    expect(trace.response.status).toBe(422);
    expect(status(trace.response.body).message).toBe(
      'Pod "a" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    const image = JSON.parse(JSON.stringify(stored)) as { spec: { containers: { image: string }[] } };
    image.spec.containers[0] = { ...image.spec.containers[0], image: 'nginx:1.28' } as { image: string };
    expect(cluster.send(put(`${PODS}/a`, image), 'admin').response.status).toBe(200);
  });

  it('refuses to change the data of an immutable ConfigMap', () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'default' },
      data: { a: '1' },
      immutable: true,
    };
    const cluster = world([cm], ext);
    const stored = cluster.storage.get('/registry/configmaps/default/c') as KubeObject;
    const trace = cluster.send(
      put('/api/v1/namespaces/default/configmaps/c', { ...stored, data: { a: '2' } }),
      'admin',
    );
    expect(status(trace.response.body).message).toBe(
      'ConfigMap "c" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    );
  });

  it('refuses to change a Secret type: field is immutable', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'default' },
      type: 'Opaque',
    };
    const cluster = world([secret], ext);
    const stored = cluster.storage.get('/registry/secrets/default/s') as KubeObject;
    const trace = cluster.send(
      put('/api/v1/namespaces/default/secrets/s', { ...stored, type: 'kubernetes.io/tls' }),
      'admin',
    );
    expect(status(trace.response.body).message).toContain(
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
    );
  });
});
