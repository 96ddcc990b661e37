import {
  type KeyValueStorage,
  peekWorkspace,
  toWorkspaceData,
  WORKSPACE_KEY,
  WORKSPACE_VERSION,
  type WorkspaceEnvelope,
  writeWorkspace,
} from './persistence';
import type { AppState, AppStore } from './types';

export interface AutosaveOptions {
  readonly tabId: string;
  /** The envelope this tab loaded (undefined when storage was empty). */
  readonly loaded?: WorkspaceEnvelope;
  readonly debounceMs?: number;
  readonly now?: () => number;
}

/** What the workspace controls (banners, buttons) can ask of persistence. */
export interface AutosaveController {
  /** Saves now if anything changed; refuses (and raises the conflict) when another tab saved since. */
  flush(): void;
  /** The user chose to keep this tab's work: overwrite the other tab's save. */
  keepMine(): void;
  /** The user chose the other tab's work: load it here. */
  loadTheirs(): void;
  /** A shared link's scenario becomes the saved workspace (the user asked). */
  saveAsMine(): void;
  /** Another tab wrote the key (the `storage` event). */
  onStorageEvent(key: string | null): void;
  dispose(): void;
}

/** The state that a save writes: when none of it changed, nothing is written. */
const persistedParts = (s: AppState) => [
  s.sources,
  s.log,
  s.past,
  s.future,
  s.lessonId,
  s.user,
  s.command,
  s.files,
];

/**
 * Saves the workspace to storage shortly after every change (debounced), in a versioned envelope
 * naming this tab. Before writing it reads the key back: if another tab saved in between, it does
 * not overwrite — it raises `conflict` so the user chooses (Load theirs / Keep mine).
 * A shared link's workspace (mode "shared") is never autosaved.
 */
export function startAutosave(
  store: AppStore,
  storage: KeyValueStorage,
  options: AutosaveOptions,
): AutosaveController {
  const { tabId, debounceMs = 400, now = Date.now } = options;
  let lastSeen: Pick<WorkspaceEnvelope, 'tabId' | 'savedAt'> | undefined = options.loaded;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;

  const isOurs = (e: WorkspaceEnvelope | undefined) =>
    e === undefined ||
    (lastSeen !== undefined && e.tabId === lastSeen.tabId && e.savedAt === lastSeen.savedAt);

  const write = (): void => {
    const envelope: WorkspaceEnvelope = {
      version: WORKSPACE_VERSION,
      savedAt: Math.max(now(), (lastSeen?.savedAt ?? 0) + 1),
      tabId,
      workspace: toWorkspaceData(store.getState()),
    };
    const result = writeWorkspace(storage, envelope);
    if (result.ok) {
      lastSeen = envelope;
      dirty = false;
      store.getState().dismissNotice('save-failed');
    } else {
      store
        .getState()
        .pushNotice({ id: 'save-failed', tone: 'error', key: 'notice.saveFailed', detail: result.reason });
    }
  };

  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const s = store.getState();
    if (!dirty || s.workspaceMode !== 'saved' || s.conflict !== undefined) return;
    const stored = peekWorkspace(storage);
    if (!isOurs(stored)) {
      s.setConflict({ savedAt: stored?.savedAt ?? now() });
      return;
    }
    write();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    const a = persistedParts(state);
    const b = persistedParts(previous);
    if (a.every((part, i) => part === b[i])) return;
    dirty = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });

  return {
    flush,
    keepMine: () => {
      store.getState().setConflict(undefined);
      write();
    },
    loadTheirs: () => {
      const theirs = peekWorkspace(storage);
      store.getState().setConflict(undefined);
      if (theirs === undefined) return;
      store.getState().loadWorkspace(theirs.workspace);
      lastSeen = theirs;
      dirty = false;
    },
    saveAsMine: () => {
      store.getState().setWorkspaceMode('saved');
      store.getState().setConflict(undefined);
      write();
    },
    onStorageEvent: (key) => {
      if (key !== WORKSPACE_KEY && key !== null) return;
      const stored = peekWorkspace(storage);
      if (stored === undefined || isOurs(stored) || stored.tabId === tabId) return;
      if (store.getState().workspaceMode !== 'saved') return;
      store.getState().setConflict({ savedAt: stored.savedAt });
    },
    dispose: () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
