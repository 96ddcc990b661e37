import type { StorageDetails, Trace } from '../engine';
import {
  decidingStage,
  isPathDone,
  type NodeId,
  type NodeOutcome,
  nodeStateAt,
  pathOf,
  tokenNodeAt,
} from './path';
import type { AppState } from './types';

/** Module-level selectors: stable references, so components re-render only on what they read. */
export const selectStatus = (s: AppState) => s.status;
export const selectStep = (s: AppState) => s.step;
export const selectSpeed = (s: AppState) => s.speed;
export const selectTraces = (s: AppState) => s.traces;
export const selectActiveTraceIndex = (s: AppState) => s.activeTrace;
export const selectRunError = (s: AppState) => s.runError;
export const selectUser = (s: AppState) => s.user;
export const selectCommand = (s: AppState) => s.command;
export const selectFiles = (s: AppState) => s.files;
export const selectDerived = (s: AppState) => s.derived;
export const selectScenario = (s: AppState) => s.scenario;
export const selectUsers = (s: AppState) => s.cluster.users;
export const selectTheme = (s: AppState) => s.theme;
export const selectTextSize = (s: AppState) => s.textSize;
export const selectReducedMotion = (s: AppState) => s.reducedMotion;
export const selectSelectedNode = (s: AppState) => s.selectedNode;
export const selectWorldVersion = (s: AppState) => s.worldVersion;

export const selectActiveTrace = (s: AppState): Trace | undefined => s.traces[s.activeTrace];

/** Whether the token has reached the end of the active trace (so its response may be shown). */
export const selectResponseRevealed = (s: AppState): boolean => {
  const trace = selectActiveTrace(s);
  return trace !== undefined && isPathDone(trace, s.step);
};

/** How one node looks right now; `pending` before any send. */
export function selectNodeOutcome(node: NodeId): (s: AppState) => NodeOutcome {
  return (s) => {
    const trace = selectActiveTrace(s);
    return trace === undefined ? 'pending' : nodeStateAt(trace, s.step, node);
  };
}

/** The node the token sits on, or undefined before any send. */
export const selectTokenNode = (s: AppState): NodeId | undefined => {
  const trace = selectActiveTrace(s);
  return trace === undefined ? undefined : tokenNodeAt(trace, s.step);
};

/**
 * What the inspector shows: the learner's pick; else, while playing, the stage the token is on;
 * else the stage that decided the request.
 */
export const selectInspectedNode = (s: AppState): NodeId | undefined => {
  if (s.selectedNode !== undefined) return s.selectedNode;
  const trace = selectActiveTrace(s);
  if (trace === undefined) return undefined;
  if (!isPathDone(trace, s.step)) {
    const at = tokenNodeAt(trace, s.step);
    if (at !== 'client') return at === 'etcd' ? 'storage' : at;
  }
  return decidingStage(trace);
};

/** The hop count of the active trace's path (0 before any send). */
export const selectPathLength = (s: AppState): number => {
  const trace = selectActiveTrace(s);
  return trace === undefined ? 0 : pathOf(trace).length;
};

export const selectCluster = (s: AppState) => s.cluster;
export const selectOutput = (s: AppState) => s.output;
export const selectComposerMode = (s: AppState) => s.composerMode;
export const selectDetailsTab = (s: AppState) => s.detailsTab;
export const selectWorldRevision = (s: AppState) => s.worldRevision;
export const selectNamespace = (s: AppState) => s.namespace;
/** etcd's revision now: the cluster's etcd is mutable, and every send or rebuild sets new state. */
export const selectEtcdRevision = (s: AppState) => s.cluster.storage.revision;
/** Who the last send went as (the picker may have moved on since). */
export const selectRunUser = (s: AppState) => s.log.at(-1)?.user ?? s.user;

/** The storage stage's details, when the trace's path went on to etcd. */
function storageWrite(trace: Trace): StorageDetails | undefined {
  if (!pathOf(trace).some((hop) => hop.to === 'etcd')) return undefined;
  return trace.stages.find((stage) => stage.stage === 'storage')?.details as StorageDetails | undefined;
}

/** Whether the token has arrived at etcd on the active trace (or the trace is already behind it). */
function hasReachedEtcd(trace: Trace, step: number): boolean {
  const arrival = pathOf(trace).findIndex((hop) => hop.to === 'etcd');
  return arrival !== -1 && step > arrival;
}

/**
 * The etcd key the request touched, once the token reaches etcd: the key written or read (a
 * deletecollection's first key). None for a dry run, a list or a request that stored nothing.
 */
export const selectEtcdHighlightKey = (s: AppState): string | undefined => {
  const trace = selectActiveTrace(s);
  if (trace === undefined || !hasReachedEtcd(trace, s.step)) return undefined;
  const details = storageWrite(trace);
  if (details === undefined || details.dryRun === true) return undefined;
  if (details.operation === 'none' || details.operation === 'list' || details.operation === 'watch')
    return undefined;
  const key = details.operation === 'deletecollection' ? details.keys?.[0] : details.key;
  return key === '' ? undefined : key;
};

/**
 * The etcd revision the animation has shown so far: the revision before the run, raised by each
 * request whose token has reached etcd. Undefined once the whole run has played (show everything).
 */
export const selectVisibleRevision = (s: AppState): number | undefined => {
  const last = s.traces.length - 1;
  if (s.traces.length === 0 || (s.activeTrace === last && s.status === 'done')) return undefined;
  let revision = s.revisionBefore;
  s.traces.forEach((trace, index) => {
    const reached = index < s.activeTrace || (index === s.activeTrace && hasReachedEtcd(trace, s.step));
    const details = reached ? storageWrite(trace) : undefined;
    if (details !== undefined && details.dryRun !== true) revision = Math.max(revision, details.revision);
  });
  return revision;
};
export const selectEpoch = (s: AppState) => s.epoch;
