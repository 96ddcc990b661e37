import { alignColumns } from '../../responses/kubectl-output';
import { failed, type Handler } from './handler';

/** whoami.go's table: Username, UID, Groups, Extra. */
export const whoamiHandler: Handler = (parsed, session) => {
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      continue;
    }
    const user = ((trace.response.body as { status?: { userInfo?: Record<string, unknown> } } | undefined)
      ?.status?.userInfo ?? {}) as {
      username?: string;
      uid?: string;
      groups?: string[];
      extra?: Record<string, string[]>;
    };
    const rows = [
      ['ATTRIBUTE', 'VALUE'],
      ['Username', user.username ?? ''],
    ];
    if (user.uid) rows.push(['UID', user.uid]);
    if ((user.groups ?? []).length > 0) rows.push(['Groups', `[${(user.groups ?? []).join(' ')}]`]);
    for (const [key, values] of Object.entries(user.extra ?? {}))
      rows.push([`Extra: ${key}`, `[${values.join(' ')}]`]);
    session.print(alignColumns(rows));
  }
};
