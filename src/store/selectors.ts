import type { Trace } from '../engine/types';
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
