import { servedGroups } from '../../non-resource';
import { failed, type Handler } from './handler';

/** apiversions.go: every group/version, sorted. */
export const apiVersionsHandler: Handler = (parsed, session) => {
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      return;
    }
  }
  session.print(['v1', ...servedGroups().map((g) => `${g.name}/${g.version}`)].sort().join('\n'));
};
