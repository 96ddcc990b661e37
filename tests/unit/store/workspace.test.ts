import { describe, expect, it } from 'vitest';
import { STARTER, STARTER_TEXT } from '../../../src/scenarios/starter';
import { bootWorkspace } from '../../../src/store/boot';
import { createAppStore } from '../../../src/store/create-app-store';
import { operationForKey, redoOperation, undoOperation } from '../../../src/store/operations';
import { readWorkspace, WORKSPACE_KEY } from '../../../src/store/persistence';
import { createShareLink, readShareLink } from '../../../src/store/share';
import { memoryStorage } from './fake-storage';

const GRANT_DELETE = (rbac: string) =>
  rbac.replace('verbs: ["get", "list", "watch"]', 'verbs: ["get", "list", "watch", "delete"]');

function bobDeletes(reducedMotion = true) {
  const store = createAppStore(STARTER, { reducedMotion });
  store.getState().loadExample('forbidden-delete');
  store.getState().send();
  return store;
}

describe('Editing the world', () => {
  it('re-runs the last request on the edited world and shows the new path at its end', () => {
    const store = bobDeletes(false);
    expect(store.getState().traces.at(-1)?.response.status).toBe(403);
    store.getState().editSource('rbac', GRANT_DELETE(store.getState().sources.texts.rbac));
    const s = store.getState();
    expect(s.traces.at(-1)?.response.status).toBe(404);
    expect(s.traces.at(-1)?.stages.find((x) => x.stage === 'authorization')?.outcome).toBe('passed');
    expect(s.status).toBe('done');
  });

  it('replays earlier sends so the world keeps what they created', () => {
    const store = createAppStore(STARTER, { reducedMotion: true });
    store.getState().loadExample('create-pod');
    store.getState().send();
    store.getState().loadExample('forbidden-delete');
    store.getState().send();
    store.getState().editSource('rbac', GRANT_DELETE(store.getState().sources.texts.rbac));
    // nginx was created by alice's replayed send, so bob's delete now succeeds.
    expect(store.getState().traces.at(-1)?.response.status).toBe(200);
  });

  it('offers new users and requests from the edited texts', () => {
    const store = createAppStore(STARTER);
    store
      .getState()
      .editSource(
        'users',
        `${store.getState().sources.texts.users}- name: dave\n  credential: { type: anonymous }\n`,
      );
    expect(store.getState().scenario.cluster.users?.map((u) => u.name)).toContain('dave');
  });
});

describe('Undo and redo', () => {
  it('undoes and redoes edits across tabs, re-running the request each time', () => {
    const store = bobDeletes();
    const rbac = store.getState().sources.texts.rbac;
    store.getState().editSource('rbac', GRANT_DELETE(rbac));
    store.getState().editSource('lesson', 'changed');
    expect(undoOperation.isEnabled(store.getState())).toBe(true);
    undoOperation.perform(store);
    expect(store.getState().sources.texts.lesson).not.toBe('changed');
    undoOperation.perform(store);
    expect(store.getState().sources.texts.rbac).toBe(rbac);
    expect(store.getState().traces.at(-1)?.response.status).toBe(403);
    redoOperation.perform(store);
    expect(store.getState().traces.at(-1)?.response.status).toBe(404);
    expect(store.getState().past.at(-1)?.label).toEqual({ key: 'history.edit', values: { tab: 'rbac' } });
  });

  it('merges typing in one tab into one step', () => {
    const store = createAppStore(STARTER);
    const lesson = store.getState().sources.texts.lesson;
    store.getState().editSource('lesson', `${lesson}a`, { coalesce: true });
    store.getState().editSource('lesson', `${lesson}ab`, { coalesce: true });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().sources.texts.lesson).toBe(lesson);
  });

  it('binds Ctrl+Z and Ctrl+Shift+Z (and Ctrl+Y), but not while typing in an editor', () => {
    const press = { ctrlKey: true, metaKey: false, altKey: false, isTyping: false };
    expect(operationForKey({ ...press, key: 'z' })?.id).toBe('undo');
    expect(operationForKey({ ...press, key: 'Z', shiftKey: true })?.id).toBe('redo');
    expect(operationForKey({ ...press, key: 'y' })?.id).toBe('redo-alt');
    expect(operationForKey({ ...press, key: 'z', isTyping: true })).toBeUndefined();
  });

  it('resets to the lesson as one more undoable step', async () => {
    const store = bobDeletes();
    store.getState().editSource('rbac', GRANT_DELETE(store.getState().sources.texts.rbac));
    await store.getState().resetToLesson();
    expect(store.getState().scenario.document).toEqual(STARTER.document);
    store.getState().undo();
    expect(store.getState().sources.texts.rbac).toContain('"delete"]');
  });
});

