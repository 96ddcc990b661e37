import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineExtensions } from '../../../src/engine';
import type { ScenarioDocument } from '../../../src/scenarios/format';
import { playLesson } from '../../../src/scenarios/lesson/player';
import { LESSON_FILE_IDS, loadBuiltInScenario } from '../../../src/scenarios/registry';
import { splitScenario } from '../../../src/scenarios/sources';
import { extensions } from '../engine/policy/world';

/**
 * Every built-in lesson is a test (STYLE.md habit 9, as learnGitBranching plays every level):
 * played headlessly as a learner who follows each step, on one world, in both languages.
 */

const LESSONS: { id: string; doc: ScenarioDocument }[] = [];
for (const id of LESSON_FILE_IDS) {
  const lesson = await loadBuiltInScenario(id);
  if (lesson !== undefined) LESSONS.push({ id, doc: lesson.scenario.document });
}

/** As the app runs once loaded: with the schemas and CEL (lessons use CEL policies). */
let loaded: EngineExtensions;
beforeAll(async () => {
  loaded = await extensions();
});

const HAS_HAN = /\p{Script=Han}/u;

/** The `code spans` of a Markdown text: commands, paths, field names and server words. */
const codeSpans = (text: string | undefined) => [...(text ?? '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);

describe('The lesson library', () => {
  it('holds at least 14 lessons', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(14);
  });
});

for (const { id, doc } of LESSONS) {
  const steps = doc.spec.lesson?.steps ?? [];
  const requests = new Map(doc.spec.requests.map((r) => [r.id, r]));

  describe(`The lesson "${id}"`, () => {
    it('is a guided story of 3 to 8 steps', () => {
      expect(steps.length).toBeGreaterThanOrEqual(3);
      expect(steps.length).toBeLessThanOrEqual(8);
    });

    it('promises a status, a stopping stage and (for errors) a reason for every request a step plays', () => {
      for (const step of steps.filter((s) => s.request !== undefined)) {
        const promised = requests.get(step.request as string)?.expect;
        expect(promised?.stoppedAt, `${step.id}`).toBeDefined();
        if ((promised?.status ?? 0) >= 400) expect(promised?.reason, `${step.id}`).toBeDefined();
      }
    });

    it('keeps every command, path and server word (each `code span`) word for word in zh-CN', () => {
      const tr = doc.spec.lesson?.translations?.['zh-CN'];
      const pairs: [string, string | undefined, string | undefined][] = [
        ['markdown', doc.spec.lesson?.markdown, tr?.markdown],
        ...steps.flatMap((s): [string, string | undefined, string | undefined][] => [
          [`${s.id}.narration`, s.narration, tr?.steps?.[s.id]?.narration],
          [`${s.id}.goal`, s.task?.goal, tr?.steps?.[s.id]?.goal],
        ]),
      ];
      for (const [field, en, zh] of pairs)
        expect(new Set(codeSpans(zh)), field).toEqual(new Set(codeSpans(en)));
    });

    it('points each editor highlight at a line its tab really has', async () => {
      const lesson = await loadBuiltInScenario(id);
      const sources = splitScenario(doc, lesson?.text);
      for (const step of steps) {
        const highlight = step.highlight;
        if (highlight === undefined || !('editor' in highlight)) continue;
        expect(
          sources.texts[highlight.editor].split('\n').some((l) => l.includes(highlight.find)),
          step.id,
        ).toBe(true);
      }
    });

    it('holds each prepared request no step plays to its expect on a fresh world', () => {
      const played = new Set(steps.map((s) => s.request));
      const verdict = playLesson(
        { ...doc, spec: { ...doc.spec, lesson: { markdown: '' } } },
        { extensions: loaded },
      );
      for (const request of verdict.requests.filter((r) => !played.has(r.id)))
        expect(
          request.checks.filter((c) => !c.ok),
          request.id,
        ).toEqual([]);
    });

    for (const language of ['en', 'zh-CN'] as const) {
      it(`plays every step as it promises, in ${language}`, () => {
        const verdict = playLesson(doc, { language, extensions: loaded });
        expect(verdict.mode).toBe('lesson');
        expect(verdict.problems).toEqual([]);
        expect(verdict.steps.map((s) => s.id)).toEqual(steps.map((s) => s.id));
        for (const [i, step] of steps.entries()) {
          const played = verdict.steps[i];
          expect(played?.problems, step.id).toEqual([]);
          if (step.request !== undefined) {
            const promised = requests.get(step.request)?.expect;
            const outcome = played?.request?.outcome;
            expect(outcome?.status, `${step.id}: status`).toBe(promised?.status);
            expect(outcome?.stoppedAt, `${step.id}: stoppedAt`).toBe(promised?.stoppedAt);
            expect(outcome?.reason, `${step.id}: reason`).toBe(promised?.reason);
            if (promised?.output !== undefined)
              expect(outcome?.output, `${step.id}: output`).toContain(promised.output);
          }
          if (step.task !== undefined) {
            // The goal is not met before the solution, and is met after it.
            expect(played?.task?.before.ok, `${step.id}: task before the solution`).toBe(false);
            expect(played?.task?.after?.ok, `${step.id}: task after the solution`).toBe(true);
            expect(played?.task?.after?.outcome.status).toBe(step.task.check.expect.status);
          }
          expect(played?.ok, step.id).toBe(true);
        }
        expect(verdict.ok).toBe(true);
      });

      it(`shows its texts in ${language}`, () => {
        const verdict = playLesson(doc, { language, extensions: loaded });
        const tr = doc.spec.lesson?.translations?.['zh-CN'];
        expect(verdict.title).toBe(language === 'en' ? doc.metadata.title : tr?.title);
        expect(HAS_HAN.test(verdict.title)).toBe(language === 'zh-CN');
        for (const [i, step] of steps.entries()) {
          const played = verdict.steps[i];
          const narration = language === 'en' ? step.narration : tr?.steps?.[step.id]?.narration;
          expect(played?.narration, step.id).toBe(narration);
          expect(HAS_HAN.test(played?.narration ?? ''), step.id).toBe(language === 'zh-CN');
          if (step.task !== undefined) {
            const goal = language === 'en' ? step.task.goal : tr?.steps?.[step.id]?.goal;
            expect(played?.task?.goal, step.id).toBe(goal);
            expect(HAS_HAN.test(played?.task?.goal ?? ''), step.id).toBe(language === 'zh-CN');
          }
        }
      });
    }
  });
}
