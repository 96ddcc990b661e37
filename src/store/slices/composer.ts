import type { Scenario } from '../../scenarios/runtime';
import { deriveRequests } from '../derive-requests';
import { pathOf } from '../path';
import type { AppState, ComposerSlice, SliceArgs } from '../types';
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
      const log = [
        ...state.log,
        { user: state.user, command: state.command, files: state.files, namespace: state.namespace },
      ];
      const next = { ...sendAll(state, state.derived.requests), log };
      set({ ...next, ...computeCompare({ ...state, ...next } as AppState) });
    },
  };
}

/**
 * Sends each request in order against the world's cluster (later ones see earlier writes, as
 * with kubectl). An engine throw is a simulator bug: it is shown, and nothing crashes.
 */
function sendAll(
  state: AppState,
  requests: Extract<AppState['derived'], { ok: true }>['requests'],
): Partial<AppState> {
  const traces = [];
  try {
    for (const request of requests) traces.push(state.cluster.send(request, state.user));
  } catch (error) {
    return {
      traces,
      activeTrace: 0,
      runError: error instanceof Error ? error.message : String(error),
      status: 'idle',
      step: 0,
      selectedNode: undefined,
    };
  }
  const base = { traces, runError: undefined, selectedNode: undefined };
  if (state.reducedMotion) {
    // No movement: jump straight to the answer; Step and Restart still walk through it.
    const last = traces.length - 1;
    const lastTrace = traces[last];
    return { ...base, activeTrace: last, step: lastTrace ? pathOf(lastTrace).length : 0, status: 'done' };
  }
  return { ...base, activeTrace: 0, step: 0, status: 'playing' };
}