describe('Persistence', () => {
  it('autosaves and restores exactly: texts, sends, composer and undo steps', () => {
    const storage = memoryStorage();
    const a = bootWorkspace({ storage, hash: '', tabId: 'tab-a', options: { reducedMotion: true } });
    a.store.getState().loadExample('forbidden-delete');
    a.store.getState().send();
    a.store.getState().editSource('rbac', GRANT_DELETE(a.store.getState().sources.texts.rbac));
    a.autosave.flush();
    const saved = readWorkspace(storage);
    expect(saved.kind === 'loaded' && saved.envelope).toMatchObject({ version: 2, tabId: 'tab-a' });

    const b = bootWorkspace({ storage, hash: '', tabId: 'tab-b', options: {} });
    const s = b.store.getState();
    expect(s.sources).toEqual(a.store.getState().sources);
    expect(s.command).toBe('kubectl delete pod nginx');
    expect(s.user).toBe('bob');
    expect(s.traces.at(-1)?.response.status).toBe(404);
    expect(s.past).toHaveLength(1);
    s.undo();
    expect(b.store.getState().traces.at(-1)?.response.status).toBe(403);
  });

  it('migrates a version 1 save (one scenario file) and says so', () => {
    const storage = memoryStorage({
      [WORKSPACE_KEY]: JSON.stringify({
        version: 1,
        savedAt: 5,
        scenario: STARTER_TEXT,
        composer: { user: 'bob', command: 'kubectl get pods' },
      }),
    });
    const { store } = bootWorkspace({ storage, hash: '', tabId: 'a', options: {} });
    expect(store.getState().notices.map((n) => n.id)).toContain('migrated');
    expect(store.getState().user).toBe('bob');
    expect(store.getState().scenario.document).toEqual(STARTER.document);
  });

  it('tells the last writer when another tab saved in between, and never overwrites silently', () => {
    const storage = memoryStorage();
    const a = bootWorkspace({ storage, hash: '', tabId: 'a', options: {} });
    const b = bootWorkspace({ storage, hash: '', tabId: 'b', options: {} });
    a.store.getState().editSource('lesson', 'from A');
    a.autosave.flush();
    b.store.getState().editSource('lesson', 'from B');
    b.autosave.flush();
    expect(b.store.getState().conflict).toBeDefined();
    const stored = readWorkspace(storage);
    expect(stored.kind === 'loaded' && stored.envelope.workspace.sources.texts.lesson).toBe('from A');
    // "Keep mine" overwrites on purpose; A is then told in turn.
    b.autosave.keepMine();
    expect(b.store.getState().conflict).toBeUndefined();
    a.autosave.onStorageEvent(WORKSPACE_KEY);
    expect(a.store.getState().conflict).toBeDefined();
    a.autosave.loadTheirs();
    expect(a.store.getState().sources.texts.lesson).toBe('from B');
  });

  it('reports a full quota as a notice and keeps the work in memory', () => {
    const storage = memoryStorage();
    const a = bootWorkspace({ storage, hash: '', tabId: 'a', options: {} });
    storage.failWrites(true);
    a.store.getState().editSource('lesson', 'kept');
    a.autosave.flush();
    expect(a.store.getState().notices.map((n) => n.id)).toContain('save-failed');
    expect(a.store.getState().sources.texts.lesson).toBe('kept');
  });
});

describe('Share links', () => {
  it('encode a scenario in the fragment and decode it back', () => {
    const link = createShareLink(STARTER_TEXT, 'https://example.test/app?x=1#old');
    expect(link.ok).toBe(true);
    const url = link.ok ? link.url : '';
    expect(url.startsWith('https://example.test/app?x=1#scenario=')).toBe(true);
    const back = readShareLink(url.slice(url.indexOf('#')));
    expect(back?.ok && back.value.document).toEqual(STARTER.document);
  });

  it('refuse worlds too big for a URL, with the length', () => {
    const big = STARTER_TEXT.replace(
      'lesson:\n    markdown: |\n',
      `lesson:\n    markdown: |\n      ${Array.from({ length: 4000 }, (_, i) => `w${i * 7919}`).join(' ')}\n`,
    );
    const link = createShareLink(big, 'https://example.test/');
    expect(link).toMatchObject({ ok: false, reason: 'tooLong', limit: 8000 });
  });

  it('open as a separate, unsaved workspace without touching the saved one', () => {
    const storage = memoryStorage();
    const mine = bootWorkspace({ storage, hash: '', tabId: 'a', options: {} });
    mine.store.getState().editSource('lesson', 'my lesson');
    mine.autosave.flush();
    const shared = STARTER_TEXT.replace('title: Starter cluster', 'title: Shared world');
    const link = createShareLink(shared, 'https://x.test/');
    const hash = link.ok ? link.url.slice(link.url.indexOf('#')) : '';
    const opened = bootWorkspace({ storage, hash, tabId: 'b', options: {} });
    expect(opened.store.getState().workspaceMode).toBe('shared');
    expect(opened.store.getState().sources.header.metadata.title).toBe('Shared world');
    opened.store.getState().editSource('lesson', 'edited while viewing');
    opened.autosave.flush();
    const saved = readWorkspace(storage);
    expect(saved.kind === 'loaded' && saved.envelope.workspace.sources.texts.lesson).toBe('my lesson');
    opened.autosave.saveAsMine();
    const after = readWorkspace(storage);
    expect(after.kind === 'loaded' && after.envelope.workspace.sources.header.metadata.title).toBe(
      'Shared world',
    );
  });
});

describe('Compare mode', () => {
  it('runs the last request as another user beside this one', () => {
    const store = bobDeletes();
    store.getState().setCompare(true, { type: 'user', user: 'admin' });
    expect(store.getState().traces.at(-1)?.response.status).toBe(403);
    expect(store.getState().compareTraces?.at(-1)?.response.status).toBe(404);
  });

  it('runs it on the world before the last edit', () => {
    const store = bobDeletes();
    store.getState().editSource('rbac', GRANT_DELETE(store.getState().sources.texts.rbac));
    store.getState().setCompare(true, { type: 'before' });
    expect(store.getState().traces.at(-1)?.response.status).toBe(404);
    expect(store.getState().compareTraces?.at(-1)?.response.status).toBe(403);
  });
});
