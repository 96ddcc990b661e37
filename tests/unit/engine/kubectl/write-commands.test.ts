// Commands that change objects, modelled on staging/src/k8s.io/kubectl/pkg/cmd/{create,run,delete,apply,
// replace,patch,label,annotate,scale}/ and cli-runtime's resource.Helper.
import { describe, expect, it } from 'vitest';
import { KUBECTL_USER_AGENT } from '../../../../src/engine/kubectl';
import { resolveRequestInfo } from '../../../../src/engine/request-info';
import { lines, send, sendOne } from './helpers';

const files = {
  'app.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: cfg',
    'data:',
    '  mode: fast',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  namespace: prod',
    'spec:',
    '  replicas: 2',
    '',
  ].join('\n'),
  'ns.json': '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}',
  'list.yaml':
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n    name: bot\n',
};

describe('kubectl create -f', () => {
  it('POSTs each document to its collection with fieldManager=kubectl-create and fieldValidation=Strict', () => {
    const requests = send('create -f app.yaml', { files });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Strict',
      'POST /apis/apps/v1/namespaces/prod/deployments?fieldManager=kubectl-create&fieldValidation=Strict',
    ]);
    expect(requests[0]?.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Kubectl-Command': 'kubectl create',
      'User-Agent': KUBECTL_USER_AGENT,
    });
  });

  it('sends the object as JSON with keys sorted and the namespace filled in (cli-runtime SetNamespace)', () => {
    expect(send('create -f app.yaml', { files })[0]?.body).toBe(
      '{"apiVersion":"v1","data":{"mode":"fast"},"kind":"ConfigMap","metadata":{"name":"cfg","namespace":"default"}}',
    );
  });

  it('leaves cluster-scoped objects without a namespace and reads JSON files too', () => {
    const request = sendOne('create -f ns.json -n dev', { files });
    expect(request.path).toBe('/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict');
    expect(request.body).toBe('{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}');
  });

  it('flattens a List into its items', () => {
    expect(lines('create -f list.yaml', { files })).toEqual([
      'POST /api/v1/namespaces/default/serviceaccounts?fieldManager=kubectl-create&fieldValidation=Strict',
    ]);
  });

  it('--dry-run=server adds dryRun=All; --dry-run=client sends nothing', () => {
    expect(lines('create -f ns.json --dry-run=server', { files })).toEqual([
      'POST /api/v1/namespaces?dryRun=All&fieldManager=kubectl-create&fieldValidation=Strict',
    ]);
    expect(send('create -f ns.json --dry-run=client', { files })).toEqual([]);
  });

  it('--validate=false sends fieldValidation=Ignore', () => {
    expect(lines('create -f ns.json --validate=false', { files })).toEqual([
      'POST /api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Ignore',
    ]);
  });

  it('reads YAML as YAML 1.1, like sigs.k8s.io/yaml: yes is a boolean', () => {
    const yes = {
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  enabled: yes\n',
    };
    expect(sendOne('create -f cm.yaml', { files: yes }).body).toContain('"data":{"enabled":true}');
  });
});

