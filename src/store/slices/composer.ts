import type { KubectlRun } from '../../engine';
import type { Scenario } from '../../scenarios/runtime';
import { deriveRequests } from '../derive-requests';
import { pathOf } from '../path';
import { runLogged } from '../rebuild';
import type { AppState, ComposerSlice, LoggedSend, SliceArgs } from '../types';
import { computeCompare } from './compare';

export interface ComposerInit {
  readonly user?: string;
  readonly command?: string;
  readonly files?: Readonly<Record<string, string>>;
}

/** The picker name if the scenario knows it, else the scenario's default user. */
export function knownUser(scenario: Scenario, user: string | undefined): string {
  const users = scenario.cluster.users ?? [];
  return users.some((u) => u.name === user) ? (user as string) : scenario.defaultUser;
}

export function createComposerSlice(
  scenario: Scenario,
  init: ComposerInit,
  ...[set, get]: SliceArgs
): ComposerSlice {
  const command = init.command ?? '';
  const namespace = scenario.defaultNamespace;
  const files = { ...init.files };
  return {
    user: knownUser(scenario, init.user),
    command,
    files,
    namespace,
    derived: deriveRequests(command, namespace, files),
    setUser: (user) => set((s) => ({ user: knownUser(s.scenario, user) })),
    setCommand: (next) =>
      set((s) => ({ command: next, derived: deriveRequests(next, s.namespace, s.files) })),
    setFile: (name, content) =>
      set((s) => {
        const files = { ...s.files, [name]: content };
        return { files, derived: deriveRequests(s.command, s.namespace, files) };
      }),
    loadExample: (id) => {
      const example = get().scenario.examples.find((e) => e.id === id);
      if (example === undefined) return;
      const files = { ...example.files };
      set((s) => ({
        user: knownUser(s.scenario, example.user),
        command: example.command,
        files,
        derived: deriveRequests(example.command, s.namespace, files),
      }));
    },
    send: () => {
      const state = get();
      if (!state.derived.ok || state.derived.requests.length === 0) return;
      sendEntry(state, set, {
        user: state.user,
        command: state.command,
        files: state.files,
        namespace: state.namespace,
      });
    },
    playCommand: (user, command) => {
      set((s) => ({
        composerMode: 'kubectl',
        user: knownUser(s.scenario, user),
        command,
        derived: deriveRequests(command, s.namespace, s.files),
      }));
      get().send();
    },
    sendRaw: (request) => {
      const state = get();
      sendEntry(state, set, {
        user: state.user,
        command: '',
        files: {},
        namespace: state.namespace,
        raw: request,
      });
    },
  };
}

/** Runs one send, logs it for replays and starts its playback (compare mode follows). */
function sendEntry(state: AppState, set: SliceArgs[0], entry: LoggedSend): void {
  const log = [...state.log, entry];
  const next = { ...runEntry(state, entry), log };
  set({ ...next, ...computeCompare({ ...state, ...next } as AppState) });
}

/**
 * Runs the entry against the world's cluster as kubectl would (later requests see earlier writes
 * and follow-ups depend on the answers). An engine throw is a simulator bug: it is shown, and
 * nothing crashes.
 */
function runEntry(state: AppState, entry: LoggedSend): Partial<AppState> {
  const revisionBefore = state.cluster.storage.revision;
  let run: KubectlRun;
  try {
    run = runLogged(state.cluster, entry);
  } catch (error) {
    return {
      traces: [],
      output: undefined,
      revisionBefore,
      activeTrace: 0,
      runError: error instanceof Error ? error.message : String(error),
      status: 'idle',
      step: 0,
      selectedNode: undefined,
    };
  }
  const traces = run.traces;
  const base = {
    traces,
    output: entry.raw === undefined ? run.output : undefined,
    revisionBefore,
    runError: undefined,
    selectedNode: undefined,
  };
  // kubectl refused before sending anything: only its output to show.
  if (traces.length === 0) return { ...base, activeTrace: 0, step: 0, status: 'idle' };
  if (state.reducedMotion) {
    // No movement: jump straight to the answer; Step and Restart still walk through it.
    const last = traces.length - 1;
    const lastTrace = traces[last];
    return { ...base, activeTrace: last, step: lastTrace ? pathOf(lastTrace).length : 0, status: 'done' };
  }
  return { ...base, activeTrace: 0, step: 0, status: 'playing' };
}
