import { describe, expect, it, vi } from 'vitest';
import { STARTER } from '../../../src/scenarios/starter';
import { bootWorkspace } from '../../../src/store/boot';
import { createAppStore } from '../../../src/store/create-app-store';
import { parseDeepLink } from '../../../src/store/deep-link';
import {
  readWorkspace,
  toWorkspaceData,
  WORKSPACE_VERSION,
  writeWorkspace,
} from '../../../src/store/persistence';
import { memoryStorage } from './fake-storage';

const RAW_GET = {
  method: 'GET' as const,
  path: '/api/v1/namespaces/default/pods',
  headers: { Accept: 'application/json' },
};

describe('Built-in lessons', () => {
  it('open by id as an undoable step', async () => {
    const store = createAppStore(STARTER);
    await store.getState().openLesson('admission-basics');
    expect(store.getState()).toMatchObject({ lessonId: 'admission-basics', user: 'dana' });
    expect(store.getState().past.at(-1)?.label).toEqual({
      key: 'history.openLesson',
      values: { name: 'admission-basics' },
    });
    store.getState().undo();
    expect(store.getState().scenario.document.metadata.name).toBe('starter');
  });

  it('ignore an unknown id', async () => {
    const store = createAppStore(STARTER);
    await store.getState().openLesson('no-such-lesson');
    expect(store.getState().past).toHaveLength(0);
  });

  it('open from a `?lesson=` link at boot', async () => {
    expect(parseDeepLink('?lesson=admission-basics').lesson).toBe('admission-basics');
    const { store, autosave } = bootWorkspace({
      storage: memoryStorage(),
      hash: '',
      tabId: 't',
      options: {},
      lesson: 'admission-basics',
    });
    // The lesson file is its own chunk: it opens once fetched.
    await vi.waitFor(() => expect(store.getState().lessonId).toBe('admission-basics'));
    autosave.dispose();
  });
});

describe('A saved raw HTTP send', () => {
  it('is restored and replayed as the same request', () => {
    const store = createAppStore(STARTER);
    store.getState().setUser('bob');
    store.getState().sendRaw(RAW_GET);
    const storage = memoryStorage();
    writeWorkspace(storage, {
      version: WORKSPACE_VERSION,
      savedAt: 1,
      tabId: 't',
      workspace: toWorkspaceData(store.getState()),
    });
    const loaded = readWorkspace(storage);
    if (loaded.kind !== 'loaded') throw new Error(`not loaded: ${loaded.kind}`);
    expect(loaded.envelope.workspace.log).toEqual([
      { user: 'bob', command: '', namespace: 'default', files: {}, raw: RAW_GET },
    ]);
    const restored = createAppStore(STARTER, { workspace: loaded.envelope.workspace });
    expect(restored.getState().traces.map((t) => t.response.status)).toEqual([200]);
  });
});
