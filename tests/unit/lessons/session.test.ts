import { describe, expect, it } from 'vitest';
import type { LessonTask, ScenarioDocument } from '../../../src/scenarios/format';
import { gradePrediction, predictionTruth, truthOf } from '../../../src/scenarios/lesson/prediction';
import {
  applySolution,
  checkSessionTask,
  checkTask,
  judgeRun,
  playStep,
  replayWorld,
  startLesson,
} from '../../../src/scenarios/lesson/session';
import { loadBuiltInScenario } from '../../../src/scenarios/registry';

const rbac = (await loadBuiltInScenario('rbac-basics'))?.scenario.document as ScenarioDocument;
const steps = rbac.spec.lesson?.steps ?? [];
const bindTask = steps.find((s) => s.id === 'bind')?.task as LessonTask;

describe('Playing a lesson step by step', () => {
  it("plays a step's request and holds it to its expect: status, stage, reason, output", () => {
    const session = startLesson(rbac);
    const played = playStep(session, 1);
    expect(played.step.id).toBe('list-denied');
    expect(played.outcome).toMatchObject({ status: 403, stoppedAt: 'authorization', reason: 'Forbidden' });
    expect(played.outcome?.output).toContain('User "carol" cannot list resource "pods"');
    expect(played.matched).toBe(true);
    expect(played.traces.at(-1)?.response.status).toBe(403);
    expect(session.log).toEqual([{ user: 'carol', command: 'kubectl get pods' }]);
  });

  it('plays nothing for a step with no request', () => {
    const played = playStep(startLesson(rbac), 2);
    expect(played).toMatchObject({ index: 2, traces: [] });
    expect(played.matched).toBeUndefined();
  });

  it('throws for a step the lesson does not have (a caller bug)', () => {
    expect(() => playStep(startLesson(rbac), 9)).toThrow('lesson rbac-basics has no step 9');
  });

  it('says which expected field did not match', () => {
    const run = startLesson(rbac).cluster.kubectl('kubectl get pods', 'carol', { namespace: 'default' });
    const judged = judgeRun(run, { status: 200, stoppedAt: 'none' });
    expect(judged.matched).toBe(false);
    expect(judged.checks).toEqual([
      { field: 'status', expected: 200, actual: 403, ok: false },
      { field: 'stoppedAt', expected: 'none', actual: 'authorization', ok: false },
    ]);
  });
});

describe('A task', () => {
  it('is checked on a throwaway copy: the check never changes the world', () => {
    const session = startLesson(rbac);
    const revision = session.cluster.storage.revision;
    const creates: LessonTask = {
      goal: 'a configmap',
      check: {
        user: 'admin',
        command: 'kubectl create configmap c',
        expect: { status: 201, stoppedAt: 'none' },
      },
    };
    expect(checkSessionTask(session, creates).met).toBe(true);
    expect(session.cluster.storage.revision).toBe(revision);
    expect(session.cluster.storage.keys()).not.toContain('/registry/configmaps/default/c');
  });

  it('is not met before its solution and is met after it', () => {
    const session = startLesson(rbac);
    expect(checkSessionTask(session, bindTask)).toMatchObject({
      met: false,
      outcome: { status: 403, stoppedAt: 'authorization' },
    });
    expect(applySolution(session, bindTask)).toMatchObject({ status: 201, stoppedAt: 'none' });
    expect(checkSessionTask(session, bindTask)).toMatchObject({ met: true, outcome: { status: 200 } });
  });

  it('is checked against whatever world the caller copies (the learner edited RBAC by hand)', () => {
    const bound = [
      { user: 'admin', command: 'kubectl create rolebinding by-hand --role=pod-reader --user=carol' },
    ];
    expect(checkTask(bindTask, () => replayWorld(rbac, bound), 'default').met).toBe(true);
    expect(checkTask(bindTask, () => replayWorld(rbac, []), 'default').met).toBe(false);
  });
});

describe('A prediction', () => {
  const listDenied = steps[0] as NonNullable<(typeof steps)[0]>;

  it("is graded against the step's promise", () => {
    const truth = predictionTruth(rbac, listDenied);
    expect(truth).toEqual({ stage: 'authorization', status: 403, reason: 'Forbidden' });
    if (truth === undefined) return;
    expect(gradePrediction({ stage: 'authorization', status: 403 }, truth)).toMatchObject({
      right: true,
      stageRight: true,
      statusRight: true,
    });
    expect(gradePrediction({ stage: 'authentication', status: 401 }, truth)).toEqual({
      right: false,
      stageRight: false,
      statusRight: false,
      answer: { stage: 'authentication', status: 401 },
      truth: { stage: 'authorization', status: 403, reason: 'Forbidden' },
    });
    expect(gradePrediction({ stage: 'authorization', status: 401 }, truth)).toMatchObject({
      right: false,
      stageRight: true,
      statusRight: false,
    });
  });

  it('can be graded against what the engine answered', () => {
    const played = playStep(startLesson(rbac), 1);
    if (played.outcome === undefined) throw new Error('step 1 plays a request');
    expect(truthOf(played.outcome)).toEqual({ stage: 'authorization', status: 403, reason: 'Forbidden' });
  });

  it('is asked only by a step that predicts', () => {
    expect(predictionTruth(rbac, steps[1] as NonNullable<(typeof steps)[1]>)).toBeUndefined();
  });
});
