// REST semantics through the whole pipeline, request by request, with exact bodies and messages:
// staging/src/k8s.io/apiserver/pkg/endpoints/handlers/{create,update,patch,delete,watch}.go and
// pkg/registry/generic/registry/store.go.
import { describe, expect, it } from 'vitest';
import type { HttpMethod, KubeObject, Trace, WatchEvent } from '../../../../src/engine';
import { type World, world } from '../kubectl/session-helpers';

function http(
  cluster: World,
  method: HttpMethod,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Trace {
  return cluster.send(
    {
      method,
      path,
      headers: { 'User-Agent': 'curl/8.5.0', ...(body === undefined ? {} : { 'Content-Type': contentType }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    },
    'admin',
  );
}

const PODS = '/api/v1/namespaces/default/pods';
const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments';
const CM = '/api/v1/namespaces/default/configmaps';

function pod(name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
  };
}

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    },
  },
};

function stage(trace: Trace, name: string) {
  return trace.stages.find((s) => s.stage === name);
}

describe('create', () => {
  it('answers 201 with the stored object; resourceVersion is the write revision', () => {
    const cluster = world();
    const trace = http(cluster, 'POST', PODS, pod('a'));
    expect(trace.response.status).toBe(201);
    expect((trace.response.body as KubeObject).metadata?.resourceVersion).toBe(
      String(cluster.storage.revision),
    );
  });

  it('records a managedFields Update entry for the User-Agent prefix when no fieldManager is given', () => {
    const trace = http(world(), 'POST', CM, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { k: 'v' },
    });
    expect((trace.response.body as KubeObject).metadata?.managedFields).toEqual([
      {
        manager: 'curl',
        operation: 'Update',
        apiVersion: 'v1',
        time: '2025-06-01T12:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { '.': {}, 'f:k': {} } },
      },
    ]);
  });

  it('a second create of the same name is AlreadyExists 409', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, pod('a'));
    expect(http(cluster, 'POST', PODS, pod('a')).response).toEqual({
      status: 409,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'pods "a" already exists',
        reason: 'AlreadyExists',
        details: { name: 'a', kind: 'pods' },
        code: 409,
      },
    });
  });

  it('dryRun=All runs the whole pipeline, answers the object without a resourceVersion and writes nothing', () => {
    const cluster = world();
    const before = cluster.storage.revision;
    const trace = http(cluster, 'POST', `${PODS}?dryRun=All`, pod('a'));
    expect(trace.response.status).toBe(201);
    expect((trace.response.body as KubeObject).metadata?.resourceVersion).toBeUndefined();
    expect(stage(trace, 'storage')).toMatchObject({
      message: { id: 'storage.dryRun' },
      details: { dryRun: true },
    });
    expect(cluster.storage.revision).toBe(before);
  });
});

describe('get and list', () => {
  it('a missing object is NotFound 404 with the plural resource in details.kind', () => {
    expect(http(world(), 'GET', `${PODS}/none`).response.body).toMatchObject({
      message: 'pods "none" not found',
      reason: 'NotFound',
      details: { name: 'none', kind: 'pods' },
      code: 404,
    });
  });

  it('a list carries the current revision as its resourceVersion and filters by label and field selectors', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, pod('a', { tier: 'fe' }));
    http(cluster, 'POST', PODS, pod('b', { tier: 'be' }));
    const list = http(cluster, 'GET', `${PODS}?labelSelector=tier%3Dfe`).response.body as {
      metadata: unknown;
      items: KubeObject[];
    };
    expect(list.metadata).toEqual({ resourceVersion: String(cluster.storage.revision) });
    expect(list.items.map((i) => i.metadata?.name)).toEqual(['a']);
    const byName = http(cluster, 'GET', `${PODS}?fieldSelector=metadata.name%3Db`).response.body as {
      items: KubeObject[];
    };
    expect(byName.items.map((i) => i.metadata?.name)).toEqual(['b']);
  });
});

