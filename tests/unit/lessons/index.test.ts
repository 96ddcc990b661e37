import { describe, expect, it } from 'vitest';
import { LESSON_INDEX, lessonIndexEntry } from '../../../src/scenarios/lesson-index';
import { BUILT_IN_IDS, LESSON_FILE_IDS, loadBuiltInScenario } from '../../../src/scenarios/registry';

describe('The lesson index', () => {
  it('has one entry per lesson file, and no other', () => {
    expect(LESSON_INDEX.map((e) => e.id).sort()).toEqual([...LESSON_FILE_IDS]);
  });

  it('is sorted by course order, with no two lessons at one place', () => {
    const orders = LESSON_INDEX.map((e) => e.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('starts the course with what kubectl get pods sends', () => {
    expect(LESSON_INDEX[0]?.id).toBe('kubectl-to-http');
    expect(BUILT_IN_IDS.slice(0, 2)).toEqual(['starter', 'kubectl-to-http']);
  });

  it.each(LESSON_FILE_IDS)('agrees with the file of %s: order, titles and step count', async (id) => {
    const lesson = await loadBuiltInScenario(id);
    const doc = lesson?.scenario.document;
    expect(doc?.metadata.name).toBe(id);
    expect(lessonIndexEntry(id)).toEqual({
      id,
      order: doc?.spec.lesson?.order,
      title: { en: doc?.metadata.title, 'zh-CN': doc?.spec.lesson?.translations?.['zh-CN']?.title },
      steps: doc?.spec.lesson?.steps?.length,
    });
  });

  it('knows no entry for an unknown id', () => {
    expect(lessonIndexEntry('no-such-lesson')).toBeUndefined();
  });
});
