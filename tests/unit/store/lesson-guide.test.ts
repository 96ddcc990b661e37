import { describe, expect, it } from 'vitest';
import { loadBuiltInScenario } from '../../../src/scenarios/registry';
import type { LessonProgress } from '../../../src/store/slices/lesson';
import { checkLessonTask, playLessonStep } from '../../../src/store/slices/lesson-actions';
import { readLessonProgress, writeLessonProgress } from '../../../src/store/slices/lesson-progress';
import { guideStepIndex, selectGuideStep } from '../../../src/store/slices/lesson-selectors';
import { TestDriver } from '../driver';

/** role-scope, opened in a headless app as the lesson index does, with progress saved to `saved`. */
async function openRoleScope(saved: LessonProgress[] = []) {
  await loadBuiltInScenario('role-scope');
  const app = new TestDriver(undefined, {
    reducedMotion: true,
    saveLessonProgress: (progress) => saved.push(progress),
  });
  await app.state.openLesson('role-scope');
  return app;
}

describe('The lesson guide', () => {
  it('starts a lesson at its first step and clamps step navigation', async () => {
    const app = await openRoleScope();
    expect(guideStepIndex(app.state)).toBe(0);
    app.state.goToLessonStep(99);
    expect(selectGuideStep(app.state)?.id).toBe('cluster-binding');
    app.state.goToLessonStep(-3);
    expect(selectGuideStep(app.state)?.id).toBe('in-dev');
  });

  it('records a wrong prediction with the real outcome and the stopping stage’s explanation', async () => {
    const saved: LessonProgress[] = [];
    const app = await openRoleScope(saved);
    app.state.goToLessonStep(1);
    playLessonStep(app.store, { stoppedAt: 'authentication', status: 401 });
    const attempt = app.state.attempts['role-scope/in-default'];
    expect(attempt?.prediction).toEqual({ stoppedAt: 'authentication', status: 401 });
    expect(attempt?.outcome).toMatchObject({ status: 403, stoppedAt: 'authorization', reason: 'Forbidden' });
    expect(attempt?.why?.stage).toBe('authorization');
    expect(attempt?.why?.outcome).toBe('failed');
    // The request went through the composer, so the learner sees it there and on the graph.
    expect(app.state.command).toBe('kubectl get pods');
    app.expectStatuses(403).expectStoppedAt('authorization', 'Forbidden');
    expect(saved.at(-1)).toEqual({ 'role-scope': ['in-default'] });
  });

  it('checks a task on a copy of the world: it fails, then passes after the solution is sent', async () => {
    const app = await openRoleScope();
    app.state.goToLessonStep(4);
    const revision = app.state.cluster.storage.revision;
    checkLessonTask(app.store);
    expect(app.state.taskChecks['role-scope/cluster-binding']).toMatchObject({
      ok: false,
      outcome: { status: 403, stoppedAt: 'authorization' },
    });
    // The check changed nothing in the learner's world.
    expect(app.state.cluster.storage.revision).toBe(revision);
    expect(app.state.lessonProgress['role-scope'] ?? []).not.toContain('cluster-binding');

    app.send('kubectl create clusterrolebinding erin-reads-all-pods --clusterrole=pod-reader --user=erin', {
      as: 'admin',
    });
    app.expectStatuses(201);
    checkLessonTask(app.store);
    expect(app.state.taskChecks['role-scope/cluster-binding']?.ok).toBe(true);
    expect(app.state.lessonProgress['role-scope']).toContain('cluster-binding');
  });
});

describe('Lesson progress in storage', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
  };

  it('reads back what it wrote', () => {
    const storage = memory();
    writeLessonProgress(storage, { 'role-scope': ['in-dev', 'nodes'] });
    expect(readLessonProgress(storage)).toEqual({ 'role-scope': ['in-dev', 'nodes'] });
  });

  it('starts empty on corrupt data or storage that throws', () => {
    const storage = memory();
    storage.setItem('kube-request-flow:lesson-progress', '{"oops');
    expect(readLessonProgress(storage)).toEqual({});
    storage.setItem('kube-request-flow:lesson-progress', '{"a":[1,2],"b":["x"]}');
    expect(readLessonProgress(storage)).toEqual({ b: ['x'] });
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readLessonProgress(throwing)).toEqual({});
  });
});
