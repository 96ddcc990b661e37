// runKubectl: commands whose later requests depend on earlier responses, modelled on
// staging/src/k8s.io/kubectl/pkg/cmd/{apply,edit,replace,delete,get,scale,label,logs,exec}/ and
// cli-runtime's resource.Helper.
import { describe, expect, it } from 'vitest';
import { LAST_APPLIED_ANNOTATION, runKubectl, type Trace } from '../../../../src/engine';
import { DEPLOYMENT, kubectl, world } from './session-helpers';

const files = {
  'web.yaml': DEPLOYMENT,
  'web-v2.yaml': DEPLOYMENT.replace('nginx:1.27', 'nginx:1.28'),
  'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n',
};

function body(trace: Trace | undefined): Record<string, unknown> {
  return JSON.parse(trace?.request.body ?? '{}') as Record<string, unknown>;
}

describe('kubectl apply (client-side, apply.go applyOneObject)', () => {
  it('GETs the object, and on 404 POSTs it with the last-applied annotation and fieldManager kubectl-client-side-apply', () => {
    const run = kubectl(world(), 'apply -f web.yaml', { files });
    expect(run.requests).toEqual([
      'GET /apis/apps/v1/namespaces/default/deployments/web',
      'POST /apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
    ]);
    expect(run.statuses).toEqual([404, 201]);
    expect(run.output).toBe('deployment.apps/web created');
  });

  it('writes the configuration itself, with "annotations":{} and a trailing newline, into the annotation (util.GetModifiedConfiguration)', () => {
    const run = kubectl(world(), 'apply -f web.yaml', { files });
    const sent = body(run.traces[1]) as { metadata: { annotations: Record<string, string> } };
    const annotation = sent.metadata.annotations[LAST_APPLIED_ANNOTATION] ?? '';
    expect(annotation.endsWith('}\n')).toBe(true);
    expect(
      annotation.startsWith(
        '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"}',
      ),
    ).toBe(true);
  });

  it('prints "unchanged" and sends nothing after the GET when the three-way patch is {}', () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const run = kubectl(cluster, 'apply -f web.yaml', { files });
    expect(run.requests).toEqual(['GET /apis/apps/v1/namespaces/default/deployments/web']);
    expect(run.output).toBe('deployment.apps/web unchanged');
  });

  it('sends a strategic-merge PATCH with $setElementOrder for a changed container image, and prints "configured"', () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const run = kubectl(cluster, 'apply -f web-v2.yaml', { files });
    const patch = run.traces[1];
    expect(run.requests[1]).toBe(
      'PATCH /apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
    );
    expect(patch?.request.headers['Content-Type']).toBe('application/strategic-merge-patch+json');
    expect(body(patch).spec).toEqual({
      template: {
        spec: {
          '$setElementOrder/containers': [{ name: 'nginx' }],
          containers: [{ image: 'nginx:1.28', name: 'nginx' }],
        },
      },
    });
    expect(run.output).toBe('deployment.apps/web configured');
    expect(cluster.storage.get('/registry/deployments/default/web')?.metadata?.generation).toBe(2);
  });

  it('warns about a missing last-applied annotation on an object made by kubectl create, then patches it', () => {
    const cluster = world();
    kubectl(cluster, 'create -f web.yaml', { files });
    const run = kubectl(cluster, 'apply -f web.yaml', { files });
    expect(run.output.split('\n')[0]).toBe(
      'Warning: resource deployments.apps/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
    );
    expect(run.requests.map((r) => r.split(' ')[0])).toEqual(['GET', 'PATCH']);
  });

  it('with --dry-run=server sends dryRun=All and stores nothing', () => {
    const cluster = world();
    const before = cluster.storage.revision;
    const run = kubectl(cluster, 'apply -f web.yaml --dry-run=server', { files });
    expect(run.requests[1]).toContain('dryRun=All');
    expect(run.output).toBe('deployment.apps/web created (server dry run)');
    expect(cluster.storage.revision).toBe(before);
  });

  it('with --dry-run=client GETs only and says what it would do', () => {
    const run = kubectl(world(), 'apply -f web.yaml --dry-run=client', { files });
    expect(run.requests).toEqual(['GET /apis/apps/v1/namespaces/default/deployments/web']);
    expect(run.output).toBe('deployment.apps/web created (dry run)');
  });
});