describe('update (PUT)', () => {
  it('a stale resourceVersion is a 409 Conflict with the exact optimistic-lock message', () => {
    const cluster = world();
    const created = http(cluster, 'POST', DEPLOYS, deployment).response.body as KubeObject;
    http(cluster, 'PUT', `${DEPLOYS}/web`, {
      ...created,
      spec: { ...(created.spec as object), replicas: 2 },
    });
    const stale = http(cluster, 'PUT', `${DEPLOYS}/web`, {
      ...created,
      spec: { ...(created.spec as object), replicas: 3 },
    });
    expect(stale.response.body).toMatchObject({
      status: 'Failure',
      message:
        'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
      reason: 'Conflict',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
      code: 409,
    });
  });

  it('bumps metadata.generation only when the spec changes', () => {
    const cluster = world();
    const created = http(cluster, 'POST', DEPLOYS, deployment).response.body as KubeObject;
    expect(created.metadata?.generation).toBe(1);
    const relabelled = http(
      cluster,
      'PATCH',
      `${DEPLOYS}/web`,
      { metadata: { labels: { x: 'y' } } },
      'application/merge-patch+json',
    );
    expect((relabelled.response.body as KubeObject).metadata?.generation).toBe(1);
    const scaled = http(
      cluster,
      'PATCH',
      `${DEPLOYS}/web`,
      { spec: { replicas: 3 } },
      'application/merge-patch+json',
    );
    expect((scaled.response.body as KubeObject).metadata?.generation).toBe(2);
  });
});

describe('patch', () => {
  it('applies the patch to the live object in the decoding stage, then admits and validates the result as an UPDATE', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, pod('a'));
    const trace = http(
      cluster,
      'PATCH',
      `${PODS}/a`,
      [{ op: 'add', path: '/metadata/labels/tier', value: 'fe' }],
      'application/json-patch+json',
    );
    expect(trace.response.status).toBe(200);
    expect(stage(trace, 'decoding')).toMatchObject({
      outcome: 'passed',
      message: { id: 'decoding.patched' },
      details: { patch: { patchType: 'json', fieldManager: 'curl' } },
    });
    expect(stage(trace, 'schemaValidation')?.outcome).toBe('passed');
    expect((trace.response.body as KubeObject).metadata?.labels).toEqual({ tier: 'fe' });
  });

  it('a JSON patch that does not apply is a 422 with the generic message', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, pod('a'));
    const trace = http(
      cluster,
      'PATCH',
      `${PODS}/a`,
      [{ op: 'remove', path: '/metadata/labels/none' }],
      'application/json-patch+json',
    );
    expect(trace.response).toEqual({
      status: 422,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server rejected our request due to an error in our request',
        reason: 'Invalid',
        details: {},
        code: 422,
      },
    });
    expect(trace.kubectlOutput).toBe(
      'The request is invalid: the server rejected our request due to an error in our request',
    );
  });

  it('patching a missing object is NotFound 404', () => {
    expect(
      http(world(), 'PATCH', `${PODS}/none`, {}, 'application/merge-patch+json').response.body,
    ).toMatchObject({
      message: 'pods "none" not found',
      code: 404,
    });
  });

  it('a patch that renames the object is refused (checkName)', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, pod('a'));
    expect(
      http(cluster, 'PATCH', `${PODS}/a`, { metadata: { name: 'b' } }, 'application/merge-patch+json')
        .response.body,
    ).toMatchObject({
      message: 'the name of the object (b) does not match the name on the URL (a)',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it('a patch whose result is invalid fails validation with 422 and stores nothing', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, pod('a'));
    const before = cluster.storage.revision;
    const trace = http(
      cluster,
      'PATCH',
      `${PODS}/a`,
      { metadata: { labels: { 'bad key!': 'x' } } },
      'application/strategic-merge-patch+json',
    );
    expect(trace.response.status).toBe(422);
    expect(stage(trace, 'schemaValidation')?.outcome).toBe('failed');
    expect(cluster.storage.revision).toBe(before);
  });

  it('an unsupported patch media type is 415 listing the four patch types', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, pod('a'));
    expect(http(cluster, 'PATCH', `${PODS}/a`, '{}', 'text/plain').response.body).toMatchObject({
      message:
        'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml',
      code: 415,
    });
  });

  it('server-side apply requires a fieldManager (ValidatePatchOptions)', () => {
    expect(
      http(world(), 'PATCH', `${PODS}/a`, 'apiVersion: v1\nkind: Pod\n', 'application/apply-patch+yaml')
        .response.body,
    ).toMatchObject({
      message:
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      reason: 'Invalid',
      code: 422,
    });
  });

  it('server-side apply of a missing object creates it (201) and admission sees a CREATE', () => {
    const cluster = world();
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n';
    const trace = http(cluster, 'PATCH', `${CM}/c?fieldManager=me`, yaml, 'application/apply-patch+yaml');
    expect(trace.response.status).toBe(201);
    expect(stage(trace, 'decoding')?.message.id).toBe('decoding.applyCreates');
    expect((trace.response.body as KubeObject).metadata?.managedFields).toMatchObject([
      { manager: 'me', operation: 'Apply' },
    ]);
  });
});

