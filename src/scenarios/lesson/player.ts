import { type Cluster, createCluster, type EngineExtensions } from '../../engine';
import type { LessonLanguage, LessonRequest, LessonStep, PreparedRequest, ScenarioDocument } from '../format';
import { toClusterSpec } from '../runtime';
import {
  checkExpectation,
  type ExpectationCheck,
  outcomeOf,
  type RequestOutcome,
  runLessonRequest,
} from './expectation';
import { lessonText, missingTranslations } from './text';

export interface PlayOptions {
  /** The language of the narration in the verdicts; `zh-CN` also requires every translation. */
  readonly language?: LessonLanguage;
  /** The schemas and CEL: without them schema checks and CEL policies are skipped, as in the app. */
  readonly extensions?: EngineExtensions;
}

/** One request played and held to its `expect` (no expect: nothing to hold it to, so ok). */
export interface RequestVerdict {
  readonly id?: string;
  readonly title?: string;
  readonly user: string;
  readonly command: string;
  readonly outcome: RequestOutcome;
  readonly checks: readonly ExpectationCheck[];
  readonly ok: boolean;
}

/**
 * A task: with a solution, its check must fail first and pass once the solution is applied
 * (the lesson's self-check); without one, the check must pass on the world as it is (a
 * learner's world that already reached the goal).
 */
export interface TaskVerdict {
  readonly goal: string;
  readonly before: RequestVerdict;
  readonly solution?: RequestOutcome;
  readonly after?: RequestVerdict;
  readonly ok: boolean;
}

export interface StepVerdict {
  /** 1-based, as `?step=` counts. */
  readonly index: number;
  readonly id: string;
  readonly narration: string;
  readonly request?: RequestVerdict;
  readonly task?: TaskVerdict;
  readonly problems: readonly string[];
  readonly ok: boolean;
}

export interface LessonVerdict {
  readonly id: string;
  readonly title: string;
  readonly language: LessonLanguage;
  /** `lesson`: the steps were played in order; `scenario`: each request on a fresh world. */
  readonly mode: 'lesson' | 'scenario';
  readonly steps: readonly StepVerdict[];
  readonly requests: readonly RequestVerdict[];
  /** Problems of the file as a whole (missing translations). */
  readonly problems: readonly string[];
  readonly ok: boolean;
}

/** The simulated clock of a headless world: one second per reading, so replays repeat. */
function clock(epoch: number): () => Date {
  let ticks = 0;
  return () => new Date(epoch + ticks++ * 1000);
}

const EPOCH = Date.parse('2025-01-01T09:00:00Z');

/** A fresh world for `doc` with `log` replayed: the learner's world, or a throwaway copy of it. */
export function replayWorld(
  doc: ScenarioDocument,
  log: readonly LessonRequest[],
  extensions: EngineExtensions = {},
): Cluster {
  const cluster = createCluster({ ...toClusterSpec(doc, { now: clock(EPOCH) }), extensions });
  const namespace = doc.spec.defaultNamespace ?? 'default';
  for (const entry of log) runLessonRequest(cluster, entry, namespace);
  return cluster;
}

function judge(
  cluster: Cluster,
  request: LessonRequest & { readonly expect?: PreparedRequest['expect'] },
  namespace: string,
  label: { id?: string; title?: string } = {},
): RequestVerdict {
  const outcome = outcomeOf(runLessonRequest(cluster, request, namespace));
  const checks = request.expect === undefined ? [] : checkExpectation(request.expect, outcome);
  return {
    ...label,
    user: request.user,
    command: request.command,
    outcome,
    checks,
    ok: checks.every((c) => c.ok),
  };
}

function toLessonRequest(r: LessonRequest): LessonRequest {
  return { user: r.user, command: r.command, ...(r.files === undefined ? {} : { files: r.files }) };
}

/**
 * Plays a lesson headlessly, as a learner who follows every step: each step's request on one
 * world (state carries over), and each task checked on a throwaway copy before and after its
 * solution is applied. A scenario without steps has each prepared request played on a fresh
 * world. Expected failures are verdicts; this throws only if the engine does.
 */
export function playLesson(doc: ScenarioDocument, options: PlayOptions = {}): LessonVerdict {
  const language = options.language ?? 'en';
  const extensions = options.extensions ?? {};
  const text = lessonText(doc, language);
  const namespace = doc.spec.defaultNamespace ?? 'default';
  const problems = missingTranslations(doc, language).map((path) => `missing translation: ${path}`);
  const steps = doc.spec.lesson?.steps ?? [];
  const requestById = new Map(doc.spec.requests.map((r) => [r.id, r]));

  if (steps.length === 0) {
    const requests = doc.spec.requests.map((r) =>
      judge(replayWorld(doc, [], extensions), r, namespace, {
        id: r.id,
        ...(text.requestTitle(r.id) === undefined ? {} : { title: text.requestTitle(r.id) as string }),
      }),
    );
    return {
      id: doc.metadata.name,
      title: text.title,
      language,
      mode: 'scenario',
      steps: [],
      requests,
      problems,
      ok: problems.length === 0 && requests.every((r) => r.ok),
    };
  }

  const log: LessonRequest[] = [];
  const world = replayWorld(doc, [], extensions);
  const played = (request: LessonRequest) => log.push(toLessonRequest(request));

  const playStep = (step: LessonStep, index: number): StepVerdict => {
    const stepProblems: string[] = [];
    let request: RequestVerdict | undefined;
    if (step.request !== undefined) {
      const prepared = requestById.get(step.request);
      if (prepared === undefined) stepProblems.push(`request "${step.request}" not found`);
      else {
        const title = text.requestTitle(prepared.id);
        request = judge(world, prepared, namespace, {
          id: prepared.id,
          ...(title === undefined ? {} : { title }),
        });
        played(prepared);
        if (prepared.expect === undefined) stepProblems.push(`request "${prepared.id}" has no expect`);
      }
    }
    const task = step.task === undefined ? undefined : playTask(step, text.goal(step) ?? step.task.goal);
    const ok = stepProblems.length === 0 && (request?.ok ?? true) && (task?.ok ?? true);
    return {
      index: index + 1,
      id: step.id,
      narration: text.narration(step),
      ...(request === undefined ? {} : { request }),
      ...(task === undefined ? {} : { task }),
      problems: stepProblems,
      ok,
    };
  };

  const playTask = (step: LessonStep, goal: string): TaskVerdict => {
    const task = step.task as NonNullable<LessonStep['task']>;
    const before = judge(replayWorld(doc, log, extensions), task.check, namespace);
    if (task.solution === undefined) return { goal, before, ok: before.ok };
    const solution = outcomeOf(runLessonRequest(world, task.solution, namespace));
    played(task.solution);
    const after = judge(replayWorld(doc, log, extensions), task.check, namespace);
    return { goal, before, solution, after, ok: !before.ok && after.ok };
  };

  const verdicts = steps.map(playStep);
  return {
    id: doc.metadata.name,
    title: text.title,
    language,
    mode: 'lesson',
    steps: verdicts,
    requests: [],
    problems,
    ok: problems.length === 0 && verdicts.every((s) => s.ok),
  };
}