describe('kubectl apply --server-side', () => {
  it('sends one apply PATCH and prints "serverside-applied"; the object gets a managedFields Apply entry for "kubectl"', () => {
    const cluster = world();
    const run = kubectl(cluster, 'apply -f web.yaml --server-side', { files });
    expect(run.requests).toEqual([
      'PATCH /apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl&fieldValidation=Strict&force=false',
    ]);
    expect(run.statuses).toEqual([201]);
    expect(run.output).toBe('deployment.apps/web serverside-applied');
    const managed = cluster.storage.get('/registry/deployments/default/web')?.metadata?.managedFields as {
      manager: string;
      operation: string;
    }[];
    expect(managed.map((m) => [m.manager, m.operation])).toEqual([['kubectl', 'Apply']]);
  });

  it("refuses to take a field another manager owns (409) with kubectl's conflict help, unless --force-conflicts", () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml --server-side', { files });
    kubectl(cluster, 'scale deploy web --replicas=5');
    const run = kubectl(cluster, 'apply -f web.yaml --server-side', { files });
    expect(run.statuses).toEqual([409]);
    expect(run.output.split('\n').slice(0, 2)).toEqual([
      'error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
      'Please review the fields above--they currently have other managers. Here',
    ]);
    expect(run.exitCode).toBe(1);
    const forced = kubectl(cluster, 'apply -f web.yaml --server-side --force-conflicts', { files });
    expect(forced.statuses).toEqual([200]);
    expect(
      (cluster.storage.get('/registry/deployments/default/web')?.spec as { replicas?: number } | undefined)
        ?.replicas,
    ).toBe(2);
  });
});

describe('kubectl edit (editoptions.go visitToPatch)', () => {
  it('GETs, then sends the two-way strategic-merge patch of the edit with fieldManager kubectl-edit', () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const run = kubectl(cluster, 'edit deploy/web', {
      edit: (o) => ({ ...o, spec: { ...(o.spec as object), replicas: 4 } }),
    });
    expect(run.requests).toEqual([
      'GET /apis/apps/v1/namespaces/default/deployments/web',
      'PATCH /apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl-edit&fieldValidation=Strict',
    ]);
    expect(run.traces[1]?.request.body).toBe('{"spec":{"replicas":4}}');
    expect(run.output).toBe('deployment.apps/web edited');
  });

  it('reads the edited object from the <edit> file and cancels when nothing changed', () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const run = kubectl(cluster, 'edit deploy web', { edit: (o) => o });
    expect(run.output).toBe('Edit cancelled, no changes made.');
    expect(run.requests).toHaveLength(1);
  });

  it('refuses an edit that renames the object', () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const run = kubectl(cluster, 'edit deploy web', {
      edit: (o) => ({ ...o, metadata: { ...o.metadata, name: 'other' } }),
    });
    expect(run.output).toBe('error: At least one of apiVersion, kind and name was changed');
  });

  it("prints edit's own message when the server finds the edit invalid (addError)", () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const run = kubectl(cluster, 'edit deploy web', {
      edit: (o) => ({ ...o, metadata: { ...o.metadata, labels: { app: 'not valid!' } } }),
    });
    expect(run.statuses).toEqual([200, 422]);
    expect(run.output).toBe('error: deployments.apps "web" is invalid');
  });
});

