import type { LessonStep, RequestExpectation, ScenarioDocument, StopStage } from '../format';
import type { RequestOutcome } from './expectation';

/** The learner's guess before playing: which stage stops the request, and with which status. */
export interface PredictionAnswer {
  readonly stage: StopStage;
  readonly status: number;
}

/** The right answer, with the reason the server gave (for the explanation). */
export interface PredictionTruth {
  readonly stage: StopStage;
  readonly status: number;
  readonly reason?: string;
}

export interface PredictionGrade {
  readonly right: boolean;
  readonly stageRight: boolean;
  readonly statusRight: boolean;
  readonly answer: PredictionAnswer;
  readonly truth: PredictionTruth;
}

/**
 * What a predicting step promises (its request's `expect`): undefined for a step that does not
 * predict, or whose request promises no stage (parse rejects that for files it reads).
 */
export function predictionTruth(doc: ScenarioDocument, step: LessonStep): PredictionTruth | undefined {
  if (step.predict !== true) return undefined;
  const expect: RequestExpectation | undefined = doc.spec.requests.find((r) => r.id === step.request)?.expect;
  if (expect?.stoppedAt === undefined) return undefined;
  return {
    stage: expect.stoppedAt,
    status: expect.status,
    ...(expect.reason === undefined ? {} : { reason: expect.reason }),
  };
}

/** The truth as the engine answered it (after playing: the learner may have changed the world). */
export function truthOf(outcome: RequestOutcome): PredictionTruth {
  return {
    stage: outcome.stoppedAt,
    status: outcome.status,
    ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
  };
}

/** Grades a prediction: right only when both the stage and the status are. */
export function gradePrediction(answer: PredictionAnswer, truth: PredictionTruth): PredictionGrade {
  const stageRight = answer.stage === truth.stage;
  const statusRight = answer.status === truth.status;
  return { right: stageRight && statusRight, stageRight, statusRight, answer, truth };
}