describe('kubectl create <generator>', () => {
  it('create namespace POSTs the Namespace struct with its empty spec and status', () => {
    const request = sendOne('create namespace dev');
    expect(request.path).toBe('/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict');
    expect(request.headers['Kubectl-Command']).toBe('kubectl create namespace');
    expect(request.body).toBe(
      '{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"dev","creationTimestamp":null},"spec":{},"status":{}}',
    );
  });

  it('create deployment builds labels app=<name> and names the container after the image (create_deployment.go)', () => {
    const request = sendOne(
      'create deployment web --image=registry.k8s.io/nginx:1.27 --replicas=3 --port=80 -n dev',
    );
    expect(request.path).toBe(
      '/apis/apps/v1/namespaces/dev/deployments?fieldManager=kubectl-create&fieldValidation=Strict',
    );
    expect(request.body).toBe(
      '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","namespace":"dev","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"registry.k8s.io/nginx:1.27","ports":[{"containerPort":80}],"resources":{}}]}},"strategy":{}},"status":{}}',
    );
  });

  it('create deployment passes the words after -- as the command', () => {
    const body = JSON.parse(sendOne('create deploy sleeper --image=busybox -- sleep 3600').body ?? '');
    expect(body.spec.template.spec.containers[0].command).toEqual(['sleep', '3600']);
    expect(body.metadata.namespace).toBeUndefined();
  });

  it('create serviceaccount sets the namespace in the body only when -n is given', () => {
    expect(sendOne('create sa bot').body).toBe(
      '{"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"bot","creationTimestamp":null}}',
    );
    expect(sendOne('create sa bot -n dev').body).toBe(
      '{"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"bot","namespace":"dev","creationTimestamp":null}}',
    );
  });

  it('create configmap sorts the data keys', () => {
    expect(sendOne('create cm cfg --from-literal=b=2 --from-literal=a=1').body).toBe(
      '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cfg","creationTimestamp":null},"data":{"a":"1","b":"2"}}',
    );
  });

  it('create secret generic base64-encodes the data', () => {
    const request = sendOne('create secret generic creds --from-literal=password=hunter2');
    expect(request.path).toBe(
      '/api/v1/namespaces/default/secrets?fieldManager=kubectl-create&fieldValidation=Strict',
    );
    expect(JSON.parse(request.body ?? '').data).toEqual({ password: 'aHVudGVyMg==' });
  });

  it('create role makes one rule per API group, short names resolved (create_role.go)', () => {
    const body = JSON.parse(
      sendOne('create role reader --verb=get,list --resource=po,deploy,pods/log').body ?? '',
    );
    expect(body.rules).toEqual([
      { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'pods/log'] },
      { verbs: ['get', 'list'], apiGroups: ['apps'], resources: ['deployments'] },
    ]);
  });

  it('create clusterrole accepts non-resource URLs', () => {
    const request = sendOne('create clusterrole health --verb=get --non-resource-url=/healthz');
    expect(request.path).toBe(
      '/apis/rbac.authorization.k8s.io/v1/clusterroles?fieldManager=kubectl-create&fieldValidation=Strict',
    );
    expect(JSON.parse(request.body ?? '').rules).toEqual([{ verbs: ['get'], nonResourceURLs: ['/healthz'] }]);
  });

  it('create rolebinding lists users, groups, then service accounts', () => {
    const body = JSON.parse(
      sendOne(
        'create rolebinding rb --clusterrole=view --serviceaccount=dev:bot --user=alice --group=devs -n dev',
      ).body ?? '',
    );
    expect(body.subjects).toEqual([
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' },
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'devs' },
      { kind: 'ServiceAccount', name: 'bot', namespace: 'dev' },
    ]);
    expect(body.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'view',
    });
  });

  it('create clusterrolebinding POSTs at the cluster scope', () => {
    expect(lines('create clusterrolebinding admins --clusterrole=cluster-admin --group=ops -n dev')).toEqual([
      'POST /apis/rbac.authorization.k8s.io/v1/clusterrolebindings?fieldManager=kubectl-create&fieldValidation=Strict',
    ]);
  });
});

describe('kubectl run', () => {
  it('POSTs a Pod labelled run=<name> with fieldManager=kubectl-run (run.go createPod)', () => {
    const request = sendOne('run nginx --image=nginx -n dev');
    expect(request.path).toBe('/api/v1/namespaces/dev/pods?fieldManager=kubectl-run');
    expect(request.headers['Content-Type']).toBe('application/json');
    expect(request.body).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"nginx","creationTimestamp":null,"labels":{"run":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}',
    );
  });

  it('passes arguments, env, port and restart policy', () => {
    const body = JSON.parse(
      sendOne('run job --image=busybox --restart=Never --env=A=1 --port=8080 -l team=a --command -- sleep 10')
        .body ?? '',
    );
    expect(body.metadata.labels).toEqual({ team: 'a' });
    expect(body.spec.restartPolicy).toBe('Never');
    expect(body.spec.containers[0]).toEqual({
      name: 'job',
      image: 'busybox',
      command: ['sleep', '10'],
      ports: [{ containerPort: 8080 }],
      env: [{ name: 'A', value: '1' }],
      resources: {},
    });
  });

  it('--dry-run=client sends nothing', () => {
    expect(send('run nginx --image=nginx --dry-run=client')).toEqual([]);
  });
});

