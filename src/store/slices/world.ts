import { type BuiltInScenario, builtInScenario, loadBuiltInScenario } from '../../scenarios/registry';
import { type Scenario, toRuntimeScenario } from '../../scenarios/runtime';
import { assembleScenario, type ScenarioSources, splitScenario } from '../../scenarios/sources';
import { deriveRequests } from '../derive-requests';
import { buildWorld, createWorldCluster, runAtEnd } from '../rebuild';
import type { AppState, HistoryEntry, SliceArgs, WorkspaceRestore, WorldSlice } from '../types';
import { computeCompare } from './compare';
import { knownUser } from './composer';

/**
 * Runs `use` on the built-in `id` (or the starter when `fallback`): at once when its file is
 * already loaded, so a lesson opened twice is a synchronous step; after fetching it otherwise
 * (each lesson is its own chunk). Unknown ids do nothing.
 */
function withBuiltIn(id: string, use: (lesson: BuiltInScenario) => void, fallback = true): Promise<void> {
  const cached = builtInScenario(id);
  if (cached !== undefined) {
    use(cached);
    return Promise.resolve();
  }
  return loadBuiltInScenario(id).then(async (lesson) => {
    const found = lesson ?? (fallback ? await loadBuiltInScenario('starter') : undefined);
    if (found !== undefined) use(found);
  });
}

/** Undo steps kept (and saved): enough for a lesson, small enough for localStorage. */
export const MAX_HISTORY = 40;
/** Edits to the same tab closer together than this are one undo step (typing). */
const COALESCE_MS = 1500;

/** A saved or shared workspace, as the store restores it. */
export type WorkspaceInit = WorkspaceRestore;

export interface WorldInit {
  readonly workspace?: WorkspaceInit;
  /** Clock start for a new workspace (tests pass a fixed one). */
  readonly epoch?: number;
}

const sameLabel = (a: HistoryEntry['label'], b: HistoryEntry['label']) =>
  a.key === b.key && JSON.stringify(a.values ?? {}) === JSON.stringify(b.values ?? {});

/**
 * The state after `sources` become current: a valid world is rebuilt and the session's sends
 * replayed (the last one shown at its end); a broken one keeps its text, shows its problems and
 * leaves the last good world running.
 */
export function applySources(s: AppState, sources: ScenarioSources, log = s.log): Partial<AppState> {
  const assembled = assembleScenario(sources);
  if (assembled.document === undefined) return { sources, problems: assembled.problems, log };
  const document = assembled.document;
  const scenario = toRuntimeScenario(document);
  const next: Partial<AppState> = {
    sources,
    problems: {},
    previousDocument: s.scenario.document === document ? s.previousDocument : s.scenario.document,
    user: knownUser(scenario, s.user),
    ...rebuiltWorld(s, scenario, log),
  };
  return { ...next, ...computeCompare({ ...s, ...next } as AppState) };
}

/** A fresh cluster for `scenario` with `log` replayed, the last send shown at its end. */
function rebuiltWorld(s: AppState, scenario: Scenario, log: AppState['log']): Partial<AppState> {
  const built = buildWorld(scenario.document, s.epoch, log);
  return {
    log,
    scenario,
    cluster: built.cluster,
    worldVersion: s.worldVersion + 1,
    worldRevision: built.revision,
    ...runAtEnd(built.traces, built.error, { output: built.output, revisionBefore: built.revisionBefore }),
  };
}

