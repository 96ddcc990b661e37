// Read-only commands: get (pkg/cmd/get/get.go), describe (pkg/cmd/describe, pkg/describe/describe.go),
// logs (pkg/cmd/logs), exec (pkg/cmd/exec/exec.go), auth (pkg/cmd/auth), api-resources/api-versions
// (pkg/cmd/apiresources) — paths under staging/src/k8s.io/kubectl/.
import { describe, expect, it } from 'vitest';
import { KUBECTL_USER_AGENT } from '../../../../src/engine/kubectl';
import { resolveRequestInfo } from '../../../../src/engine/request-info';
import { errorOf, lines, send, sendOne, TABLE_ACCEPT } from './helpers';

describe('kubectl get', () => {
  it('lists a collection with limit=500 and asks for a server-side Table', () => {
    const request = sendOne('kubectl get pods');
    expect(request).toEqual({
      method: 'GET',
      path: '/api/v1/namespaces/default/pods?limit=500',
      headers: {
        Accept: TABLE_ACCEPT,
        'Kubectl-Command': 'kubectl get',
        'User-Agent': KUBECTL_USER_AGENT,
      },
    });
  });

  it('GETs one named object without query parameters', () => {
    expect(lines('get po nginx -n dev')).toEqual(['GET /api/v1/namespaces/dev/pods/nginx']);
  });

  it('resolves short names and TYPE/NAME arguments', () => {
    expect(lines('get deploy/web svc/web cm/cfg')).toEqual([
      'GET /apis/apps/v1/namespaces/default/deployments/web',
      'GET /api/v1/namespaces/default/services/web',
      'GET /api/v1/namespaces/default/configmaps/cfg',
    ]);
  });

  it('lists every type of a comma-separated list', () => {
    expect(lines('get po,rs,netpol')).toEqual([
      'GET /api/v1/namespaces/default/pods?limit=500',
      'GET /apis/apps/v1/namespaces/default/replicasets?limit=500',
      'GET /apis/networking.k8s.io/v1/namespaces/default/networkpolicies?limit=500',
    ]);
  });

  it('lists across namespaces with -A', () => {
    expect(lines('get pods -A')).toEqual(['GET /api/v1/pods?limit=500']);
  });

  it('ignores the namespace for cluster-scoped resources', () => {
    expect(lines('get ns -n dev')).toEqual(['GET /api/v1/namespaces?limit=500']);
    expect(lines('get no node-1')).toEqual(['GET /api/v1/nodes/node-1']);
  });

  it('sends -l and --field-selector as labelSelector and fieldSelector, keys sorted', () => {
    expect(lines("get pods -l 'app in (web,api)' --field-selector status.phase=Running")).toEqual([
      'GET /api/v1/namespaces/default/pods?fieldSelector=status.phase%3DRunning&labelSelector=app+in+%28web%2Capi%29&limit=500',
    ]);
  });

  it.each([
    ['yaml', 'application/json'],
    ['json', 'application/json'],
    ['name', 'application/json'],
    ['wide', TABLE_ACCEPT],
  ])('-o %s sends Accept %s', (output, accept) => {
    expect(sendOne(`get pods -o ${output}`).headers.Accept).toBe(accept);
  });

  it('--sort-by asks the Table rows to include the object', () => {
    expect(lines('get pods --sort-by=.metadata.name')).toEqual([
      'GET /api/v1/namespaces/default/pods?includeObject=Object&limit=500',
    ]);
  });

  it('--chunk-size=0 drops the limit', () => {
    expect(lines('get pods --chunk-size=0')).toEqual(['GET /api/v1/namespaces/default/pods']);
  });

  it('-w lists, then watches the collection (resourceVersion comes from the list response)', () => {
    expect(lines('get pods -w -l app=web')).toEqual([
      'GET /api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=500',
      'GET /api/v1/namespaces/default/pods?labelSelector=app%3Dweb&watch=true',
    ]);
  });

  it('-w on a named object GETs it, then watches the collection pinned to its name', () => {
    const [get, watch] = send('get pod nginx -w');
    expect(get?.path).toBe('/api/v1/namespaces/default/pods/nginx');
    expect(watch?.path).toBe(
      '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dnginx&watch=true',
    );
    // requestinfo.go turns that selector back into the name, so RBAC resourceNames can apply.
    const info = resolveRequestInfo(watch as NonNullable<typeof watch>);
    expect([info.verb, info.name]).toEqual(['watch', 'nginx']);
  });

  it('--raw GETs the path as given', () => {
    expect(sendOne('get --raw /healthz')).toMatchObject({ method: 'GET', path: '/healthz' });
  });

  it('-f GETs each object of the file', () => {
    const files = { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n' };
    expect(lines('get -f pod.yaml -n dev', { files })).toEqual(['GET /api/v1/namespaces/dev/pods/web']);
  });

  it('requires a resource type', () => {
    expect(errorOf('get')).toBe('error: Required resource not specified.');
  });
});

describe('kubectl describe', () => {
  it('GETs the object twice (builder, then the typed describer) and lists its events', () => {
    const requests = send('describe pod nginx -n dev');
    expect(requests.map((r) => `${r.method} ${r.path} ${r.headers.Accept}`)).toEqual([
      'GET /api/v1/namespaces/dev/pods/nginx application/json',
      'GET /api/v1/namespaces/dev/pods/nginx application/json, */*',
      'GET /api/v1/namespaces/dev/events?fieldSelector=involvedObject.name%3Dnginx%2CinvolvedObject.namespace%3Ddev&limit=500 application/json, */*',
    ]);
  });

  it('includes the kind in the events selector for other types', () => {
    expect(lines('describe deploy web').at(-1)).toBe(
      'GET /api/v1/namespaces/default/events?fieldSelector=involvedObject.kind%3DDeployment%2CinvolvedObject.name%3Dweb%2CinvolvedObject.namespace%3Ddefault&limit=500',
    );
  });

  it('skips the events with --show-events=false', () => {
    expect(send('describe pod nginx --show-events=false')).toHaveLength(2);
  });
});

describe('kubectl logs', () => {
  it('GETs the pod, then its log subresource', () => {
    expect(lines('logs nginx -c app --tail=20 -f --timestamps')).toEqual([
      'GET /api/v1/namespaces/default/pods/nginx',
      'GET /api/v1/namespaces/default/pods/nginx/log?container=app&follow=true&tailLines=20&timestamps=true',
    ]);
  });

  it('turns --since into sinceSeconds', () => {
    expect(lines('logs pod/nginx --since=1h5s').at(-1)).toBe(
      'GET /api/v1/namespaces/default/pods/nginx/log?sinceSeconds=3605',
    );
  });
});

describe('kubectl exec', () => {
  it('GETs the pod, then opens exec with a WebSocket upgrade (a GET) by default', () => {
    const [pod, exec] = send('exec -it nginx -c app -- sh -c "echo hi"');
    expect(`${pod?.method} ${pod?.path}`).toBe('GET /api/v1/namespaces/default/pods/nginx');
    expect(exec).toMatchObject({
      method: 'GET',
      path: '/api/v1/namespaces/default/pods/nginx/exec?command=sh&command=-c&command=echo+hi&container=app&stdin=true&stdout=true&tty=true',
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13' },
    });
    const info = resolveRequestInfo(exec as NonNullable<typeof exec>);
    expect([info.verb, info.resource, info.subresource]).toEqual(['get', 'pods', 'exec']);
  });

  it('uses a SPDY POST when KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false', () => {
    const exec = send('KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false kubectl exec nginx -- ls /')[1];
    expect(exec).toMatchObject({
      method: 'POST',
      path: '/api/v1/namespaces/default/pods/nginx/exec?command=ls&command=%2F&stderr=true&stdout=true',
      headers: { Upgrade: 'SPDY/3.1' },
    });
    expect(resolveRequestInfo(exec as NonNullable<typeof exec>).verb).toBe('create');
  });
});

describe('kubectl auth can-i', () => {
  it('POSTs a SelfSubjectAccessReview with the resolved group and resource', () => {
    const request = sendOne('auth can-i create deploy -n dev');
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
    expect(request.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(request.body ?? '')).toEqual({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: {
        resourceAttributes: { namespace: 'dev', verb: 'create', group: 'apps', resource: 'deployments' },
      },
      status: { allowed: false },
    });
  });

  it('sends a name, a subresource, and no namespace with -A', () => {
    const body = JSON.parse(sendOne('auth can-i get pods/nginx --subresource=log -A').body ?? '');
    expect(body.spec.resourceAttributes).toEqual({
      verb: 'get',
      resource: 'pods',
      subresource: 'log',
      name: 'nginx',
    });
  });

  it('checks a non-resource URL', () => {
    const body = JSON.parse(sendOne('auth can-i get /healthz').body ?? '');
    expect(body.spec).toEqual({ nonResourceAttributes: { path: '/healthz', verb: 'get' } });
  });
});

describe('kubectl auth whoami', () => {
  it('POSTs an empty SelfSubjectReview', () => {
    const request = sendOne('auth whoami');
    expect(request.path).toBe('/apis/authentication.k8s.io/v1/selfsubjectreviews');
    expect(request.body).toBe(
      '{"kind":"SelfSubjectReview","apiVersion":"authentication.k8s.io/v1","metadata":{"creationTimestamp":null},"status":{"userInfo":{}}}',
    );
  });
});

describe('kubectl api-resources and api-versions', () => {
  it.each(['api-resources', 'api-versions'])(
    '%s re-reads aggregated discovery: GET /api, then /apis',
    (command) => {
      const requests = send(command);
      expect(requests.map((r) => r.path)).toEqual(['/api?timeout=32s', '/apis?timeout=32s']);
      expect(requests[0]?.headers.Accept).toContain('as=APIGroupDiscoveryList');
      expect(resolveRequestInfo(requests[0] as NonNullable<(typeof requests)[0]>).isResourceRequest).toBe(
        false,
      );
    },
  );
});

describe('impersonation', () => {
  it('--as and --as-group become Impersonate-User and Impersonate-Group (groups joined with ", ")', () => {
    const request = sendOne('get pods --as alice --as-group devs --as-group system:authenticated');
    expect(request.headers['Impersonate-User']).toBe('alice');
    expect(request.headers['Impersonate-Group']).toBe('devs, system:authenticated');
  });

  it('--as-uid becomes Impersonate-Uid', () => {
    expect(sendOne('get pods --as bob --as-uid 42').headers['Impersonate-Uid']).toBe('42');
  });
});

describe('kubectl describe -f', () => {
  it('describes each object of the file', () => {
    const files = { 'sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: bot\n' };
    expect(lines('describe -f sa.yaml -n dev', { files })).toEqual([
      'GET /api/v1/namespaces/dev/serviceaccounts/bot',
      'GET /api/v1/namespaces/dev/serviceaccounts/bot',
      'GET /api/v1/namespaces/dev/events?fieldSelector=involvedObject.kind%3DServiceAccount%2CinvolvedObject.name%3Dbot%2CinvolvedObject.namespace%3Ddev&limit=500',
    ]);
  });
});