describe('kubectl delete', () => {
  it('sends one DELETE with DeleteOptions (propagationPolicy Background, no kind/apiVersion on the wire)', () => {
    const request = sendOne('delete pod nginx');
    expect(request).toMatchObject({
      method: 'DELETE',
      path: '/api/v1/namespaces/default/pods/nginx',
      headers: { 'Content-Type': 'application/json' },
      body: '{"propagationPolicy":"Background"}',
    });
  });

  it('--grace-period=0 alone becomes 1; with --force it stays 0 (delete.go Complete)', () => {
    expect(sendOne('delete po nginx --grace-period=0').body).toBe(
      '{"gracePeriodSeconds":1,"propagationPolicy":"Background"}',
    );
    expect(sendOne('delete po nginx --grace-period=0 --force').body).toBe(
      '{"gracePeriodSeconds":0,"propagationPolicy":"Background"}',
    );
    expect(sendOne('delete po nginx --now').body).toBe(
      '{"gracePeriodSeconds":1,"propagationPolicy":"Background"}',
    );
  });

  it('--cascade picks the propagation policy', () => {
    expect(sendOne('delete deploy web --cascade=orphan').body).toBe('{"propagationPolicy":"Orphan"}');
    expect(sendOne('delete deploy web --cascade=foreground').body).toBe('{"propagationPolicy":"Foreground"}');
  });

  it('--dry-run=server puts dryRun in the body, not the query', () => {
    const request = sendOne('delete pod nginx --dry-run=server');
    expect(request.path).toBe('/api/v1/namespaces/default/pods/nginx');
    expect(request.body).toBe('{"propagationPolicy":"Background","dryRun":["All"]}');
  });

  it('deletes several names and TYPE/NAME pairs in order', () => {
    expect(lines('delete pod/a svc/b')).toEqual([
      'DELETE /api/v1/namespaces/default/pods/a',
      'DELETE /api/v1/namespaces/default/services/b',
    ]);
  });

  it('--all lists first (no deletecollection); the per-item DELETEs depend on the list', () => {
    const requests = send('delete pods --all -n dev');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/namespaces/dev/pods']);
    expect(resolveRequestInfo(requests[0] as NonNullable<(typeof requests)[0]>).verb).toBe('list');
  });

  it('-f deletes each object of the file', () => {
    expect(lines('delete -f app.yaml', { files })).toEqual([
      'DELETE /api/v1/namespaces/default/configmaps/cfg',
      'DELETE /apis/apps/v1/namespaces/prod/deployments/web',
    ]);
  });

  it('--dry-run=client sends nothing for named objects', () => {
    expect(send('delete pod nginx --dry-run=client')).toEqual([]);
  });
});

describe('kubectl apply', () => {
  it('client-side apply GETs each object; the POST or PATCH that follows depends on the answer', () => {
    expect(lines('apply -f app.yaml', { files })).toEqual([
      'GET /api/v1/namespaces/default/configmaps/cfg',
      'GET /apis/apps/v1/namespaces/prod/deployments/web',
    ]);
  });

  it('client-side apply still GETs with --dry-run=client (apply.go applyOneObject)', () => {
    expect(lines('apply -f ns.json --dry-run=client', { files })).toEqual(['GET /api/v1/namespaces/team-a']);
  });

  it('--server-side sends one apply PATCH with fieldManager=kubectl and force=false', () => {
    const request = send('apply -f app.yaml --server-side', { files })[1];
    expect(request).toMatchObject({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/prod/deployments/web?fieldManager=kubectl&fieldValidation=Strict&force=false',
      headers: { 'Content-Type': 'application/apply-patch+yaml' },
      body: '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"prod"},"spec":{"replicas":2}}',
    });
  });

  it('--force-conflicts and --field-manager change the query', () => {
    expect(lines('apply -f ns.json --server-side --force-conflicts --field-manager=ci', { files })).toEqual([
      'PATCH /api/v1/namespaces/team-a?fieldManager=ci&fieldValidation=Strict&force=true',
    ]);
  });
});

describe('kubectl replace', () => {
  it('GETs the object for its resourceVersion, then PUTs it with fieldManager=kubectl-replace', () => {
    const requests = send('replace -f ns.json', { files });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v1/namespaces/team-a',
      'PUT /api/v1/namespaces/team-a?fieldManager=kubectl-replace&fieldValidation=Strict',
    ]);
    expect(requests[1]?.body).toBe('{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}');
  });
});

