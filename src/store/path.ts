import { STAGES, type StageName, type StageResult, type Trace } from '../engine';

/** Every node the graph draws: the seven stages plus the client that sends and etcd that stores. */
export type NodeId = StageName | 'client' | 'etcd';

/** How a node looks at one moment of playback. */
export type NodeOutcome = 'pending' | 'active' | 'passed' | 'failed' | 'skipped';

/** One move of the request token along an edge. `response` hops carry the status back. */
export interface Hop {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly kind: 'request' | 'response';
}

/** The id of the graph edge a hop travels. */
export function edgeIdOf(hop: Pick<Hop, 'from' | 'to'>): string {
  return `${hop.from}->${hop.to}`;
}

/**
 * Where the request stops moving forward: the stage that failed, or — when an early answer left
 * later stages "not reached" without a failure (an unknown resource) — the last stage it reached.
 * Returns undefined when every stage ran. Reads the Trace; never re-decides an outcome.
 */
function lastStageReached(stages: readonly StageResult[]): number | undefined {
  const failed = stages.findIndex((s) => s.outcome === 'failed');
  if (failed !== -1) return failed;
  const notReached = stages.findIndex((s) => s.message.id === 'stage.notReached');
  if (notReached > 0) return notReached - 1;
  return undefined;
}

const pathCache = new WeakMap<Trace, readonly Hop[]>();

/**
 * The hops the token makes for a trace: client → each stage in order until one failed → back to
 * the client with the status; when every stage ran and storage touched etcd → etcd → client.
 * Cached per trace object so selectors can call it freely.
 */
export function pathOf(trace: Trace): readonly Hop[] {
  const cached = pathCache.get(trace);
  if (cached !== undefined) return cached;
  const stages = orderedStages(trace);
  const stop = lastStageReached(stages);
  const visited = stages.slice(0, stop === undefined ? stages.length : stop + 1).map((s) => s.stage);
  const hops: Hop[] = [];
  let at: NodeId = 'client';
  for (const stage of visited) {
    hops.push({ from: at, to: stage, kind: 'request' });
    at = stage;
  }
  const storage = stages.find((s) => s.stage === 'storage');
  if (stop === undefined && storage?.outcome === 'passed') {
    hops.push({ from: at, to: 'etcd', kind: 'request' });
    at = 'etcd';
  }
  hops.push({ from: at, to: 'client', kind: 'response' });
  pathCache.set(trace, hops);
  return hops;
}

/** The trace's stage results in pipeline order (the engine lists them so; this guards the UI). */
function orderedStages(trace: Trace): StageResult[] {
  return STAGES.flatMap((name) => trace.stages.filter((s) => s.stage === name));
}

/** The node the token rests on after `step` hops. */
export function tokenNodeAt(trace: Trace, step: number): NodeId {
  const hops = pathOf(trace);
  if (step <= 0) return 'client';
  return hops[Math.min(step, hops.length) - 1]?.to ?? 'client';
}

/** Whether the token has made every hop of the trace. */
export function isPathDone(trace: Trace, step: number): boolean {
  return step >= pathOf(trace).length;
}

/** The stage that decided the request: the failed one, else the last one that ran (storage). */
export function decidingStage(trace: Trace): StageName {
  const hops = pathOf(trace);
  for (let i = hops.length - 1; i >= 0; i--) {
    const to = hops[i]?.to;
    if (to !== undefined && to !== 'client' && to !== 'etcd') return to;
  }
  return 'storage';
}

/**
 * How `node` looks after `step` hops: pending before the token arrives, active while it sits
 * there, then the stage's own outcome. Stages after a failure turn "skipped" once the failure
 * is revealed (the token leaves the failed stage). The client shows the response's class at
 * the end; etcd is skipped when the path never reaches it.
 */
export function nodeStateAt(trace: Trace, step: number, node: NodeId): NodeOutcome {
  const hops = pathOf(trace);
  const last = hops.length;
  const done = step >= last;
  if (node === 'client') {
    if (done) return trace.response.status < 400 ? 'passed' : 'failed';
    return step === 0 ? 'active' : 'pending';
  }
  const arrival = hops.findIndex((h) => h.to === node && h.kind === 'request') + 1;
  if (arrival === 0) {
    // Not on the path: revealed as skipped once the token turns back.
    const turn = hops.findIndex((h) => h.kind === 'response');
    return step > turn ? 'skipped' : 'pending';
  }
  if (step < arrival) return 'pending';
  if (step === arrival) return 'active';
  if (node === 'etcd') return 'passed';
  const result = trace.stages.find((s) => s.stage === node);
  return result?.outcome ?? 'skipped';
}
