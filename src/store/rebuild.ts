import { type Cluster, createCluster, kubectlToRequests, type Trace } from '../engine';
import type { ScenarioDocument } from '../scenarios/format';
import { toClusterSpec } from '../scenarios/runtime';
import { pathOf } from './path';
import type { AppState, LoggedSend } from './types';

/**
 * The simulated clock: starts at `epoch` and moves one second per reading, so a rebuilt world
 * that replays the same sends sees the same timestamps (and the same uids, from the fixed seed).
 */
export function clockFrom(epoch: number): () => Date {
  let ticks = 0;
  return () => new Date(epoch + ticks++ * 1000);
}

export function createWorldCluster(doc: ScenarioDocument, epoch: number): Cluster {
  return createCluster(toClusterSpec(doc, { now: clockFrom(epoch) }));
}

/** Sends one logged command; kubectl errors send nothing (as in the composer). */
export function sendLogged(cluster: Cluster, entry: LoggedSend, as: string = entry.user): Trace[] {
  let requests: ReturnType<typeof kubectlToRequests>;
  try {
    requests = kubectlToRequests(entry.command, { namespace: entry.namespace, files: entry.files });
  } catch {
    return [];
  }
  return requests.map((r) => cluster.send(r, as));
}

export interface BuiltWorld {
  readonly cluster: Cluster;
  /** The last send, run again on the rebuilt world; undefined when nothing was sent. */
  readonly traces: readonly Trace[] | undefined;
  /** The simulator threw (a bug): shown instead of a response. */
  readonly error: string | undefined;
}

/**
 * A fresh cluster from `doc` with every send but the last replayed, then the last one sent again:
 * its traces are what the graph shows after an edit. Never throws for a valid document.
 */
export function buildWorld(
  doc: ScenarioDocument,
  epoch: number,
  log: readonly LoggedSend[],
  lastAs?: string,
): BuiltWorld {
  const cluster = createWorldCluster(doc, epoch);
  const last = log.at(-1);
  try {
    for (const entry of log.slice(0, -1)) sendLogged(cluster, entry);
    const traces = last === undefined ? undefined : sendLogged(cluster, last, lastAs);
    return { cluster, traces, error: undefined };
  } catch (error) {
    return { cluster, traces: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/** The run state that shows `traces` at their end at once (an edit's new path, a restored workspace). */
export function runAtEnd(traces: readonly Trace[] | undefined, error: string | undefined): Partial<AppState> {
  if (error !== undefined)
    return {
      traces: traces ?? [],
      activeTrace: 0,
      runError: error,
      status: 'idle',
      step: 0,
      selectedNode: undefined,
    };
  if (traces === undefined || traces.length === 0)
    return { traces: [], activeTrace: 0, runError: undefined, status: 'idle', step: 0 };
  const last = traces.length - 1;
  const trace = traces[last] as Trace;
  return { traces, activeTrace: last, runError: undefined, status: 'done', step: pathOf(trace).length };
}
