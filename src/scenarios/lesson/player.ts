import type { Cluster, EngineExtensions } from '../../engine';
import type {
  LessonLanguage,
  LessonRequest,
  LessonStep,
  LessonTask,
  RequestExpectation,
  ScenarioDocument,
} from '../format';
import { type ExpectationCheck, type RequestOutcome, runLessonRequest } from './expectation';
import {
  applySolution,
  checkSessionTask,
  judgeRun,
  playStep,
  replayWorld,
  startLesson,
  type TaskCheck,
} from './session';
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

function verdictOf(check: TaskCheck, request: LessonRequest): RequestVerdict {
  return {
    user: request.user,
    command: request.command,
    outcome: check.outcome,
    checks: check.checks,
    ok: check.met,
  };
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

function judge(
  cluster: Cluster,
  request: LessonRequest & { readonly expect?: RequestExpectation },
  namespace: string,
  label: { id?: string; title?: string } = {},
): RequestVerdict {
  const { outcome, checks, matched } = judgeRun(
    runLessonRequest(cluster, request, namespace),
    request.expect,
  );
  return { ...label, user: request.user, command: request.command, outcome, checks, ok: matched };
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

  if (steps.length === 0) {
    const requests = doc.spec.requests.map((r) =>
      judge(replayWorld(doc, [], { extensions }), r, namespace, {
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

  const session = startLesson(doc, { extensions });

  const playTask = (task: LessonTask, goal: string): TaskVerdict => {
    const before = verdictOf(checkSessionTask(session, task), task.check);
    if (task.solution === undefined) return { goal, before, ok: before.ok };
    const solution = applySolution(session, task) as RequestOutcome;
    const after = verdictOf(checkSessionTask(session, task), task.check);
    return { goal, before, solution, after, ok: !before.ok && after.ok };
  };

  const playOne = (step: LessonStep, index: number): StepVerdict => {
    const played = playStep(session, index + 1);
    const stepProblems: string[] = played.problem === undefined ? [] : [played.problem];
    let request: RequestVerdict | undefined;
    if (played.request !== undefined && played.outcome !== undefined) {
      const title = text.requestTitle(played.request.id);
      request = {
        id: played.request.id,
        ...(title === undefined ? {} : { title }),
        user: played.request.user,
        command: played.request.command,
        outcome: played.outcome,
        checks: played.checks ?? [],
        ok: played.matched ?? true,
      };
      if (played.request.expect === undefined)
        stepProblems.push(`request "${played.request.id}" has no expect`);
    }
    const task = step.task === undefined ? undefined : playTask(step.task, text.goal(step) ?? step.task.goal);
    return {
      index: index + 1,
      id: step.id,
      narration: text.narration(step),
      ...(request === undefined ? {} : { request }),
      ...(task === undefined ? {} : { task }),
      problems: stepProblems,
      ok: stepProblems.length === 0 && (request?.ok ?? true) && (task?.ok ?? true),
    };
  };

  const verdicts = steps.map(playOne);
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
