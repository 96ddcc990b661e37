import { describe, expect, it } from 'vitest';
import { STARTER } from '../../../src/scenarios/starter';
import { createAppStore } from '../../../src/store/create-app-store';
import { sendOperation } from '../../../src/store/operations';
import { pathOf } from '../../../src/store/path';
import { selectEtcdHighlightKey, selectVisibleRevision } from '../../../src/store/selectors';

type Store = ReturnType<typeof createAppStore>;

function playToEnd(store: Store): void {
  for (let i = 0; i < 200 && store.getState().status === 'playing'; i++) store.getState().tick();
}

function sendAs(store: Store, user: string, command: string, files: Record<string, string> = {}): void {
  store.getState().setUser(user);
  for (const [name, content] of Object.entries(files)) store.getState().setFile(name, content);
  store.getState().setCommand(command);
  store.getState().send();
}

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
    const store = createAppStore(STARTER);
    sendAs(store, 'alice', 'kubectl apply -f web.yaml', { 'web.yaml': POD });
    const { traces, output } = store.getState();
    expect(traces.map((t) => `${t.request.method} ${t.response.status}`)).toEqual(['GET 404', 'POST 201']);
    expect(output).toBe('pod/web created');
  });

  it('replays the same follow-ups when an edit rebuilds the world', () => {
    const store = createAppStore(STARTER);
    sendAs(store, 'alice', 'kubectl apply -f web.yaml', { 'web.yaml': POD });
    sendAs(store, 'alice', 'kubectl apply -f web.yaml');
    const before = store.getState().traces.map((t) => `${t.request.method} ${t.response.status}`);
    // Nothing changed: kubectl reads the live object and sends no PATCH.
    expect(before).toEqual(['GET 200']);
    store.getState().editSource('lesson', `${store.getState().sources.texts.lesson}\nEdited.`);
    const after = store.getState();
    expect(after.worldVersion).toBeGreaterThan(0);
    expect(after.traces.map((t) => `${t.request.method} ${t.response.status}`)).toEqual(before);
    expect(after.output).toBe('pod/web unchanged');
  });
});

describe('Raw HTTP sends', () => {
  it('send one request as the chosen user and are logged for replays', () => {
    const store = createAppStore(STARTER);
    store.getState().setUser('alice');
    store.getState().sendRaw(RAW_POD);
    expect(store.getState().traces).toHaveLength(1);
    expect(store.getState().traces[0]?.response.status).toBe(201);
    expect(store.getState().output).toBeUndefined();
    expect(store.getState().log.at(-1)).toMatchObject({ user: 'alice', command: '', raw: RAW_POD });

    store.getState().editSource('lesson', 'Edited.');
    expect(store.getState().cluster.storage.get('/registry/pods/default/raw')).toBeDefined();
    expect(store.getState().traces[0]?.response.status).toBe(201);
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
    const store = createAppStore(STARTER);
    sendAs(store, 'alice', 'kubectl run nginx --image=nginx');
    expect(selectEtcdHighlightKey(store.getState())).toBeUndefined();
    const before = store.getState().revisionBefore;
    expect(selectVisibleRevision(store.getState())).toBe(before);
    const trace = store.getState().traces[0];
    if (trace === undefined) throw new Error('nothing was sent');
    const arrival = pathOf(trace).findIndex((hop) => hop.to === 'etcd');
    for (let i = 0; i <= arrival; i++) store.getState().tick();
    expect(selectEtcdHighlightKey(store.getState())).toBe('/registry/pods/default/nginx');
    expect(selectVisibleRevision(store.getState())).toBeGreaterThan(before);
    playToEnd(store);
    expect(selectVisibleRevision(store.getState())).toBeUndefined();
  });

  it('highlights nothing for a list, a dry run or a refused request', () => {
    const store = createAppStore(STARTER, { reducedMotion: true });
    sendAs(store, 'bob', 'kubectl get pods');
    expect(selectEtcdHighlightKey(store.getState())).toBeUndefined();
    sendAs(store, 'alice', 'kubectl run dry --image=nginx --dry-run=server');
    expect(store.getState().traces.at(-1)?.response.status).toBe(201);
    expect(selectEtcdHighlightKey(store.getState())).toBeUndefined();
    sendAs(store, 'bob', 'kubectl delete pod nginx');
    expect(selectEtcdHighlightKey(store.getState())).toBeUndefined();
  });

  it('starts the watch at the revision the world was built at', () => {
    const store = createAppStore(STARTER);
    const built = store.getState().worldRevision;
    expect(built).toBe(store.getState().cluster.storage.revision);
    sendAs(store, 'alice', 'kubectl run nginx --image=nginx');
    store.getState().editSource('lesson', 'Edited.');
    // Rebuilt: the replayed create comes after the world's own objects.
    expect(store.getState().worldRevision).toBe(built);
    expect(store.getState().cluster.storage.revision).toBeGreaterThan(built);
  });
});

describe('Applying the engine extensions', () => {
  it('waits for a running animation to stop, then rebuilds the world', () => {
    const store = createAppStore(STARTER);
    sendAs(store, 'alice', 'kubectl run nginx --image=nginx');
    const version = store.getState().worldVersion;
    store.getState().applyExtensions();
    expect(store.getState()).toMatchObject({ extensionsPending: true, worldVersion: version });
    playToEnd(store);
    expect(store.getState()).toMatchObject({ extensionsPending: false, worldVersion: version + 1 });
    expect(store.getState().traces[0]?.response.status).toBe(201);
  });

  it('rebuilds at once when nothing is playing', () => {
    const store = createAppStore(STARTER);
    store.getState().applyExtensions();
    expect(store.getState().worldVersion).toBe(1);
  });
});