describe('delete and deletecollection', () => {
  it('deleting a pod answers the pod itself; deleting a ConfigMap answers a Success Status', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, pod('a'));
    http(cluster, 'POST', CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    expect((http(cluster, 'DELETE', `${PODS}/a`).response.body as KubeObject).kind).toBe('Pod');
    expect(http(cluster, 'DELETE', `${CM}/c`).response.body).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'c', kind: 'configmaps' },
      code: 200,
    });
  });

  it('a DELETE on the collection is deletecollection: it deletes what the selector matches and answers the list', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, pod('a', { tier: 'fe' }));
    http(cluster, 'POST', PODS, pod('b', { tier: 'fe' }));
    http(cluster, 'POST', PODS, pod('c'));
    const trace = http(cluster, 'DELETE', `${PODS}?labelSelector=tier%3Dfe`);
    expect(trace.requestInfo.verb).toBe('deletecollection');
    expect(
      (trace.response.body as { kind: string; items: KubeObject[] }).items.map((i) => i.metadata?.name),
    ).toEqual(['a', 'b']);
    expect(stage(trace, 'storage')?.details).toMatchObject({
      operation: 'deletecollection',
      keys: ['/registry/pods/default/a', '/registry/pods/default/b'],
    });
    expect(cluster.storage.keys().filter((k) => k.startsWith('/registry/pods/'))).toEqual([
      '/registry/pods/default/c',
    ]);
  });

  it('deleting a namespace sets deletionTimestamp and phase Terminating (200, the namespace)', () => {
    const cluster = world();
    http(cluster, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'dev' },
    });
    const trace = http(cluster, 'DELETE', '/api/v1/namespaces/dev');
    expect(trace.response.status).toBe(200);
    expect(trace.response.body).toMatchObject({
      metadata: { name: 'dev', deletionTimestamp: '2025-06-01T12:00:00Z' },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Terminating' },
    });
    expect(stage(trace, 'storage')?.message.id).toBe('storage.namespaceTerminating');
  });

  it("the namespace controller removes the namespace's contents, then the namespace", () => {
    const cluster = world();
    http(cluster, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'dev' },
    });
    http(cluster, 'POST', '/api/v1/namespaces/dev/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
    });
    http(cluster, 'DELETE', '/api/v1/namespaces/dev');
    expect(cluster.runNamespaceController()).toEqual([
      {
        namespace: 'dev',
        deletedKeys: ['/registry/configmaps/dev/c', '/registry/namespaces/dev'],
        revision: cluster.storage.revision,
      },
    ]);
    expect(cluster.storage.keys().some((k) => k.includes('/dev'))).toBe(false);
  });
});