describe('kubectl replace (resource.Helper.Replace)', () => {
  it('GETs the live resourceVersion, then PUTs the file with it', () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const rv = cluster.storage.get('/registry/deployments/default/web')?.metadata?.resourceVersion;
    const run = kubectl(cluster, 'replace -f web-v2.yaml', { files });
    expect(run.requests).toEqual([
      'GET /apis/apps/v1/namespaces/default/deployments/web',
      'PUT /apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl-replace&fieldValidation=Strict',
    ]);
    expect((body(run.traces[1]).metadata as { resourceVersion: string }).resourceVersion).toBe(rv);
    expect(run.output).toBe('deployment.apps/web replaced');
  });

  it('a stale resourceVersion in the file gets the exact Conflict', () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const stale = {
      'stale.yaml': DEPLOYMENT.replace('  name: web\n', '  name: web\n  resourceVersion: "1"\n'),
    };
    const run = kubectl(cluster, 'replace -f stale.yaml', { files: stale });
    expect(run.requests.map((r) => r.split(' ')[0])).toEqual(['PUT']);
    expect(run.output).toBe(
      'Error from server (Conflict): error when replacing "stale.yaml": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });
});

describe('kubectl delete', () => {
  it('with --all lists, then sends one DELETE per item (no deletecollection)', () => {
    const cluster = world();
    kubectl(cluster, 'run a --image=nginx');
    kubectl(cluster, 'run b --image=nginx');
    const run = kubectl(cluster, 'delete pods --all');
    expect(run.requests).toEqual([
      'GET /api/v1/namespaces/default/pods',
      'DELETE /api/v1/namespaces/default/pods/a',
      'DELETE /api/v1/namespaces/default/pods/b',
    ]);
    expect(run.output).toBe('pod "a" deleted\npod "b" deleted');
  });

  it('with -l deletes only what the label selector lists', () => {
    const cluster = world();
    kubectl(cluster, 'run a --image=nginx --labels=tier=fe');
    kubectl(cluster, 'run b --image=nginx');
    const run = kubectl(cluster, 'delete pods -l tier=fe');
    expect(run.requests).toEqual([
      'GET /api/v1/namespaces/default/pods?labelSelector=tier%3Dfe',
      'DELETE /api/v1/namespaces/default/pods/a',
    ]);
  });

  it('prints "No resources found" when the list is empty', () => {
    expect(kubectl(world(), 'delete pods --all').output).toBe('No resources found');
  });

  it('--dry-run=server sends dryRun in the DeleteOptions body and keeps the object', () => {
    const cluster = world();
    kubectl(cluster, 'run a --image=nginx');
    const run = kubectl(cluster, 'delete pod a --dry-run=server');
    expect(run.traces[0]?.request.body).toBe('{"propagationPolicy":"Background","dryRun":["All"]}');
    expect(run.output).toBe('pod "a" deleted (server dry run)');
    expect(cluster.storage.get('/registry/pods/default/a')).toBeDefined();
  });

  it('a namespace goes Terminating; a second delete is a 409 until the namespace controller runs', () => {
    const cluster = world();
    kubectl(cluster, 'create -f ns.yaml', { files });
    expect(kubectl(cluster, 'delete ns dev').output).toBe('namespace "dev" deleted');
    expect(kubectl(cluster, 'get ns dev').output).toContain('Terminating');
    expect(kubectl(cluster, 'delete ns dev').output).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on namespaces "dev": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
    );
    expect(cluster.runNamespaceController().map((c) => c.namespace)).toEqual(['dev']);
    expect(kubectl(cluster, 'get ns dev').output).toBe(
      'Error from server (NotFound): namespaces "dev" not found',
    );
  });
});

