import { describe, expect, it } from 'vitest';
import { STARTER } from '../../../src/scenarios/starter';
import { createAppStore } from '../../../src/store/create-app-store';
import { sendOperation } from '../../../src/store/operations';
import { pathOf } from '../../../src/store/path';
import { selectEtcdHighlightKey, selectVisibleRevision } from '../../../src/store/selectors';
import { TestDriver } from '../driver';

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - { name: web, image: "nginx:1.27" }
`;

const RAW_POD = {
  method: 'POST' as const,
  path: '/api/v1/namespaces/default/pods',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  body: JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'raw' },
    spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] },
  }),
};

describe('Sending through kubectl', () => {
  it("plays client-side apply's GET and then its POST, with kubectl's whole output", () => {
    const app = new TestDriver().send('kubectl apply -f web.yaml', {
      as: 'alice',
      files: { 'web.yaml': POD },
    });
    expect(app.traces.map((t) => `${t.request.method} ${t.response.status}`)).toEqual([
      'GET 404',
      'POST 201',
    ]);
    app.expectOutput('pod/web created');
  });

  it('replays the same follow-ups when an edit rebuilds the world', () => {
    const app = new TestDriver()
      .send('kubectl apply -f web.yaml', { as: 'alice', files: { 'web.yaml': POD } })
      .send('kubectl apply -f web.yaml', { as: 'alice' });
    const before = app.traces.map((t) => `${t.request.method} ${t.response.status}`);
    // Nothing changed: kubectl reads the live object and sends no PATCH.
    expect(before).toEqual(['GET 200']);
    app.state.editSource('lesson', `${app.state.sources.texts.lesson}\nEdited.`);
    expect(app.state.worldVersion).toBeGreaterThan(0);
    expect(app.traces.map((t) => `${t.request.method} ${t.response.status}`)).toEqual(before);
    app.expectOutput('pod/web unchanged');
  });
});

describe('Raw HTTP sends', () => {
  it('send one request as the chosen user and are logged for replays', () => {
    const app = new TestDriver().sendRaw(RAW_POD, { as: 'alice' });
    app.expectStatuses(201).expectStoppedAt('storage').expectOutput(undefined);
    expect(app.state.log.at(-1)).toMatchObject({ user: 'alice', command: '', raw: RAW_POD });

    app.state.editSource('lesson', 'Edited.');
    expect(app.state.cluster.storage.get('/registry/pods/default/raw')).toBeDefined();
    app.expectStatuses(201);
  });

  it("leave Ctrl+Enter to the raw form: kubectl's Send is off in raw mode", () => {
    const store = createAppStore(STARTER, { command: 'kubectl get pods' });
    expect(sendOperation.isEnabled(store.getState())).toBe(true);
    store.getState().setComposerMode('raw');
    expect(sendOperation.isEnabled(store.getState())).toBe(false);
  });
});

describe('What the etcd and watch panels are shown', () => {
  it('highlights the written key only once the token reaches etcd', () => {
    const app = new TestDriver().send('kubectl run nginx --image=nginx', { as: 'alice' });
    expect(selectEtcdHighlightKey(app.state)).toBeUndefined();
    const before = app.state.revisionBefore;
    expect(selectVisibleRevision(app.state)).toBe(before);
    const arrival = pathOf(app.lastTrace).findIndex((hop) => hop.to === 'etcd');
    app.tick(arrival + 1);
    expect(selectEtcdHighlightKey(app.state)).toBe('/registry/pods/default/nginx');
    expect(selectVisibleRevision(app.state)).toBeGreaterThan(before);
    app.playToEnd();
    expect(selectVisibleRevision(app.state)).toBeUndefined();
  });

  it('highlights nothing for a list, a dry run or a refused request', () => {
    const app = new TestDriver(STARTER, { reducedMotion: true }).send('kubectl get pods', { as: 'bob' });
    expect(selectEtcdHighlightKey(app.state)).toBeUndefined();
    app.send('kubectl run dry --image=nginx --dry-run=server', { as: 'alice' });
    expect(app.lastTrace.response.status).toBe(201);
    expect(selectEtcdHighlightKey(app.state)).toBeUndefined();
    app.send('kubectl delete pod nginx', { as: 'bob' });
    expect(selectEtcdHighlightKey(app.state)).toBeUndefined();
  });

  it('starts the watch at the revision the world was built at', () => {
    const app = new TestDriver();
    const built = app.state.worldRevision;
    expect(built).toBe(app.state.cluster.storage.revision);
    app.send('kubectl run nginx --image=nginx', { as: 'alice' });
    app.state.editSource('lesson', 'Edited.');
    // Rebuilt: the replayed create comes after the world's own objects.
    expect(app.state.worldRevision).toBe(built);
    expect(app.state.cluster.storage.revision).toBeGreaterThan(built);
  });
});

describe('Applying the engine extensions', () => {
  it('waits for a running animation to stop, then rebuilds the world', () => {
    const app = new TestDriver().send('kubectl run nginx --image=nginx', { as: 'alice' });
    const version = app.state.worldVersion;
    app.state.applyExtensions();
    expect(app.state).toMatchObject({ extensionsPending: true, worldVersion: version });
    app.playToEnd();
    expect(app.state).toMatchObject({ extensionsPending: false, worldVersion: version + 1 });
    app.expectStatuses(201);
  });

  it('rebuilds at once when nothing is playing', () => {
    const app = new TestDriver();
    app.state.applyExtensions();
    expect(app.state.worldVersion).toBe(1);
  });
});
