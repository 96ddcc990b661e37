/**
 * The lesson player: pure functions the guided-lesson UI, the headless tests and the grader call.
 * See session.ts (a lesson on one world, step by step, tasks on throwaway copies), prediction.ts,
 * text.ts (texts per language, with English fallback) and player.ts (a whole lesson, headless).
 */
export {
  checkExpectation,
  type ExpectationCheck,
  outcomeOf,
  type RequestOutcome,
  runLessonRequest,
} from './expectation';
export {
  type LessonVerdict,
  type PlayOptions,
  playLesson,
  type RequestVerdict,
  type StepVerdict,
  type TaskVerdict,
} from './player';
export {
  gradePrediction,
  type PredictionAnswer,
  type PredictionGrade,
  type PredictionTruth,
  predictionTruth,
  truthOf,
} from './prediction';
export {
  applySolution,
  checkSessionTask,
  checkTask,
  judgeRun,
  LESSON_EPOCH,
  type LessonSession,
  lessonStep,
  playStep,
  type RunJudgement,
  replayWorld,
  type SessionOptions,
  type StepPlay,
  startLesson,
  type TaskCheck,
} from './session';
export { type LessonText, lessonText, missingTranslations } from './text';