describe('kubectl patch', () => {
  /** The PATCH of a one-object patch command, after the builder's GET (checked here). */
  function patchOf(commandLine: string) {
    const [get, patch, ...rest] = send(commandLine);
    expect(rest).toEqual([]);
    expect(get?.method).toBe('GET');
    expect(patch?.method).toBe('PATCH');
    return patch as NonNullable<typeof patch>;
  }

  it('GETs the object first (cli-runtime pkg/resource/builder.go RetrieveLazy, kubectl/pkg/cmd/patch/patch.go), then PATCHes it', () => {
    expect(lines(`patch deploy web -p '{"spec":{"replicas":3}}'`)).toEqual([
      'GET /apis/apps/v1/namespaces/default/deployments/web',
      'PATCH /apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl-patch',
    ]);
    expect(lines(`patch deploy web --dry-run=client -p '{"spec":{"replicas":3}}'`)).toEqual([
      'GET /apis/apps/v1/namespaces/default/deployments/web',
    ]);
    expect(
      lines(`patch --local -f web.yaml -p '{"spec":{"replicas":3}}'`, {
        files: { 'web.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n' },
      }),
    ).toEqual([]);
  });

  it('sends one strategic merge PATCH by default, the JSON as written', () => {
    const request = patchOf(`patch deploy web -p '{"spec": {"replicas": 3}}'`);
    expect(request).toMatchObject({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl-patch',
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      body: '{"spec": {"replicas": 3}}',
    });
  });

  it.each([
    ['merge', 'application/merge-patch+json'],
    ['json', 'application/json-patch+json'],
  ])('--type %s sends %s', (type, contentType) => {
    const patch =
      type === 'json'
        ? `'[{"op":"replace","path":"/spec/replicas","value":3}]'`
        : `'{"spec":{"replicas":3}}'`;
    expect(patchOf(`patch deploy/web --type ${type} -p ${patch}`).headers['Content-Type']).toBe(contentType);
  });

  it('converts a YAML patch to JSON', () => {
    expect(patchOf(`patch pod nginx --type=merge -p 'metadata: {labels: {tier: web}}'`).body).toBe(
      '{"metadata":{"labels":{"tier":"web"}}}',
    );
  });

  it('patches a subresource with --subresource, GETting that subresource first (builder.go Subresource)', () => {
    expect(lines(`patch deploy web --subresource=scale --type=merge -p '{"spec":{"replicas":2}}'`)).toEqual([
      'GET /apis/apps/v1/namespaces/default/deployments/web/scale',
      'PATCH /apis/apps/v1/namespaces/default/deployments/web/scale?fieldManager=kubectl-patch',
    ]);
  });
});

describe('kubectl label and annotate', () => {
  it('label GETs the object, then sends a merge patch of the changed labels', () => {
    const requests = send('label pod nginx env=prod tier-');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v1/namespaces/default/pods/nginx',
      'PATCH /api/v1/namespaces/default/pods/nginx?fieldManager=kubectl-label',
    ]);
    expect(requests[1]?.headers['Content-Type']).toBe('application/merge-patch+json');
    expect(requests[1]?.body).toBe('{"metadata":{"labels":{"env":"prod","tier":null}}}');
  });

  it('annotate does the same with fieldManager=kubectl-annotate', () => {
    const patch = send('annotate deploy web note="rolled out" --dry-run=server')[1];
    expect(patch?.path).toBe(
      '/apis/apps/v1/namespaces/default/deployments/web?dryRun=All&fieldManager=kubectl-annotate',
    );
    expect(patch?.body).toBe('{"metadata":{"annotations":{"note":"rolled out"}}}');
  });
});

describe('kubectl scale', () => {
  it('GETs the object, then merge-patches its scale subresource (pkg/scale ScaleSimple)', () => {
    const requests = send('scale deploy web --replicas=5 -n dev');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /apis/apps/v1/namespaces/dev/deployments/web',
      'PATCH /apis/apps/v1/namespaces/dev/deployments/web/scale',
    ]);
    expect(requests[1]?.headers['Content-Type']).toBe('application/merge-patch+json');
    expect(requests[1]?.body).toBe('{"spec":{"replicas":5}}');
    const info = resolveRequestInfo(requests[1] as NonNullable<(typeof requests)[1]>);
    expect([info.verb, info.resource, info.subresource]).toEqual(['patch', 'deployments', 'scale']);
  });
});