describe('watch', () => {
  it('from a resourceVersion answers ADDED, MODIFIED and DELETED events with their revisions', () => {
    const cluster = world();
    const start = cluster.storage.revision;
    http(cluster, 'POST', CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    http(cluster, 'PATCH', `${CM}/c`, { data: { k: 'v' } }, 'application/merge-patch+json');
    http(cluster, 'DELETE', `${CM}/c`);
    const trace = http(cluster, 'GET', `${CM}?watch=true&resourceVersion=${start}`);
    const events = trace.response.body as WatchEvent[];
    expect(events.map((e) => [e.type, e.object.metadata?.resourceVersion])).toEqual([
      ['ADDED', String(start + 1)],
      ['MODIFIED', String(start + 2)],
      ['DELETED', String(start + 3)],
    ]);
    expect(stage(trace, 'storage')?.details).toMatchObject({ operation: 'watch', events: 3 });
  });

  it('the store notifies subscribers as requests commit, and stops after unsubscribe', () => {
    const cluster = world();
    const seen: string[] = [];
    const stop = cluster.storage.subscribe((e) => seen.push(`${e.type} ${e.key}`));
    http(cluster, 'POST', CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    stop();
    http(cluster, 'DELETE', `${CM}/c`);
    expect(seen).toEqual(['ADDED /registry/configmaps/default/c']);
  });
});

describe('subresources', () => {
  it('GET deployments/scale answers an autoscaling/v1 Scale', () => {
    const cluster = world();
    const created = http(cluster, 'POST', DEPLOYS, deployment).response.body as KubeObject;
    expect(http(cluster, 'GET', `${DEPLOYS}/web/scale`).response.body).toEqual({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: 'web',
        namespace: 'default',
        uid: created.metadata?.uid,
        resourceVersion: created.metadata?.resourceVersion,
        creationTimestamp: '2025-06-01T12:00:00Z',
      },
      spec: { replicas: 1 },
      status: { replicas: 0, selector: 'app=web' },
    });
  });

  it('a negative replica count on /scale is Invalid 422', () => {
    const cluster = world();
    http(cluster, 'POST', DEPLOYS, deployment);
    expect(
      http(
        cluster,
        'PATCH',
        `${DEPLOYS}/web/scale`,
        { spec: { replicas: -1 } },
        'application/merge-patch+json',
      ).response.body,
    ).toMatchObject({
      message:
        'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      code: 422,
    });
  });

  it('pods/log asks for a container name when the pod has several', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, {
      ...pod('two'),
      spec: {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'y' },
        ],
      },
    });
    expect(http(cluster, 'GET', `${PODS}/two/log`).response.body).toMatchObject({
      message: 'a container name must be specified for pod two, choose one of: [a b]',
      code: 400,
    });
    expect(http(cluster, 'GET', `${PODS}/two/log?container=z`).response.body).toMatchObject({
      message: 'container z is not valid for pod two',
    });
  });

  it('pods/exec on a scheduled pod stops honestly with 501: the simulator opens no streams', () => {
    const cluster = world();
    http(cluster, 'POST', PODS, {
      ...pod('a'),
      spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'x' }] },
    });
    const trace = http(cluster, 'POST', `${PODS}/a/exec?command=ls&stdout=true`);
    expect(trace.response.status).toBe(501);
    expect(stage(trace, 'storage')?.message.id).toBe('storage.streamingNotSimulated');
  });

  it('PUT /status changes only the status', () => {
    const cluster = world();
    const created = http(cluster, 'POST', PODS, pod('a')).response.body as KubeObject;
    const trace = http(cluster, 'PUT', `${PODS}/a/status`, {
      ...created,
      metadata: { ...created.metadata, labels: { x: 'y' } },
      status: { phase: 'Running' },
    });
    expect(trace.response.body).toMatchObject({ metadata: { labels: {} }, status: { phase: 'Running' } });
  });
});