export function createWorldSlice(
  scenario: Scenario,
  init: WorldInit,
  ...[set, get]: SliceArgs
): { slice: WorldSlice; initialRun: Partial<AppState> } {
  const workspace = init.workspace;
  const epoch = workspace?.epoch ?? init.epoch ?? Date.parse('2025-01-01T09:00:00Z');
  const sources = workspace?.sources ?? splitScenario(scenario.document);
  const assembled =
    workspace === undefined ? { document: scenario.document, problems: {} } : assembleScenario(sources);
  const document = assembled.document ?? scenario.document;
  const log = workspace?.log ?? [];
  const built = buildWorld(document, epoch, log);

  const commit = (next: Partial<AppState>) => set(next);

  const slice: WorldSlice = {
    scenario: assembled.document === undefined ? scenario : toRuntimeScenario(document),
    cluster: built.cluster,
    worldVersion: 0,
    worldRevision: built.revision,
    sources,
    problems: assembled.problems,
    lessonId: workspace?.lessonId ?? scenario.id,
    log,
    epoch,
    past: workspace?.past ?? [],
    future: workspace?.future ?? [],
    previousDocument: undefined,
    extensionsPending: false,
    resetWorld: () =>
      set((s) => {
        const cluster = createWorldCluster(s.scenario.document, s.epoch);
        return {
          cluster,
          worldVersion: s.worldVersion + 1,
          worldRevision: cluster.storage.revision,
          revisionBefore: cluster.storage.revision,
          output: undefined,
          log: [],
          traces: [],
          activeTrace: 0,
          runError: undefined,
          status: 'idle',
          step: 0,
          selectedNode: undefined,
          compareTraces: undefined,
        };
      }),
    applyExtensions: () => {
      const s = get();
      // Never cut a running animation short: the store retries once playback stops (create-app-store).
      if (s.status === 'playing') {
        set({ extensionsPending: true });
        return;
      }
      // The last good world, rebuilt with the extensions; a broken edit keeps its text and problems.
      const next = { extensionsPending: false, ...rebuiltWorld(s, s.scenario, s.log) };
      set({ ...next, ...computeCompare({ ...s, ...next } as AppState) });
    },
    editSource: (id, text, options = {}) => {
      const s = get();
      if (s.sources.texts[id] === text) return;
      const label = options.label ?? { key: 'history.edit', values: { tab: id } };
      const now = Date.now();
      const last = s.past.at(-1);
      const merge =
        options.coalesce === true &&
        last !== undefined &&
        sameLabel(last.label, label) &&
        now - last.at < COALESCE_MS;
      const past = merge
        ? [...s.past.slice(0, -1), { ...last, at: now }]
        : [...s.past, { label, sources: s.sources, at: now }].slice(-MAX_HISTORY);
      const sources: ScenarioSources = { ...s.sources, texts: { ...s.sources.texts, [id]: text } };
      commit({ past, future: [], ...applySources(s, sources) });
    },
    replaceScenario: (sources, label, lessonId) => {
      const s = get();
      const past = [...s.past, { label, sources: s.sources, at: Date.now() }].slice(-MAX_HISTORY);
      commit({
        past,
        future: [],
        ...(lessonId === undefined ? {} : { lessonId }),
        ...applySources(s, sources, []),
      });
    },
    resetToLesson: () =>
      withBuiltIn(get().lessonId, (lesson) =>
        get().replaceScenario(
          splitScenario(lesson.scenario.document, lesson.text),
          { key: 'history.resetToLesson' },
          lesson.id,
        ),
      ),
    openLesson: (id) =>
      withBuiltIn(
        id,
        (lesson) =>
          get().replaceScenario(
            splitScenario(lesson.scenario.document, lesson.text),
            { key: 'history.openLesson', values: { name: lesson.id } },
            lesson.id,
          ),
        false,
      ),
    undo: () => {
      const s = get();
      const entry = s.past.at(-1);
      if (entry === undefined) return;
      const future = [{ label: entry.label, sources: s.sources, at: Date.now() }, ...s.future].slice(
        0,
        MAX_HISTORY,
      );
      commit({ past: s.past.slice(0, -1), future, ...applySources(s, entry.sources) });
    },
    redo: () => {
      const s = get();
      const entry = s.future[0];
      if (entry === undefined) return;
      const past = [...s.past, { label: entry.label, sources: s.sources, at: 0 }].slice(-MAX_HISTORY);
      commit({ past, future: s.future.slice(1), ...applySources(s, entry.sources) });
    },
    loadWorkspace: (ws) => {
      const s = get();
      const epoch = ws.epoch ?? s.epoch;
      const command = ws.composer?.command ?? s.command;
      const files = ws.composer?.files ?? s.files;
      const base = { ...s, epoch, ...(ws.composer?.user === undefined ? {} : { user: ws.composer.user }) };
      commit({
        lessonId: ws.lessonId,
        epoch,
        past: ws.past ?? [],
        future: ws.future ?? [],
        command,
        files,
        derived: deriveRequests(command, s.namespace, files),
        selectedNode: undefined,
        ...applySources(base, ws.sources, ws.log ?? []),
      });
    },
  };
  return {
    slice,
    initialRun: runAtEnd(built.traces, built.error, {
      output: built.output,
      revisionBefore: built.revisionBefore,
    }),
  };
}
