import { describe, expect, it } from 'vitest';
import {
  alignColumns,
  humanDuration,
  renderKubectlOutput,
} from '../../../../src/engine/responses/kubectl-output';
import {
  alreadyExists,
  forbidden,
  invalid,
  notFound,
  unauthorized,
} from '../../../../src/engine/responses/status';
import type { HttpMethod, HttpRequest, KubeObject, RequestInfo } from '../../../../src/engine/types';

const NOW = new Date('2025-06-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function makeRequest(method: HttpMethod, path: string): HttpRequest {
  return { method, path, headers: {} };
}

function makeInfo(verb: string, overrides: Partial<RequestInfo> = {}): RequestInfo {
  return {
    isResourceRequest: true,
    path: '/api/v1/namespaces/default/pods/nginx',
    verb,
    apiPrefix: 'api',
    apiGroup: '',
    apiVersion: 'v1',
    namespace: 'default',
    resource: 'pods',
    subresource: '',
    name: 'nginx',
    parts: [],
    ...overrides,
  };
}

function makePod(name: string, extra: Partial<KubeObject> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: minutesAgo(5) },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
    status: { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 0 }] },
    ...extra,
  };
}

const render = (method: HttpMethod, info: RequestInfo, status: number, body: unknown, path = info.path) =>
  renderKubectlOutput(makeRequest(method, path), info, { status, body }, NOW);

// staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr / StandardErrorMessage
describe('kubectl errors', () => {
  it('prints a Forbidden Status as "Error from server (Forbidden): <message>"', () => {
    const status = forbidden(
      '',
      'pods',
      'nginx',
      'User "alice" cannot delete resource "pods" in API group "" in the namespace "default"',
    );
    expect(render('DELETE', makeInfo('delete'), 403, status)).toBe(
      'Error from server (Forbidden): pods "nginx" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('prints NotFound and AlreadyExists the same way', () => {
    expect(render('GET', makeInfo('get'), 404, notFound('', 'pods', 'nginx'))).toBe(
      'Error from server (NotFound): pods "nginx" not found',
    );
    expect(render('POST', makeInfo('create', { name: '' }), 409, alreadyExists('', 'pods', 'nginx'))).toBe(
      'Error from server (AlreadyExists): pods "nginx" already exists',
    );
  });

  it('asks the user to log in on 401', () => {
    expect(render('GET', makeInfo('get'), 401, unauthorized())).toBe(
      'error: You must be logged in to the server (Unauthorized)',
    );
  });

  it('prints a single Invalid cause on the header line', () => {
    const status = invalid('', 'Pod', 'x', [
      { type: 'FieldValueRequired', field: 'spec.containers[0].image', body: 'Required value' },
    ]);
    expect(render('POST', makeInfo('create', { name: '' }), 422, status)).toBe(
      'The Pod "x" is invalid: spec.containers[0].image: Required value',
    );
  });

  it('prints several Invalid causes as a list under the header (MultilineError)', () => {
    const status = invalid('', 'Pod', 'x', [
      { type: 'FieldValueRequired', field: 'spec.containers[0].image', body: 'Required value' },
      { type: 'FieldValueRequired', field: 'spec.containers[0].name', body: 'Required value' },
      { type: 'FieldValueRequired', field: 'spec.containers[0].name', body: 'Required value' },
    ]);
    expect(render('POST', makeInfo('create', { name: '' }), 422, status)).toBe(
      'The Pod "x" is invalid: \n* spec.containers[0].image: Required value\n* spec.containers[0].name: Required value',
    );
  });
});

// kubectl's name printer and delete.go PrintObj
describe('kubectl success lines', () => {
  it('prints "pod/nginx created" for a create', () => {
    expect(render('POST', makeInfo('create', { name: '' }), 201, makePod('nginx'))).toBe('pod/nginx created');
  });

  it('qualifies non-core kinds with their group', () => {
    const info = makeInfo('create', {
      apiGroup: 'apps',
      apiPrefix: 'apis',
      resource: 'deployments',
      name: '',
    });
    const body = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } };
    expect(render('POST', info, 201, body)).toBe('deployment.apps/web created');
  });

  it('prints replaced, patched and deleted', () => {
    expect(render('PUT', makeInfo('update'), 200, makePod('nginx'))).toBe('pod/nginx replaced');
    expect(render('PATCH', makeInfo('patch'), 200, makePod('nginx'))).toBe('pod/nginx patched');
    expect(render('DELETE', makeInfo('delete'), 200, makePod('nginx'))).toBe('pod "nginx" deleted');
  });

  it('says "scaled" for a PATCH of the scale subresource', () => {
    const info = makeInfo('patch', {
      apiGroup: 'apps',
      resource: 'deployments',
      subresource: 'scale',
      name: 'web',
    });
    expect(render('PATCH', info, 200, { kind: 'Scale', metadata: { name: 'web' } })).toBe(
      'deployment.apps/web scaled',
    );
  });

  it('marks a server-side dry run', () => {
    const info = makeInfo('create', { name: '' });
    expect(render('POST', info, 201, makePod('nginx'), '/api/v1/namespaces/default/pods?dryRun=All')).toBe(
      'pod/nginx created (server dry run)',
    );
  });

  it('uses the name the server generated', () => {
    const body = makePod('web-x7k2p');
    expect(render('POST', makeInfo('create', { name: '' }), 201, body)).toBe('pod/web-x7k2p created');
  });
});

