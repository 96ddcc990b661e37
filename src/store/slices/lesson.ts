import type { Cluster } from '../../engine';
import { buildWorld } from '../rebuild';
import type { AppState, SliceArgs } from '../types';
import type { StepAttempt, TaskCheckResult } from './lesson-model';
import { attemptKey, lessonStepsOf, selectLessonKey } from './lesson-selectors';

/** Step ids done, per lesson id: kept in the browser (lesson-progress.ts). */
export type LessonProgress = Readonly<Record<string, readonly string[]>>;

/**
 * Guided mode: which step of the open lesson is shown, the learner's plays and task checks, and
 * progress. The step and the hidden flag belong to one lesson: opening another starts at its
 * first step, shown. Playing a step and checking a task live in lesson-actions.ts, which only
 * the (lazy) lesson panel loads, so the entry chunks carry only this state.
 */
export interface LessonSlice {
  readonly guide: { readonly lesson: string; readonly step: number; readonly hidden: boolean };
  /** Per `${lesson}/${step}`, this session's play of the step's request. */
  readonly attempts: Readonly<Record<string, StepAttempt>>;
  /** Per `${lesson}/${step}`, the last check of the step's task. */
  readonly taskChecks: Readonly<Record<string, TaskCheckResult>>;
  readonly lessonProgress: LessonProgress;
  readonly lessonIndexOpen: boolean;
  /** Shows step `index` of the open lesson (clamped); a step pointing into an editor opens that tab. */
  goToLessonStep(index: number): void;
  setGuideHidden(hidden: boolean): void;
  setLessonIndexOpen(open: boolean): void;
  /** Records a play of a step (a request step without a task is done by it). */
  recordStepAttempt(attempt: StepAttempt, done: boolean): void;
  /** Records a task check (a passing one marks the step done). */
  recordTaskCheck(result: TaskCheckResult): void;
  markLessonStepDone(lesson: string, step: string): void;
  /** A throwaway copy of the learner's world: the last good scenario with this session's sends replayed. */
  copyLessonWorld(): Cluster;
}

export interface LessonInit {
  readonly lessonProgress?: LessonProgress;
  /** Called with the whole progress after every change (the app saves it in localStorage). */
  readonly saveLessonProgress?: (progress: LessonProgress) => void;
}

export function createLessonSlice(init: LessonInit, ...[set, get]: SliceArgs): LessonSlice {
  const save = init.saveLessonProgress ?? (() => undefined);
  const guideFor = (s: AppState) =>
    s.guide.lesson === selectLessonKey(s) ? s.guide : { lesson: selectLessonKey(s), step: 0, hidden: false };

  const markDone = (lesson: string, step: string) => {
    const progress = get().lessonProgress;
    const done = progress[lesson] ?? [];
    if (done.includes(step)) return;
    const next = { ...progress, [lesson]: [...done, step] };
    set({ lessonProgress: next });
    save(next);
  };

  return {
    guide: { lesson: '', step: 0, hidden: false },
    attempts: {},
    taskChecks: {},
    lessonProgress: init.lessonProgress ?? {},
    lessonIndexOpen: false,
    goToLessonStep: (index) => {
      const s = get();
      const steps = lessonStepsOf(s.scenario.document);
      const step = Math.max(0, Math.min(index, steps.length - 1));
      set({ guide: { ...guideFor(s), step, hidden: false } });
      const highlight = steps[step]?.highlight;
      if (highlight !== undefined && 'editor' in highlight) get().setWorldTab(highlight.editor);
    },
    setGuideHidden: (hidden) => set((s) => ({ guide: { ...guideFor(s), hidden } })),
    setLessonIndexOpen: (lessonIndexOpen) => set({ lessonIndexOpen }),
    recordStepAttempt: (attempt, done) => {
      set((s) => ({ attempts: { ...s.attempts, [attemptKey(attempt.lesson, attempt.step)]: attempt } }));
      if (done) markDone(attempt.lesson, attempt.step);
    },
    recordTaskCheck: (result) => {
      set((s) => ({ taskChecks: { ...s.taskChecks, [attemptKey(result.lesson, result.step)]: result } }));
      if (result.ok) markDone(result.lesson, result.step);
    },
    markLessonStepDone: markDone,
    copyLessonWorld: () => {
      const s = get();
      return buildWorld(s.scenario.document, s.epoch, s.log).cluster;
    },
  };
}
