import type { LessonProgress } from '../../store/slices/lesson';

export type LessonState = 'done' | 'started' | 'new';

/** How far a lesson of `steps` steps is, from the ids recorded as done (unknown ids don't count). */
export function lessonProgressOf(
  progress: LessonProgress,
  lesson: string,
  steps: number,
  stepIds?: readonly string[],
): { readonly done: number; readonly count: number; readonly state: LessonState } {
  const recorded = progress[lesson] ?? [];
  const done = Math.min(
    steps,
    stepIds === undefined ? recorded.length : recorded.filter((id) => stepIds.includes(id)).length,
  );
  return { done, count: steps, state: done === 0 ? 'new' : done >= steps ? 'done' : 'started' };
}