describe('kubectl get tables', () => {
  it('prints one pod with READY, STATUS, RESTARTS and AGE', () => {
    expect(render('GET', makeInfo('get'), 200, makePod('nginx'))).toBe(
      ['NAME    READY   STATUS    RESTARTS   AGE', 'nginx   1/1     Running   0          5m'].join('\n'),
    );
  });

  it("prints a list, aligning columns like kubectl's tabwriter", () => {
    const items = [
      makePod('nginx'),
      makePod('a-much-longer-name', {
        metadata: { name: 'a-much-longer-name', creationTimestamp: minutesAgo(200) },
      }),
    ];
    expect(render('GET', makeInfo('list', { name: '' }), 200, { kind: 'PodList', items })).toBe(
      [
        'NAME                 READY   STATUS    RESTARTS   AGE',
        'nginx                1/1     Running   0          5m',
        'a-much-longer-name   1/1     Running   0          3h20m',
      ].join('\n'),
    );
  });

  it('adds a NAMESPACE column when listing across namespaces', () => {
    const out = render('GET', makeInfo('list', { name: '', namespace: '' }), 200, {
      items: [makePod('nginx')],
    });
    expect(out.split('\n')[0]).toBe('NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE');
  });

  it('prints NAME and AGE for kinds without their own columns', () => {
    const info = makeInfo('get', { resource: 'limitranges', name: 'limits' });
    const body = {
      kind: 'LimitRange',
      metadata: { name: 'limits', creationTimestamp: minutesAgo(60 * 24 * 3) },
    };
    expect(render('GET', info, 200, body)).toBe('NAME     AGE\nlimits   3d');
  });

  it('says where it looked when a namespaced list is empty', () => {
    expect(render('GET', makeInfo('list', { name: '' }), 200, { kind: 'PodList', items: [] })).toBe(
      'No resources found in default namespace.',
    );
    expect(render('GET', makeInfo('list', { name: '', namespace: '' }), 200, { items: [] })).toBe(
      'No resources found',
    );
  });

  it('prints a subresource read (pods/log) as it came', () => {
    expect(render('GET', makeInfo('get', { subresource: 'log' }), 200, 'hello\nworld')).toBe('hello\nworld');
  });
});

// staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go
describe('Ages', () => {
  it('follows HumanDuration', () => {
    const s = 1000;
    expect(humanDuration(-5 * s)).toBe('<invalid>');
    expect(humanDuration(-1 * s)).toBe('0s');
    expect(humanDuration(119 * s)).toBe('119s');
    expect(humanDuration(150 * s)).toBe('2m30s');
    expect(humanDuration(45 * 60 * s)).toBe('45m');
    expect(humanDuration(5.5 * 3600 * s)).toBe('5h30m');
    expect(humanDuration(30 * 3600 * s)).toBe('30h');
    expect(humanDuration(3 * 86400 * s)).toBe('3d');
    expect(humanDuration(100 * 86400 * s)).toBe('100d');
    expect(humanDuration(800 * 86400 * s)).toBe('2y70d');
  });

  it('aligns cells with minwidth 6 and padding 3', () => {
    expect(
      alignColumns([
        ['A', 'B'],
        ['xy', 'z'],
      ]),
    ).toBe('A     B\nxy    z');
  });
});
