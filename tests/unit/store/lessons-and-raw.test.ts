import { describe, expect, it } from 'vitest';
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
import { TestDriver } from '../driver';
import { memoryStorage } from './fake-storage';

const RAW_GET = {
  method: 'GET' as const,
  path: '/api/v1/namespaces/default/pods',
  headers: { Accept: 'application/json' },
};

describe('Built-in lessons', () => {
  it('open by id as an undoable step', () => {
    const app = new TestDriver().openLesson('admission-basics');
    expect(app.state).toMatchObject({ lessonId: 'admission-basics', user: 'dana' });
    expect(app.state.past.at(-1)?.label).toEqual({
      key: 'history.openLesson',
      values: { name: 'admission-basics' },
    });
    app.state.undo();
    expect(app.state.scenario.document.metadata.name).toBe('starter');
  });

  it('ignore an unknown id', () => {
    const app = new TestDriver().openLesson('no-such-lesson');
    expect(app.state.past).toHaveLength(0);
  });

  it('open from a `?lesson=` link at boot', () => {
    expect(parseDeepLink('?lesson=admission-basics').lesson).toBe('admission-basics');
    const { store, autosave } = bootWorkspace({
      storage: memoryStorage(),
      hash: '',
      tabId: 't',
      options: {},
      lesson: 'admission-basics',
    });
    expect(store.getState().lessonId).toBe('admission-basics');
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
