import type { StageResult, Trace } from '../../engine';
import type { LessonStep, StopStage } from '../../scenarios/format';
import { type ExpectationCheck, outcomeOf, type RequestOutcome } from '../../scenarios/lesson/expectation';

/** The learner's guess before a step's request plays: where it stops and what comes back. */
export interface Prediction {
  readonly stoppedAt: StopStage;
  readonly status: number;
}

/** A step's request as the learner played it in their world (this session only). */
export interface StepAttempt {
  readonly lesson: string;
  readonly step: string;
  readonly prediction?: Prediction;
  /** What the command's last request did (the Trace decides; the UI never re-decides it). */
  readonly outcome: RequestOutcome;
  /** The stage whose explanation says why: the stopping stage, or the deciding one of a success. */
  readonly why?: StageResult;
  /** The session's send count right after this play: later sends mean the graph shows another run. */
  readonly logLength: number;
}

/** A task's check, run on a throwaway copy of the learner's world. */
export interface TaskCheckResult {
  readonly lesson: string;
  readonly step: string;
  readonly ok: boolean;
  readonly outcome: RequestOutcome;
  readonly checks: readonly ExpectationCheck[];
}

/** How a prediction compares with what happened. */
export interface PredictionVerdict {
  readonly stoppedAt: boolean;
  readonly status: boolean;
}

export function judgePrediction(prediction: Prediction, outcome: RequestOutcome): PredictionVerdict {
  return {
    stoppedAt: prediction.stoppedAt === outcome.stoppedAt,
    status: prediction.status === outcome.status,
  };
}

/** The outcome of a run and the stage that explains it, from the run's traces. */
export function attemptOf(
  traces: readonly Trace[],
  output: string | undefined,
): { outcome: RequestOutcome; why?: StageResult } {
  const outcome = outcomeOf({ traces, output: output ?? '', exitCode: 0 });
  const last = traces.at(-1);
  if (last === undefined) return { outcome };
  // A success is explained by the last stage that ran (storage, or the last one a read reached).
  const why =
    outcome.stoppedAt === 'none'
      ? last.stages.findLast((s) => s.outcome === 'passed')
      : last.stages.find((s) => s.stage === outcome.stoppedAt);
  return why === undefined ? { outcome } : { outcome, why };
}

/** A step with nothing to do (no request, no task) is done once it has been shown. */
export function isReadingStep(step: LessonStep): boolean {
  return step.request === undefined && step.task === undefined;
}

/** The status codes offered for a prediction: the usual ones, plus the expected one if unusual. */
const COMMON_STATUSES = [200, 201, 400, 401, 403, 404, 409, 422, 500] as const;

export function statusChoices(expected: number | undefined): readonly number[] {
  const all = new Set<number>(COMMON_STATUSES);
  if (expected !== undefined) all.add(expected);
  return [...all].sort((a, b) => a - b);
}
