import { checkExpectation, outcomeOf, runLessonRequest } from '../../scenarios/lesson/expectation';
import type { AppStore } from '../types';
import { attemptOf, type Prediction } from './lesson-model';
import { selectGuideStep, selectLessonKey } from './lesson-selectors';

/**
 * Plays the current step's request in the learner's world, as the composer sends it (so the
 * learner sees what went out), and records the prediction made before it with the outcome.
 */
export function playLessonStep(store: AppStore, prediction?: Prediction): void {
  const s = store.getState();
  const step = selectGuideStep(s);
  if (step?.request === undefined) return;
  if (s.scenario.examples.every((e) => e.id !== step.request)) return;
  s.setComposerMode('kubectl');
  s.loadExample(step.request);
  store.getState().send();
  const after = store.getState();
  after.recordStepAttempt(
    {
      lesson: selectLessonKey(after),
      step: step.id,
      ...(prediction === undefined ? {} : { prediction }),
      ...attemptOf(after.traces, after.output),
      logLength: after.log.length,
    },
    step.task === undefined,
  );
}

/**
 * Runs the current step's task check on a throwaway copy of the learner's world (the last good
 * scenario with this session's sends replayed): the world itself never changes.
 */
export function checkLessonTask(store: AppStore): void {
  const s = store.getState();
  const step = selectGuideStep(s);
  const task = step?.task;
  if (step === undefined || task === undefined) return;
  const copy = s.copyLessonWorld();
  const outcome = outcomeOf(runLessonRequest(copy, task.check, s.scenario.defaultNamespace));
  const checks = checkExpectation(task.check.expect, outcome);
  s.recordTaskCheck({
    lesson: selectLessonKey(s),
    step: step.id,
    ok: checks.every((c) => c.ok),
    outcome,
    checks,
  });
}
