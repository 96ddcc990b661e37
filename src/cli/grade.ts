import { type EngineExtensions, loadCel, loadSchemas } from '../engine';
import type { LessonLanguage } from '../scenarios/format';
import type { ExpectationCheck, RequestOutcome } from '../scenarios/lesson/expectation';
import {
  type LessonVerdict,
  playLesson,
  type RequestVerdict,
  type StepVerdict,
} from '../scenarios/lesson/player';
import { parseScenario } from '../scenarios/parse';

/**
 * The headless grader behind `npx kube-request-flow check <file>` (bin/kube-request-flow.mjs does
 * the file reading and the exit code): a lesson's steps, or a scenario's requests, played through
 * the engine in Node, one verdict line per step. No Node APIs here, so the app's type-check covers it.
 */

export interface GradeOptions {
  readonly language?: LessonLanguage;
  readonly extensions?: EngineExtensions;
}

export interface GradeResult {
  readonly ok: boolean;
  /** What to print, line by line. */
  readonly lines: readonly string[];
  /** The verdict, when the file parsed. */
  readonly verdict?: LessonVerdict;
}

/** The schemas and CEL, as the app runs once loaded (schema checks and CEL policies are real). */
export async function loadGraderExtensions(): Promise<EngineExtensions> {
  const [schemas, cel] = await Promise.all([loadSchemas(), loadCel()]);
  return { schemas, cel };
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** `403 at authorization (Forbidden)`, `201 at none`, or `no request sent` for kubectl's own errors. */
function describeOutcome(outcome: RequestOutcome): string {
  if (outcome.status === 0) return `no request sent (${outcome.output.trim().split('\n')[0] ?? ''})`;
  return `${outcome.status} stopped at ${outcome.stoppedAt}${outcome.reason === undefined ? '' : ` (${outcome.reason})`}`;
}

/** One line per field that did not match: `status: expected 200, got 403`. */
function mismatches(checks: readonly ExpectationCheck[], indent: string): string[] {
  return checks
    .filter((c) => !c.ok)
    .map((c) =>
      c.field === 'output'
        ? `${indent}output: expected to contain ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)}`
        : `${indent}${c.field}: expected ${c.expected}, got ${c.actual ?? '(none)'}`,
    );
}

function requestLines(label: string, verdict: RequestVerdict): string[] {
  return [
    `  ${mark(verdict.ok)} ${label}: ${verdict.user} \`${verdict.command}\` → ${describeOutcome(verdict.outcome)}`,
    ...mismatches(verdict.checks, '      '),
  ];
}

function stepLines(step: StepVerdict): string[] {
  const label = `${step.index} ${step.id}`;
  const lines: string[] = [];
  if (step.request !== undefined) lines.push(...requestLines(label, step.request));
  if (step.task !== undefined) {
    const { task } = step;
    lines.push(`  ${mark(task.ok)} ${label}: task "${task.goal}"`);
    if (task.after === undefined) {
      // No solution: the learner's world must already meet the goal.
      lines.push(
        `      check → ${describeOutcome(task.before.outcome)}${task.before.ok ? '' : ' (goal not met)'}`,
      );
      lines.push(...mismatches(task.before.checks, '      '));
    } else {
      lines.push(
        `      before the solution → ${describeOutcome(task.before.outcome)}${task.before.ok ? ' (already met: the task teaches nothing)' : ''}`,
        `      after the solution → ${describeOutcome(task.after.outcome)}`,
        ...mismatches(task.after.checks, '      '),
      );
    }
  }
  if (lines.length === 0) lines.push(`  ${mark(step.ok)} ${label}: narration only`);
  for (const problem of step.problems) lines.push(`      ${problem}`);
  return lines;
}

/** Grades one file's text; `name` is how the file is called in the output. */
export function gradeText(name: string, text: string, options: GradeOptions = {}): GradeResult {
  const parsed = parseScenario(text);
  if (!parsed.ok)
    return {
      ok: false,
      lines: [
        `✗ ${name}: not a valid scenario file`,
        ...parsed.problems.map(
          (p) => `    ${p.position === undefined ? '' : `line ${p.position.line}: `}${p.message}`,
        ),
      ],
    };
  const verdict = playLesson(parsed.value, {
    language: options.language ?? 'en',
    ...(options.extensions === undefined ? {} : { extensions: options.extensions }),
  });
  const lines = [`${name}: ${verdict.id} — ${verdict.title} (${verdict.language})`];
  if (verdict.mode === 'lesson') for (const step of verdict.steps) lines.push(...stepLines(step));
  else for (const request of verdict.requests) lines.push(...requestLines(request.id ?? '?', request));
  for (const problem of verdict.problems) lines.push(`  ✗ ${problem}`);
  const items = verdict.mode === 'lesson' ? verdict.steps : verdict.requests;
  const passed = items.filter((i) => i.ok).length;
  lines.push(
    `${mark(verdict.ok)} ${passed}/${items.length} ${verdict.mode === 'lesson' ? 'steps' : 'requests'} passed`,
  );
  return { ok: verdict.ok, lines, verdict };
}
