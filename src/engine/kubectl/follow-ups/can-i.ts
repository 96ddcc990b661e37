import { renderRulesReview } from '../rules-table';
import { failed, type Handler } from './handler';

/** cani.go: `yes` or `no` (exit code 1) from the review's status.allowed; with --list, the rules table. */
export const canIHandler: Handler = (parsed, session) => {
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      continue;
    }
    const body = trace.response.body as { kind?: string; status?: { allowed?: boolean } } | undefined;
    if (body?.kind === 'SelfSubjectRulesReview') {
      session.print(renderRulesReview((body.status ?? {}) as Parameters<typeof renderRulesReview>[0]));
      continue;
    }
    const status = body?.status;
    if (status?.allowed === true) session.print('yes');
    else {
      session.print('no');
      session.exitCode = 1;
    }
  }
};
