import { describe, expect, it } from 'vitest';
import type { Lesson, ScenarioDocument } from '../../../src/scenarios/format';
import { lessonText, missingTranslations } from '../../../src/scenarios/lesson/text';
import { LESSON_FILE_IDS, loadBuiltInScenario } from '../../../src/scenarios/registry';

const rbac = (await loadBuiltInScenario('rbac-basics'))?.scenario.document as ScenarioDocument;

/** `doc` with its lesson changed by `edit` (documents are readonly: a copy). */
function withLesson(doc: ScenarioDocument, edit: (lesson: Lesson) => Lesson): ScenarioDocument {
  return { ...doc, spec: { ...doc.spec, lesson: edit(doc.spec.lesson as Lesson) } };
}

/** The rbac-basics lesson with one zh-CN step text removed. */
function withoutZhStep(field: 'narration' | 'goal', step: string): ScenarioDocument {
  return withLesson(rbac, (lesson) => {
    const zh = lesson.translations?.['zh-CN'];
    const steps = { ...zh?.steps } as Record<string, { narration: string; goal?: string }>;
    const { [field]: _dropped, ...rest } = steps[step] as { narration: string; goal?: string };
    steps[step] = rest as { narration: string; goal?: string };
    return { ...lesson, translations: { 'zh-CN': { ...(zh as NonNullable<typeof zh>), steps } } };
  });
}

describe('Lesson translations', () => {
  it.each(LESSON_FILE_IDS)('%s has every English text in zh-CN', async (id) => {
    const doc = (await loadBuiltInScenario(id))?.scenario.document as ScenarioDocument;
    expect(missingTranslations(doc, 'zh-CN')).toEqual([]);
  });

  it('reports a step narration missing in zh-CN, by field path', () => {
    expect(missingTranslations(withoutZhStep('narration', 'the-role'), 'zh-CN')).toEqual([
      'spec.lesson.translations.zh-CN.steps.the-role.narration',
    ]);
  });

  it("reports a task's goal missing in zh-CN", () => {
    expect(missingTranslations(withoutZhStep('goal', 'bind'), 'zh-CN')).toEqual([
      'spec.lesson.translations.zh-CN.steps.bind.goal',
    ]);
  });

  it('reports a request title and a whole translation missing', () => {
    const noTitle = withLesson(rbac, (lesson) => {
      const zh = lesson.translations?.['zh-CN'] as NonNullable<NonNullable<Lesson['translations']>['zh-CN']>;
      const { 'carol-deletes-pod': _gone, ...requests } = zh.requests ?? {};
      return { ...lesson, translations: { 'zh-CN': { ...zh, requests } } };
    });
    expect(missingTranslations(noTitle, 'zh-CN')).toEqual([
      'spec.lesson.translations.zh-CN.requests.carol-deletes-pod',
    ]);
    const none = withLesson(rbac, ({ translations: _all, ...lesson }) => lesson);
    expect(missingTranslations(none, 'zh-CN')).toEqual(['spec.lesson.translations.zh-CN']);
    expect(missingTranslations(none, 'en')).toEqual([]);
  });

  it('falls back to English for a text missing in zh-CN, and uses zh-CN where it exists', () => {
    const text = lessonText(withoutZhStep('narration', 'the-role'), 'zh-CN');
    const steps = rbac.spec.lesson?.steps ?? [];
    const [listDenied, theRole] = steps;
    expect(text.narration(theRole as NonNullable<typeof theRole>)).toBe(theRole?.narration);
    expect(text.narration(listDenied as NonNullable<typeof listDenied>)).toContain('carol 的令牌有效');
    expect(text.title).toBe('RBAC：没有绑定的 Role 什么也不授予');
    expect(text.requestTitle('carol-lists-pods')).toBe('carol 列出 Pod（403）');
    expect(lessonText(rbac, 'en').requestTitle('carol-lists-pods')).toBe('carol lists pods (403)');
  });
});
