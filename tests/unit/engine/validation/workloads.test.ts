import { describe, expect, it } from 'vitest';
import { createCluster, type HttpRequest } from '../../../../src/engine';

const ADMIN = {
  name: 'admin',
  credential: { type: 'x509' as const, commonName: 'admin', organizations: ['system:masters'] },
};

function post(resource: string, body: unknown): HttpRequest {
  return {
    method: 'POST',
    path: `/apis/apps/v1/namespaces/default/${resource}`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

function workload(kind: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
      ...spec,
    },
  };
}

function send(resource: string, body: unknown) {
  const cluster = createCluster({ users: [ADMIN] });
  const trace = cluster.send(post(resource, body), 'admin');
  return { cluster, trace, stored: cluster.storage.get(`/registry/${resource}/default/web`) };
}

describe('Workload validation (pkg/apis/apps/validation/validation.go, ValidateNonnegativeField)', () => {
  it('rejects a Deployment with negative replicas (422) and stores nothing', () => {
    const { trace, stored } = send('deployments', workload('Deployment', { replicas: -1 }));
    expect(trace.response.status).toBe(422);
    expect(trace.response.body).toMatchObject({
      reason: 'Invalid',
      message:
        'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    });
    expect(stored).toBeUndefined();
  });

  it('reports a missing Deployment selector twice: required, and labels.Nothing() matches no template', () => {
    const body = workload('Deployment');
    delete (body.spec as Record<string, unknown>).selector;
    const { trace } = send('deployments', body);
    expect(trace.response.body).toMatchObject({
      message:
        'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    });
  });

  it('requires progressDeadlineSeconds greater than minReadySeconds', () => {
    const { trace } = send(
      'deployments',
      workload('Deployment', { minReadySeconds: 30, progressDeadlineSeconds: 10 }),
    );
    expect(trace.response.body).toMatchObject({
      message:
        'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds',
    });
  });

  it('rejects a ReplicaSet template without containers and with restartPolicy Never', () => {
    const body = workload('ReplicaSet', {
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [], restartPolicy: 'Never' } },
    });
    const { trace } = send('replicasets', body);
    expect(trace.response.status).toBe(422);
    expect(trace.response.body).toMatchObject({
      message:
        'ReplicaSet.apps "web" is invalid: [spec.template.spec.containers: Required value, spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"]',
    });
  });

  it('rejects a negative StatefulSet minReadySeconds, and stores a valid one with its defaults', () => {
    const bad = send('statefulsets', workload('StatefulSet', { minReadySeconds: -5 }));
    expect(bad.trace.response.body).toMatchObject({
      message:
        'StatefulSet.apps "web" is invalid: spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
    });
    const good = send('statefulsets', workload('StatefulSet'));
    expect(good.trace.response.status).toBe(201);
    expect(good.stored?.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      replicas: 1,
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
  });

  it('rejects a DaemonSet rolling update with both maxSurge and maxUnavailable set', () => {
    const body = workload('DaemonSet', {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    });
    const { trace } = send('daemonsets', body);
    expect(trace.response.body).toMatchObject({
      message:
        'DaemonSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
    });
  });

  it('rejects a negative Deployment revisionHistoryLimit', () => {
    const { trace } = send('deployments', workload('Deployment', { revisionHistoryLimit: -1 }));
    expect(trace.response.body).toMatchObject({
      message:
        'Deployment.apps "web" is invalid: spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
    });
  });
});

describe('Job validation (pkg/apis/batch/validation/validation.go validateJobSpec)', () => {
  function job(spec: Record<string, unknown>, podSpec: Record<string, unknown> = {}) {
    return {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }], ...podSpec } }, ...spec },
    };
  }
  function sendJob(body: unknown) {
    const cluster = createCluster({ users: [ADMIN] });
    const trace = cluster.send(
      {
        method: 'POST',
        path: '/apis/batch/v1/namespaces/default/jobs',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
      'admin',
    );
    return { trace, stored: cluster.storage.get('/registry/jobs/default/pi') };
  }

  it('asks for restartPolicy OnFailure or Never when the template leaves it to default to Always', () => {
    const { trace, stored } = sendJob(job({}));
    expect(trace.response.status).toBe(422);
    expect(trace.response.body).toMatchObject({
      reason: 'Invalid',
      message:
        'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    });
    expect(stored).toBeUndefined();
  });

  it('rejects negative parallelism, completions and backoffLimit', () => {
    const { trace } = sendJob(
      job({ parallelism: -1, completions: -2, backoffLimit: -3 }, { restartPolicy: 'Never' }),
    );
    expect(trace.response.body).toMatchObject({
      message:
        'Job.batch "pi" is invalid: [spec.parallelism: Invalid value: -1: must be greater than or equal to 0, spec.completions: Invalid value: -2: must be greater than or equal to 0, spec.backoffLimit: Invalid value: -3: must be greater than or equal to 0]',
    });
  });

  it('stores a valid Job with its defaults and the selector the strategy generates from its uid', () => {
    const { trace, stored } = sendJob(job({}, { restartPolicy: 'Never' }));
    expect(trace.response.status).toBe(201);
    const uid = stored?.metadata?.uid ?? '';
    expect(uid).not.toBe('');
    expect(stored?.spec).toMatchObject({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      suspend: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: {
        metadata: {
          labels: {
            'batch.kubernetes.io/controller-uid': uid,
            'batch.kubernetes.io/job-name': 'pi',
            'controller-uid': uid,
            'job-name': 'pi',
          },
        },
      },
    });
  });
});
