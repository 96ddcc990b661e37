import type { LessonStep, ScenarioDocument } from '../../scenarios/format';
import type { AppState } from '../types';

/**
 * The lesson guide's selectors, apart from its actions: the graph and the editors read these, and
 * this module imports no engine code, so the entry chunk stays small.
 */

/** The steps of a scenario's lesson (none for a plain scenario). */
export const lessonStepsOf = (doc: ScenarioDocument): readonly LessonStep[] => doc.spec.lesson?.steps ?? [];

export const attemptKey = (lesson: string, step: string) => `${lesson}/${step}`;

/** The open lesson's id: the scenario's name (a lesson file imported by hand counts too). */
export const selectLessonKey = (s: AppState) => s.scenario.document.metadata.name;

/** The index of the step shown (0 for a lesson just opened). */
export function guideStepIndex(s: AppState): number {
  const steps = lessonStepsOf(s.scenario.document);
  const index = s.guide.lesson === selectLessonKey(s) ? s.guide.step : 0;
  return Math.max(0, Math.min(index, steps.length - 1));
}

export const selectGuideStep = (s: AppState): LessonStep | undefined =>
  lessonStepsOf(s.scenario.document)[guideStepIndex(s)];

/** Whether the guide is on screen: the world has steps and the learner has not closed it. */
export const selectGuideShown = (s: AppState): boolean =>
  lessonStepsOf(s.scenario.document).length > 0 && !(s.guide.lesson === selectLessonKey(s) && s.guide.hidden);

/** The graph node the current step points at, while the guide is shown. */
export const selectLessonStageHighlight = (s: AppState): string | undefined => {
  if (!selectGuideShown(s)) return undefined;
  const highlight = selectGuideStep(s)?.highlight;
  return highlight !== undefined && 'stage' in highlight ? highlight.stage : undefined;
};

/** The text an editor tab should mark (first line containing it), while the guide is shown. */
export function selectLessonEditorFind(tab: string): (s: AppState) => string | undefined {
  return (s) => {
    if (!selectGuideShown(s)) return undefined;
    const highlight = selectGuideStep(s)?.highlight;
    return highlight !== undefined && 'editor' in highlight && highlight.editor === tab
      ? highlight.find
      : undefined;
  };
}