describe('kubectl get -w, scale, label, logs, exec', () => {
  it('get -w watches from the resourceVersion of the list it just printed', () => {
    const cluster = world();
    kubectl(cluster, 'run a --image=nginx');
    const run = kubectl(cluster, 'get pods -w');
    const rv = cluster.storage.revision;
    expect(run.requests).toEqual([
      'GET /api/v1/namespaces/default/pods?limit=500',
      `GET /api/v1/namespaces/default/pods?resourceVersion=${rv}&watch=true`,
    ]);
    expect(run.traces[1]?.response).toEqual({ status: 200, body: [] });
  });

  it('get <kind> <name> -w watches from resourceVersion "0", not the object\'s own, and hides the synthetic ADDED event (kubectl/pkg/cmd/get/get.go watch)', () => {
    const cluster = world();
    kubectl(cluster, 'run a --image=nginx');
    kubectl(cluster, 'label pod a tier=fe');
    const run = kubectl(cluster, 'get pod a -w');
    expect(run.requests).toEqual([
      'GET /api/v1/namespaces/default/pods/a',
      'GET /api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Da&resourceVersion=0&watch=true',
    ]);
    // The apiserver answers a watch from "0" with the current object as ADDED…
    expect(run.traces[1]?.response.body).toMatchObject([
      { type: 'ADDED', object: { metadata: { name: 'a' } } },
    ]);
    // …which kubectl does not print a second time: only the GET's table row is shown.
    expect(run.output.split('\n').filter((l) => /^a\s/.test(l))).toHaveLength(1);
  });

  it('get <kind> <name> -w on a missing object stops at the NotFound and sends no watch (kubectl/pkg/cmd/get/get.go watch)', () => {
    const run = kubectl(world(), 'get pod ghost -w');
    expect(run.requests).toEqual(['GET /api/v1/namespaces/default/pods/ghost']);
    expect(run.output).toBe('Error from server (NotFound): pods "ghost" not found');
  });

  it('patch GETs the object first and, when that GET 404s, reports it and sends no PATCH (kubectl/pkg/cmd/patch/patch.go, cli-runtime builder.go RetrieveLazy)', () => {
    const cluster = world();
    const missing = kubectl(cluster, `patch pod ghost --type=merge -p '{"metadata":{"labels":{"a":"b"}}}'`);
    expect(missing.requests).toEqual(['GET /api/v1/namespaces/default/pods/ghost']);
    expect(missing.output).toBe('Error from server (NotFound): pods "ghost" not found');
    kubectl(cluster, 'run a --image=nginx');
    const run = kubectl(cluster, `patch pod a --type=merge -p '{"metadata":{"labels":{"a":"b"}}}'`);
    expect(run.requests).toEqual([
      'GET /api/v1/namespaces/default/pods/a',
      'PATCH /api/v1/namespaces/default/pods/a?fieldManager=kubectl-patch',
    ]);
    expect(run.statuses).toEqual([200, 200]);
    expect(run.output).toBe('pod/a patched');
  });

  it('scale GETs the deployment, then merge-patches /scale and prints "scaled"', () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const run = kubectl(cluster, 'scale deployment web --replicas=3');
    expect(run.requests).toEqual([
      'GET /apis/apps/v1/namespaces/default/deployments/web',
      'PATCH /apis/apps/v1/namespaces/default/deployments/web/scale',
    ]);
    expect(run.traces[1]?.response.body).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 3 },
    });
    expect(run.output).toBe('deployment.apps/web scaled');
  });

  it("scale --current-replicas checks the Scale it GETs and stops with scale.go's precondition error", () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const run = kubectl(cluster, 'scale deploy web --replicas=3 --current-replicas=5');
    expect(run.requests.at(-1)).toBe('GET /apis/apps/v1/namespaces/default/deployments/web/scale');
    expect(run.output).toBe('error: Expected replicas to be 5, was 2');
  });

  it('label sends a merge patch of only the new key and refuses to overwrite without --overwrite', () => {
    const cluster = world();
    kubectl(cluster, 'apply -f web.yaml', { files });
    const run = kubectl(cluster, 'label deploy web tier=fe');
    expect(run.traces[1]?.request.body).toBe('{"metadata":{"labels":{"tier":"fe"}}}');
    expect(run.output).toBe('deployment.apps/web labeled');
    expect(kubectl(cluster, 'label deploy web tier=be').output).toBe(
      "error: 'tier' already has a value (fe), and --overwrite is false",
    );
  });

  it('logs GETs the pod, then its log with the only container filled in', () => {
    const cluster = world();
    kubectl(cluster, 'run a --image=nginx');
    const run = kubectl(cluster, 'logs a');
    expect(run.requests).toEqual([
      'GET /api/v1/namespaces/default/pods/a',
      'GET /api/v1/namespaces/default/pods/a/log?container=a',
    ]);
    expect(run.statuses).toEqual([200, 200]);
  });

  it('exec on an unscheduled pod gets the apiserver\'s 400 "does not have a host assigned"', () => {
    const cluster = world();
    kubectl(cluster, 'run a --image=nginx');
    const run = kubectl(cluster, 'exec a -- ls');
    expect(run.output).toBe('Error from server (BadRequest): pod a does not have a host assigned');
  });
});

describe('runKubectl output and errors', () => {
  it("prints kubectl's own error without sending anything for an unknown type", () => {
    const run = kubectl(world(), 'get widgets');
    expect(run).toMatchObject({
      traces: [],
      output: 'error: the server doesn\'t have a resource type "widgets"',
      exitCode: 1,
    });
  });

  it('prints -o json with keys sorted, four-space indent and no managedFields', () => {
    const cluster = world();
    kubectl(cluster, 'apply -f ns.yaml', { files });
    const out = kubectl(cluster, 'get ns dev -o json').output;
    expect(out.split('\n').slice(0, 3)).toEqual(['{', '    "apiVersion": "v1",', '    "kind": "Namespace",']);
    expect(out).not.toContain('managedFields');
  });

  it('auth can-i prints yes for system:masters', () => {
    expect(kubectl(world(), 'auth can-i delete nodes').output).toBe('yes');
  });

  it('api-versions lists every served group version, sorted', () => {
    const out = kubectl(world(), 'api-versions').output.split('\n');
    expect(out).toContain('coordination.k8s.io/v1');
    expect(out.at(-1)).toBe('v1');
  });

  it('works with any send function (runKubectl is independent of the cluster)', () => {
    const cluster = world();
    const run = runKubectl('get pods', (r) => cluster.send(r, 'admin'), { namespace: 'kube-system' });
    expect(run.output).toBe('No resources found in kube-system namespace.');
  });
});
