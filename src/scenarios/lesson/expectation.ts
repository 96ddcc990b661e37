import { type Cluster, isStatus, type KubectlRun } from '../../engine';
import type { LessonRequest, RequestExpectation, StopStage } from '../format';

/** Where a command ended: its last request's status, stopping stage and Status reason. */
export interface RequestOutcome {
  readonly status: number;
  readonly stoppedAt: StopStage;
  readonly reason?: string;
  /** The stopping stage's message (what the inspector shows), for explanations. */
  readonly stageSummary?: string;
  /** What kubectl printed. */
  readonly output: string;
}

/** One field of an expectation compared with what happened. */
export interface ExpectationCheck {
  readonly field: keyof RequestExpectation;
  readonly expected: string | number;
  readonly actual: string | number | undefined;
  readonly ok: boolean;
}

/**
 * The outcome of a kubectl run: the LAST request decides (apply, edit, scale send several). A run
 * that sent nothing (kubectl refused the command line itself) has status 0 and stopped `none`.
 */
export function outcomeOf(run: KubectlRun): RequestOutcome {
  const trace = run.traces.at(-1);
  if (trace === undefined) return { status: 0, stoppedAt: 'none', output: run.output };
  const failed = trace.stages.find((s) => s.outcome === 'failed');
  const body = trace.response.body;
  const reason =
    isStatus(body) && typeof body.reason === 'string' && body.reason.length > 0 ? body.reason : undefined;
  return {
    status: trace.response.status,
    stoppedAt: failed?.stage ?? 'none',
    ...(reason === undefined ? {} : { reason }),
    ...(failed === undefined ? {} : { stageSummary: failed.summary }),
    output: run.output,
  };
}

/** Each field the expectation names, compared with the outcome. */
export function checkExpectation(expect: RequestExpectation, outcome: RequestOutcome): ExpectationCheck[] {
  const checks: ExpectationCheck[] = [
    {
      field: 'status',
      expected: expect.status,
      actual: outcome.status,
      ok: outcome.status === expect.status,
    },
  ];
  if (expect.stoppedAt !== undefined)
    checks.push({
      field: 'stoppedAt',
      expected: expect.stoppedAt,
      actual: outcome.stoppedAt,
      ok: outcome.stoppedAt === expect.stoppedAt,
    });
  if (expect.reason !== undefined)
    checks.push({
      field: 'reason',
      expected: expect.reason,
      actual: outcome.reason,
      ok: outcome.reason === expect.reason,
    });
  if (expect.output !== undefined)
    checks.push({
      field: 'output',
      expected: expect.output,
      actual: outcome.output,
      ok: outcome.output.includes(expect.output),
    });
  return checks;
}

/** Runs a lesson request (a step's check or solution) through kubectl on `cluster`. */
export function runLessonRequest(cluster: Cluster, request: LessonRequest, namespace: string): KubectlRun {
  return cluster.kubectl(request.command, request.user, {
    namespace,
    ...(request.files === undefined ? {} : { files: request.files }),
  });
}
