import { type Cluster, createCluster, type KubectlRun, type Trace } from '../engine';
import type { ScenarioDocument } from '../scenarios/format';
import { toClusterSpec } from '../scenarios/runtime';
import { getExtensionsSnapshot } from './extensions';
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

/**
 * A cluster for `doc`, with the engine extensions (schemas, CEL) once they have loaded: until then
 * schema checks and CEL policies are skipped, and `applyExtensions` rebuilds the world with them.
 */
export function createWorldCluster(doc: ScenarioDocument, epoch: number): Cluster {
  return createCluster({
    ...toClusterSpec(doc, { now: clockFrom(epoch) }),
    extensions: getExtensionsSnapshot().extensions ?? {},
    // The app's learner has run kubectl on this machine before, so its discovery is cached and a
    // command's traces are its own requests; headless callers get a new machine by default.
    kubectlCache: 'warm',
  });
}

/**
 * Sends one logged entry as the composer did: a raw request as itself, a command through kubectl
 * (follow-ups decided by the responses). kubectl's own errors send nothing and only print.
 */
export function runLogged(cluster: Cluster, entry: LoggedSend, as: string = entry.user): KubectlRun {
  if (entry.raw !== undefined) {
    // One request, no kubectl: one trace and nothing printed.
    const trace = cluster.send(entry.raw, as);
    return { traces: [trace], output: '', exitCode: trace.response.status < 400 ? 0 : 1 };
  }
  return cluster.kubectl(entry.command, as, { namespace: entry.namespace, files: entry.files });
}

/** The traces of one logged entry (see runLogged). */
export function sendLogged(cluster: Cluster, entry: LoggedSend, as: string = entry.user): Trace[] {
  return [...runLogged(cluster, entry, as).traces];
}

export interface BuiltWorld {
  readonly cluster: Cluster;
  /** etcd's revision before any logged send was replayed. */
  readonly revision: number;
  /** etcd's revision just before the last send was replayed. */
  readonly revisionBefore: number;
  /** The last send, run again on the rebuilt world; undefined when nothing was sent. */
  readonly traces: readonly Trace[] | undefined;
  /** What kubectl printed for the last send. */
  readonly output: string | undefined;
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
  const revision = cluster.storage.revision;
  const last = log.at(-1);
  let revisionBefore = revision;
  try {
    for (const entry of log.slice(0, -1)) runLogged(cluster, entry);
    revisionBefore = cluster.storage.revision;
    const run = last === undefined ? undefined : runLogged(cluster, last, lastAs);
    return {
      cluster,
      revision,
      revisionBefore,
      traces: run === undefined ? undefined : [...run.traces],
      output: run?.output,
      error: undefined,
    };
  } catch (error) {
    return {
      cluster,
      revision,
      revisionBefore,
      traces: [],
      output: undefined,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** The run state that shows `traces` at their end at once (an edit's new path, a restored workspace). */
export function runAtEnd(
  traces: readonly Trace[] | undefined,
  error: string | undefined,
  extra: Pick<AppState, 'output' | 'revisionBefore'> = { output: undefined, revisionBefore: 0 },
): Partial<AppState> {
  if (error !== undefined)
    return {
      ...extra,
      traces: traces ?? [],
      activeTrace: 0,
      runError: error,
      status: 'idle',
      step: 0,
      selectedNode: undefined,
    };
  if (traces === undefined || traces.length === 0)
    return { ...extra, traces: [], activeTrace: 0, runError: undefined, status: 'idle', step: 0 };
  const last = traces.length - 1;
  const trace = traces[last] as Trace;
  return {
    ...extra,
    traces,
    activeTrace: last,
    runError: undefined,
    status: 'done',
    step: pathOf(trace).length,
  };
}
