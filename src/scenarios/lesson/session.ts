import {
  type Cluster,
  createCluster,
  type EngineExtensions,
  type KubectlRun,
  type Trace,
} from '../../engine';
import type { LessonRequest, LessonStep, LessonTask, RequestExpectation, ScenarioDocument } from '../format';
import { toClusterSpec } from '../runtime';
import {
  checkExpectation,
  type ExpectationCheck,
  outcomeOf,
  type RequestOutcome,
  runLessonRequest,
} from './expectation';

/**
 * The pure functions the guided-lesson UI calls (and the headless tests and grader build on): a
 * lesson played step by step on ONE cluster, state carrying over, as LESSON-FORMAT.md says.
 * Nothing here re-decides an outcome: every verdict compares what the engine returned with the
 * step's `expect`.
 */

export interface SessionOptions {
  /** The schemas and CEL: without them schema checks and CEL policies are skipped, as in the app. */
  readonly extensions?: EngineExtensions;
  /** The simulated clock's start (ms); the store's `epoch`. */
  readonly epoch?: number;
}

/** A lesson being played: the world every step runs on, and what was sent to it, in order. */
export interface LessonSession {
  readonly doc: ScenarioDocument;
  readonly cluster: Cluster;
  readonly namespace: string;
  /** Every request sent to `cluster` (step requests, applied solutions), for throwaway copies. */
  readonly log: LessonRequest[];
  readonly extensions: EngineExtensions;
  readonly epoch: number;
}

/** The store's default epoch (src/store/persistence.ts), so replays see the app's timestamps. */
export const LESSON_EPOCH = Date.parse('2025-01-01T09:00:00Z');

/** The simulated clock of a world: one second per reading, so a replay repeats (as the store's). */
function clockFrom(epoch: number): () => Date {
  let ticks = 0;
  return () => new Date(epoch + ticks++ * 1000);
}

/** A fresh world for `doc` with `log` replayed: a session's world, or a throwaway copy of it. */
export function replayWorld(
  doc: ScenarioDocument,
  log: readonly LessonRequest[],
  options: SessionOptions = {},
): Cluster {
  const cluster = createCluster({
    ...toClusterSpec(doc, { now: clockFrom(options.epoch ?? LESSON_EPOCH) }),
    extensions: options.extensions ?? {},
  });
  const namespace = doc.spec.defaultNamespace ?? 'default';
  for (const entry of log) runLessonRequest(cluster, entry, namespace);
  return cluster;
}

/** Starts `doc` as a lesson on a fresh cluster. */
export function startLesson(doc: ScenarioDocument, options: SessionOptions = {}): LessonSession {
  return {
    doc,
    cluster: replayWorld(doc, [], options),
    namespace: doc.spec.defaultNamespace ?? 'default',
    log: [],
    extensions: options.extensions ?? {},
    epoch: options.epoch ?? LESSON_EPOCH,
  };
}

/** The step at 1-based `index` (as `?step=` counts), or undefined. */
export function lessonStep(doc: ScenarioDocument, index: number): LessonStep | undefined {
  return doc.spec.lesson?.steps?.[index - 1];
}

/** A run held to an expectation: what happened, each field compared, and whether all matched. */
export interface RunJudgement {
  readonly outcome: RequestOutcome;
  readonly checks: readonly ExpectationCheck[];
  /** Every field of `expect` matched (no expect: true, nothing to hold it to). */
  readonly matched: boolean;
}

/** Holds a kubectl run (from the store or a session) to `expect`; the LAST request decides. */
export function judgeRun(run: KubectlRun, expect: RequestExpectation | undefined): RunJudgement {
  const outcome = outcomeOf(run);
  const checks = expect === undefined ? [] : checkExpectation(expect, outcome);
  return { outcome, checks, matched: checks.every((c) => c.ok) };
}

/** One step played: its request's run (when it has one) and its verdict. */
export interface StepPlay extends Partial<RunJudgement> {
  readonly index: number;
  readonly step: LessonStep;
  /** The spec.requests entry the step played. */
  readonly request?: LessonRequest & { readonly id: string; readonly expect?: RequestExpectation };
  /** Every request the command sent; the last is the one `expect` holds. */
  readonly traces: readonly Trace[];
  /** What went wrong with the step itself (an unknown request id). */
  readonly problem?: string;
}

/**
 * Plays step `index` (1-based) on the session's world: its request is sent (and logged), so later
 * steps see what it changed. A step without a request plays nothing and has no verdict.
 */
export function playStep(session: LessonSession, index: number): StepPlay {
  const step = lessonStep(session.doc, index);
  if (step === undefined) throw new Error(`lesson ${session.doc.metadata.name} has no step ${index}`);
  if (step.request === undefined) return { index, step, traces: [] };
  const request = session.doc.spec.requests.find((r) => r.id === step.request);
  if (request === undefined)
    return { index, step, traces: [], problem: `request "${step.request}" not found` };
  const run = runLessonRequest(session.cluster, request, session.namespace);
  session.log.push(toLessonRequest(request));
  return { index, step, request, traces: run.traces, ...judgeRun(run, request.expect) };
}

/** Whether a task's goal is met, judged by its `check` on a throwaway copy of a world. */
export interface TaskCheck extends RunJudgement {
  readonly met: boolean;
}

/**
 * Runs `task.check` on `copy()` — a throwaway world equal to the learner's (the UI passes one
 * rebuilt from its scenario and log) — so checking never changes the learner's world.
 */
export function checkTask(task: LessonTask, copy: () => Cluster, namespace: string): TaskCheck {
  const judged = judgeRun(runLessonRequest(copy(), task.check, namespace), task.check.expect);
  return { ...judged, met: judged.matched };
}

/** `checkTask` on a copy of the session's world (replayed from its log). */
export function checkSessionTask(session: LessonSession, task: LessonTask): TaskCheck {
  return checkTask(task, () => replayWorld(session.doc, session.log, session), session.namespace);
}

/** Applies a task's solution to the session's world as a real request (tests, the grader). */
export function applySolution(session: LessonSession, task: LessonTask): RequestOutcome | undefined {
  if (task.solution === undefined) return undefined;
  const run = runLessonRequest(session.cluster, task.solution, session.namespace);
  session.log.push(toLessonRequest(task.solution));
  return outcomeOf(run);
}

function toLessonRequest(r: LessonRequest): LessonRequest {
  return { user: r.user, command: r.command, ...(r.files === undefined ? {} : { files: r.files }) };
}
