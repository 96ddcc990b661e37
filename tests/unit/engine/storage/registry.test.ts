import { describe, expect, it } from 'vitest';
import { Etcd } from '../../../../src/engine/storage/etcd';
import { storageStage } from '../../../../src/engine/storage-stage';
import type { KubeObject, RequestInfo } from '../../../../src/engine/types';
import { makeEnv, makeInfo, makeNamespace, makePod, typeOf } from './factories';

const pods = typeOf('pods');
const namespaces = typeOf('namespaces');
const configmaps = typeOf('configmaps');

function store(
  etcd: Etcd,
  info: Partial<RequestInfo>,
  object?: KubeObject,
  query = '',
  env = makeEnv(),
  type = pods,
) {
  return storageStage(makeInfo(info), type, object, etcd, env, new URLSearchParams(query));
}

describe('Storage (generic registry store.go)', () => {
  describe('create', () => {
    it('stores the object with uid, creationTimestamp and the write revision as resourceVersion (201)', () => {
      const etcd = new Etcd();
      const { result, response } = store(etcd, { verb: 'create' }, makePod('nginx'));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'nginx',
          namespace: 'default',
          uid: 'uid-1',
          resourceVersion: '2',
          creationTimestamp: '2025-01-02T03:04:05Z',
        },
        status: { phase: 'Pending', qosClass: 'BestEffort' },
      });
      expect(result).toMatchObject({
        outcome: 'passed',
        details: { operation: 'create', key: '/registry/pods/default/nginx', revision: 2 },
      });
      expect(etcd.get('/registry/pods/default/nginx')?.metadata?.resourceVersion).toBe('2');
    });

    it('answers AlreadyExists 409 for a second create of the same name', () => {
      const etcd = new Etcd();
      store(etcd, { verb: 'create' }, makePod('nginx'));
      const { result, response } = store(etcd, { verb: 'create' }, makePod('nginx'));
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        reason: 'AlreadyExists',
        message: 'pods "nginx" already exists',
      });
      expect(result.outcome).toBe('failed');
      expect(etcd.revision).toBe(2);
    });

    it('turns generateName into a name with 5 random characters', () => {
      const etcd = new Etcd();
      const pod = makePod('');
      pod.metadata = { generateName: 'web-', namespace: 'default' };
      const { response } = store(etcd, { verb: 'create' }, pod, '', makeEnv(['x7k2p']));
      expect(response.body).toMatchObject({ metadata: { name: 'web-x7k2p', generateName: 'web-' } });
      expect(etcd.keys()).toEqual(['/registry/pods/default/web-x7k2p']);
    });

    it('gives a namespace the kubernetes finalizer and the Active phase', () => {
      const etcd = new Etcd();
      const { response } = store(
        etcd,
        { verb: 'create', namespace: '', resource: 'namespaces' },
        makeNamespace('dev'),
        '',
        makeEnv(),
        namespaces,
      );
      expect(response.body).toMatchObject({
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      });
      expect(etcd.keys()).toEqual(['/registry/namespaces/dev']);
    });

    it('writes nothing on dryRun=All, but still checks for an existing object', () => {
      const etcd = new Etcd();
      const dry = store(etcd, { verb: 'create' }, makePod('nginx'), 'dryRun=All');
      expect(dry.response.status).toBe(201);
      expect(dry.result.message.id).toBe('storage.dryRun');
      expect(etcd.keys()).toEqual([]);
      expect(etcd.revision).toBe(1);
      store(etcd, { verb: 'create' }, makePod('nginx'));
      expect(store(etcd, { verb: 'create' }, makePod('nginx'), 'dryRun=All').response.status).toBe(409);
    });
  });

  describe('get and list', () => {
    it('answers NotFound 404 for a missing object', () => {
      const { response } = store(new Etcd(), { verb: 'get', name: 'ghost' });
      expect(response).toMatchObject({
        status: 404,
        body: {
          reason: 'NotFound',
          message: 'pods "ghost" not found',
          details: { name: 'ghost', kind: 'pods' },
        },
      });
    });

    it('reads a stored object with 200', () => {
      const etcd = new Etcd();
      store(etcd, { verb: 'create' }, makePod('nginx'));
      expect(store(etcd, { verb: 'get', name: 'nginx' }).response).toMatchObject({
        status: 200,
        body: { metadata: { name: 'nginx', resourceVersion: '2' } },
      });
    });

    it('lists a namespace as a PodList at the current revision, in key order', () => {
      const etcd = new Etcd();
      store(etcd, { verb: 'create' }, makePod('b'));
      store(etcd, { verb: 'create' }, makePod('a'));
      store(etcd, { verb: 'create', namespace: 'other' }, makePod('c', {}, 'other'));
      const { response, result } = store(etcd, { verb: 'list' });
      const body = response.body as {
        kind: string;
        metadata: { resourceVersion: string };
        items: KubeObject[];
      };
      expect(body.kind).toBe('PodList');
      expect(body.metadata.resourceVersion).toBe('4');
      expect(body.items.map((i) => i.metadata?.name)).toEqual(['a', 'b']);
      expect(result.summary).toBe('Listed 2 object(s) under /registry/pods/default/ at revision 4.');
    });

    it('lists across namespaces when the request has no namespace', () => {
      const etcd = new Etcd();
      store(etcd, { verb: 'create' }, makePod('a'));
      store(etcd, { verb: 'create', namespace: 'other' }, makePod('c', {}, 'other'));
      const body = store(etcd, { verb: 'list', namespace: '' }).response.body as { items: KubeObject[] };
      expect(body.items.map((i) => i.metadata?.namespace)).toEqual(['default', 'other']);
    });

    it('filters a list by labelSelector', () => {
      const etcd = new Etcd();
      const web = makePod('web');
      web.metadata = { ...web.metadata, labels: { app: 'web', tier: 'front' } };
      const db = makePod('db');
      db.metadata = { ...db.metadata, labels: { app: 'db' } };
      store(etcd, { verb: 'create' }, web);
      store(etcd, { verb: 'create' }, db);
      const names = (q: string) =>
        (store(etcd, { verb: 'list' }, undefined, q).response.body as { items: KubeObject[] }).items.map(
          (i) => i.metadata?.name,
        );
      expect(names('labelSelector=app%3Dweb')).toEqual(['web']);
      expect(names('labelSelector=app!%3Dweb')).toEqual(['db']);
      expect(names('labelSelector=app+in+(db,web)')).toEqual(['db', 'web']);
      expect(names('labelSelector=tier')).toEqual(['web']);
      expect(names('labelSelector=!tier')).toEqual(['db']);
    });
  });

  describe('update', () => {
    it('writes a new revision and returns it as resourceVersion', () => {
      const etcd = new Etcd();
      store(etcd, { verb: 'create' }, makePod('nginx'));
      const next = makePod('nginx');
      next.metadata = { ...next.metadata, labels: { app: 'web' }, resourceVersion: '2' };
      const { response } = store(etcd, { verb: 'update', name: 'nginx' }, next);
      expect(response).toMatchObject({
        status: 200,
        body: { metadata: { resourceVersion: '3', uid: 'uid-1' } },
      });
      expect(etcd.history('/registry/pods/default/nginx').map((h) => h.revision)).toEqual([2, 3]);
    });

    it('answers Conflict 409 for a stale resourceVersion', () => {
      const etcd = new Etcd();
      store(etcd, { verb: 'create' }, makePod('nginx'));
      const stale = makePod('nginx');
      stale.metadata = { ...stale.metadata, resourceVersion: '1' };
      const { response } = store(etcd, { verb: 'update', name: 'nginx' }, stale);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        reason: 'Conflict',
        message:
          'Operation cannot be fulfilled on pods "nginx": the object has been modified; please apply your changes to the latest version and try again',
      });
    });

    it('answers NotFound 404 when the object does not exist', () => {
      expect(store(new Etcd(), { verb: 'update', name: 'nginx' }, makePod('nginx')).response.status).toBe(
        404,
      );
    });

    it('writes nothing when the update changes nothing', () => {
      const etcd = new Etcd();
      store(etcd, { verb: 'create' }, makePod('nginx'));
      const same = etcd.get('/registry/pods/default/nginx') as KubeObject;
      const { result } = store(etcd, { verb: 'update', name: 'nginx' }, same);
      expect(result.message.id).toBe('storage.unchanged');
      expect(etcd.revision).toBe(2);
    });
  });

  describe('delete', () => {
    it('deletes an unscheduled pod at once and returns it (200)', () => {
      const etcd = new Etcd();
      store(etcd, { verb: 'create' }, makePod('nginx'));
      const { response, result } = store(etcd, { verb: 'delete', name: 'nginx' });
      expect(response).toMatchObject({
        status: 200,
        body: { kind: 'Pod', metadata: { name: 'nginx', resourceVersion: '3' } },
      });
      expect(result.summary).toBe('Deleted /registry/pods/default/nginx at revision 3.');
      expect(etcd.keys()).toEqual([]);
      expect(etcd.history('/registry/pods/default/nginx').at(-1)).toEqual({ revision: 3, value: null });
    });

    it('only marks a scheduled pod for graceful deletion (its kubelet finishes the job)', () => {
      const etcd = new Etcd();
      store(etcd, { verb: 'create' }, makePod('nginx', { nodeName: 'node-1' }));
      const { response } = store(etcd, { verb: 'delete', name: 'nginx' });
      expect(response.body).toMatchObject({
        metadata: { deletionTimestamp: '2025-01-02T03:04:35Z', deletionGracePeriodSeconds: 30 },
      });
      expect(etcd.keys()).toEqual(['/registry/pods/default/nginx']);
    });

    it('answers a Status Success for kinds that do not return the deleted object', () => {
      const etcd = new Etcd();
      const cm: KubeObject = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cfg', namespace: 'default' },
      };
      store(etcd, { verb: 'create', resource: 'configmaps' }, cm, '', makeEnv(), configmaps);
      const { response } = store(
        etcd,
        { verb: 'delete', name: 'cfg', resource: 'configmaps' },
        undefined,
        '',
        makeEnv(),
        configmaps,
      );
      expect(response.body).toMatchObject({
        kind: 'Status',
        status: 'Success',
        details: { name: 'cfg', kind: 'configmaps', uid: 'uid-1' },
      });
    });

    it('answers NotFound 404 for a missing object', () => {
      expect(store(new Etcd(), { verb: 'delete', name: 'ghost' }).response.status).toBe(404);
    });

    it('keeps the object on dryRun=All', () => {
      const etcd = new Etcd();
      store(etcd, { verb: 'create' }, makePod('nginx'));
      expect(store(etcd, { verb: 'delete', name: 'nginx' }, undefined, 'dryRun=All').response.status).toBe(
        200,
      );
      expect(etcd.keys()).toEqual(['/registry/pods/default/nginx']);
    });
  });

  it('answers a watch without resourceVersion with an ADDED event per existing object', () => {
    const etcd = new Etcd();
    store(etcd, { verb: 'create' }, makePod('a'));
    const { result, response } = store(etcd, { verb: 'watch' }, undefined, 'watch=true');
    expect(response.status).toBe(200);
    expect((response.body as { type: string }[]).map((e) => e.type)).toEqual(['ADDED']);
    expect(result).toMatchObject({ outcome: 'passed', message: { id: 'storage.watched' } });
  });
});
