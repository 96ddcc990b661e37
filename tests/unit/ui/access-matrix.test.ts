import { describe, expect, it } from 'vitest';
import { createCluster, kubectlToRequests } from '../../../src/engine';
import { STARTER } from '../../../src/scenarios/starter';
import { AccessMatrix } from '../../../src/ui/panels/access-matrix/AccessMatrix';
import {
  buildMatrixModel,
  commandForCell,
  REAL_REQUEST_VERBS,
} from '../../../src/ui/panels/access-matrix/matrix-model';
import { resolvePlayAs, sampleObjectName } from '../../../src/ui/panels/access-matrix/play-as';
import { count, render } from './render';

describe('The access matrix model', () => {
  const cluster = createCluster(STARTER.cluster);
  const playAs = resolvePlayAs(cluster);
  const model = buildMatrixModel(cluster.accessMatrix('default'), playAs);

  it('has a row block per subject: the scenario users that authenticate, then service accounts', () => {
    expect(model.subjects.map((s) => s.subject)).toEqual([
      'kubernetes-admin',
      'alice',
      'bob',
      'system:anonymous',
      'system:serviceaccount:default:default',
      // The fresh-cluster baseline gives every system namespace its `default` ServiceAccount.
      'system:serviceaccount:kube-node-lease:default',
      'system:serviceaccount:kube-public:default',
      'system:serviceaccount:kube-system:default',
    ]);
    expect(model.verbs).toEqual([
      'get',
      'list',
      'watch',
      'create',
      'update',
      'patch',
      'delete',
      'deletecollection',
    ]);
    expect(model.resources).toContain('deployments.apps');
  });

  it('plays users as themselves and service accounts through a user who may impersonate them', () => {
    // system:basic-user (a default role bound to system:authenticated) lets everyone self-review.
    expect(playAs('alice')).toEqual({ kind: 'direct', user: 'alice', canSelfReview: true });
    expect(playAs('kubernetes-admin')).toEqual({ kind: 'direct', user: 'admin', canSelfReview: true });
    expect(playAs('system:anonymous')?.user).toBe('anonymous');
    expect(playAs('system:serviceaccount:default:default')).toEqual({
      kind: 'impersonate',
      user: 'admin',
      canSelfReview: true,
    });
  });

  it('counts what each subject may do', () => {
    const bob = model.subjects.find((s) => s.subject === 'bob');
    expect(bob?.cells.get('pods')?.get('list')?.allowed).toBe(true);
    expect(bob?.cells.get('pods')?.get('delete')?.allowed).toBe(false);
    expect(bob?.allowedCount).toBe(12);
  });

  it('plays reads and dry-run writes as real requests, the rest as kubectl auth can-i', () => {
    const direct = { kind: 'direct', user: 'bob', canSelfReview: true } as const;
    const cmd = (verb: string, resource = 'pods', name?: string) =>
      commandForCell({ verb, resource, subject: 'bob' }, 'default', direct, name);
    expect(cmd('list')).toBe('kubectl get pods -n default');
    expect(cmd('get', 'configmaps', 'kube-root-ca.crt')).toBe(
      'kubectl get configmaps kube-root-ca.crt -n default',
    );
    expect(cmd('get')).toBe('kubectl get pods example -n default');
    expect(cmd('delete')).toBe('kubectl delete pods example -n default --dry-run=server');
    expect(cmd('patch')).toBe('kubectl patch pods example -n default --type=merge -p {} --dry-run=server');
    expect(cmd('create', 'deployments.apps')).toBe('kubectl auth can-i create deployments.apps -n default');
    expect(
      commandForCell(
        { verb: 'watch', resource: 'pods', subject: 'system:serviceaccount:default:default' },
        'default',
        {
          kind: 'impersonate',
          user: 'admin',
          canSelfReview: false,
        },
      ),
    ).toBe('kubectl auth can-i watch pods -n default --as=system:serviceaccount:default:default');
  });

  it('names a stored object for get, delete and patch when the namespace has one', () => {
    expect(sampleObjectName(cluster, 'configmaps', 'default')).toBe('kube-root-ca.crt');
    expect(sampleObjectName(cluster, 'deployments.apps', 'default')).toBeUndefined();
  });

  it('gives commands kubectl accepts for every resource and verb', () => {
    for (const resource of model.resources) {
      for (const verb of model.verbs) {
        const command = commandForCell({ verb, resource, subject: 'bob' }, 'default', {
          kind: 'direct',
          user: 'bob',
          canSelfReview: true,
        });
        expect(() => kubectlToRequests(command, { namespace: 'default' }), command).not.toThrow();
      }
    }
  });

  it('plays commands that authorization decides as the cell says, without changing the world', () => {
    for (const subject of model.subjects) {
      const play = subject.playAs;
      if (play === undefined) continue;
      for (const [resource, verb] of [
        ['pods', 'list'],
        ['pods', 'get'],
        ['configmaps', 'get'],
        ['pods', 'delete'],
        ['configmaps', 'patch'],
        ['secrets', 'list'],
        ['pods', 'create'],
      ] as const) {
        const cell = subject.cells.get(resource)?.get(verb);
        if (cell === undefined) throw new Error(`no cell ${resource} ${verb}`);
        const world = createCluster(STARTER.cluster);
        const command = commandForCell(cell, 'default', play, sampleObjectName(world, resource, 'default'));
        const revision = world.storage.revision;
        const run = world.kubectl(command, play.user, { namespace: 'default' });
        // The cell's own request is the last one: `kubectl patch` GETs the object first (builder.go).
        const trace = run.traces.at(-1);
        if (trace === undefined) throw new Error(`${command} sent nothing`);
        const label = `${play.user} ${command}`;
        if (REAL_REQUEST_VERBS.has(verb)) {
          const authz = trace.stages.find((s) => s.stage === 'authorization');
          expect(authz?.outcome, label).toBe(cell.allowed ? 'passed' : 'failed');
        } else if (play.canSelfReview) {
          expect(run.output.trim(), label).toBe(cell.allowed ? 'yes' : 'no');
        } else {
          expect(trace.response.status, label).toBe(403);
        }
        expect(world.storage.revision, label).toBe(revision);
      }
    }
  });
});

describe('The access matrix panel', () => {
  const cluster = createCluster(STARTER.cluster);
  const html = render(AccessMatrix, { cluster, onPlay: () => {}, initialNamespace: 'default' });

  it('renders one button per resource and verb for the chosen subject', () => {
    const cells = count(html, 'data-testid="matrix-cell"');
    const model = buildMatrixModel(cluster.accessMatrix('default'), () => undefined);
    expect(cells).toBe(model.resources.length * model.verbs.length);
    expect(count(html, '<button')).toBe(cells);
  });

  it('says allowed or denied in colour, icon and words, and carries the command it plays', () => {
    expect(html).toContain(
      'aria-label="yes: kubernetes-admin may delete pods in default. Play: kubectl delete pods example -n default --dry-run=server"',
    );
    expect(html).toContain('data-allowed="true"');
    expect(html).toContain('data-command="kubectl get pods -n default"');
    expect(html).toContain('bg-passed-soft');
    expect(html).toContain('data-command="kubectl auth can-i create pods -n default"');
  });

  it('starts on the first subject, the admin, who may ask kubectl auth can-i', () => {
    expect(html).toContain('data-subject="kubernetes-admin"');
    expect(html).not.toContain('data-testid="matrix-no-self-review"');
  });

  it('offers every stored namespace', () => {
    expect(html).toMatch(/<option value="kube-system">kube-system<\/option>/);
  });
});
