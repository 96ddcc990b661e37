import type { LessonLanguage, LessonStep, ScenarioDocument } from '../format';

/** A lesson's texts in one language (English when the language is `en`). */
export interface LessonText {
  readonly title: string;
  readonly description?: string;
  readonly markdown: string;
  requestTitle(id: string): string | undefined;
  narration(step: LessonStep): string;
  goal(step: LessonStep): string | undefined;
}

/**
 * The texts of `doc` in `language`. A missing translation falls back to English here (the app
 * never shows a blank); `missingTranslations` is what tests and the grader hold lessons to.
 */
export function lessonText(doc: ScenarioDocument, language: LessonLanguage): LessonText {
  const tr = language === 'en' ? undefined : doc.spec.lesson?.translations?.[language];
  const requests = new Map(doc.spec.requests.map((r) => [r.id, r.title]));
  const description = tr?.description ?? doc.metadata.description;
  return {
    title: tr?.title ?? doc.metadata.title ?? doc.metadata.name,
    ...(description === undefined ? {} : { description }),
    markdown: tr?.markdown ?? doc.spec.lesson?.markdown ?? '',
    requestTitle: (id) => tr?.requests?.[id] ?? requests.get(id),
    narration: (step) => tr?.steps?.[step.id]?.narration ?? step.narration,
    goal: (step) => (step.task === undefined ? undefined : (tr?.steps?.[step.id]?.goal ?? step.task.goal)),
  };
}

/** Every English text of the lesson that has no counterpart in `language`, by field path. */
export function missingTranslations(doc: ScenarioDocument, language: LessonLanguage): string[] {
  if (language === 'en') return [];
  const lesson = doc.spec.lesson;
  const tr = lesson?.translations?.[language];
  const at = `spec.lesson.translations.${language}`;
  if (lesson === undefined) return [];
  if (tr === undefined) return [at];
  const missing: string[] = [];
  if (doc.metadata.title !== undefined && !tr.title.trim()) missing.push(`${at}.title`);
  if (doc.metadata.description !== undefined && (tr.description ?? '').trim() === '')
    missing.push(`${at}.description`);
  if (lesson.markdown.trim() !== '' && tr.markdown.trim() === '') missing.push(`${at}.markdown`);
  for (const r of doc.spec.requests)
    if (r.title !== undefined && (tr.requests?.[r.id] ?? '').trim() === '')
      missing.push(`${at}.requests.${r.id}`);
  for (const step of lesson.steps ?? []) {
    const s = tr.steps?.[step.id];
    if ((s?.narration ?? '').trim() === '') missing.push(`${at}.steps.${step.id}.narration`);
    if (step.task !== undefined && (s?.goal ?? '').trim() === '') missing.push(`${at}.steps.${step.id}.goal`);
  }
  return missing;
}
