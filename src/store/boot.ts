import { splitScenario } from '../scenarios/sources';
import { STARTER } from '../scenarios/starter';
import { type AutosaveController, startAutosave } from './autosave';
import { type AppStoreOptions, createAppStore } from './create-app-store';
import { type KeyValueStorage, readWorkspace } from './persistence';
import { readShareLink } from './share';
import { readLessonProgress, writeLessonProgress } from './slices/lesson-progress';
import type { AppStore, Notice, WorkspaceRestore } from './types';

export interface BootInput {
  readonly storage: KeyValueStorage;
  /** location.hash: a share link's `#scenario=…`. */
  readonly hash: string;
  readonly tabId: string;
  /** Composer and UI options (deep link, preferences). */
  readonly options: AppStoreOptions;
  /** A built-in lesson to open (`?lesson=<id>`), as an undoable step over the workspace. */
  readonly lesson?: string;
}

export interface Booted {
  readonly store: AppStore;
  readonly autosave: AutosaveController;
}

/**
 * Starts the app's state: a share link opens as a separate, unsaved workspace; otherwise the
 * saved workspace is restored (migrated if old, quarantined with a notice if unreadable); else
 * the starter world. Never throws for bad saved state or a bad link.
 */
export function bootWorkspace({ storage, hash, tabId, options, lesson }: BootInput): Booted {
  const notices: Notice[] = [];
  const saved = readWorkspace(storage);
  if (saved.kind === 'quarantined') {
    notices.push({
      id: 'quarantined',
      tone: 'warning',
      key: 'notice.quarantined',
      values: { key: saved.quarantineKey ?? '' },
      detail: saved.reason,
    });
  }
  if (saved.kind === 'loaded' && saved.migratedFrom !== undefined) {
    notices.push({
      id: 'migrated',
      tone: 'info',
      key: 'notice.migrated',
      values: { from: saved.migratedFrom },
    });
  }

  const shared = readShareLink(hash);
  let workspace: WorkspaceRestore | undefined =
    saved.kind === 'loaded' ? saved.envelope.workspace : undefined;
  let mode: 'saved' | 'shared' = 'saved';
  if (shared?.ok) {
    workspace = { sources: splitScenario(shared.value.document, shared.value.text), lessonId: 'starter' };
    mode = 'shared';
  } else if (shared !== undefined && !shared.ok) {
    const problem = shared.problems[0];
    notices.push({
      id: 'share-broken',
      tone: 'error',
      key: 'notice.shareBroken',
      detail:
        problem === undefined
          ? ''
          : `${problem.position === undefined ? '' : `line ${problem.position.line}, column ${problem.position.column}: `}${problem.message}`,
    });
  }

  const composer = workspace?.composer;
  const store = createAppStore(STARTER, {
    ...options,
    ...(workspace === undefined ? {} : { workspace }),
    ...(composer?.user && options.user === undefined ? { user: composer.user } : {}),
    ...(composer?.command && options.command === undefined ? { command: composer.command } : {}),
    ...(composer?.files === undefined ? {} : { files: composer.files }),
    workspaceMode: mode,
    notices,
    // Lesson progress is the learner's, whichever workspace is shown (a share link's too).
    lessonProgress: readLessonProgress(storage),
    saveLessonProgress: (progress) => writeLessonProgress(storage, progress),
  });
  // `?lesson=<id>`: opened over the workspace as an undoable step (unless it is already open).
  if (lesson !== undefined && store.getState().lessonId !== lesson) store.getState().openLesson(lesson);
  const autosave = startAutosave(store, storage, {
    tabId,
    ...(saved.kind === 'loaded' ? { loaded: saved.envelope } : {}),
  });
  return { store, autosave };
}
