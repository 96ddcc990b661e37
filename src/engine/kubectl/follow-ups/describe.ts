import { alignColumns } from '../../responses/kubectl-output';
import type { KubeObject } from '../../types';
import { ACCEPT } from '../headers';
import { failed, type Handler } from './handler';

/** describe.go: only the header every describer starts with (a simplification, see the module comment). */
export const describeHandler: Handler = (parsed, session) => {
  const seen = new Set<string>();
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      if (!seen.has(trace.requestInfo.path)) session.fail(trace);
      seen.add(trace.requestInfo.path);
      continue;
    }
    if (request.headers.Accept !== ACCEPT.typed || trace.requestInfo.resource === 'events') continue;
    const object = trace.response.body as KubeObject;
    const map = (m: Record<string, string> | undefined) =>
      m === undefined || Object.keys(m).length === 0
        ? ['<none>']
        : Object.entries(m).map(([k, v]) => `${k}=${v}`);
    const rows: string[][] = [['Name:', object.metadata?.name ?? '']];
    if (object.metadata?.namespace !== undefined) rows.push(['Namespace:', object.metadata.namespace]);
    for (const [i, l] of map(object.metadata?.labels).entries()) rows.push([i === 0 ? 'Labels:' : '', l]);
    for (const [i, a] of map(object.metadata?.annotations).entries())
      rows.push([i === 0 ? 'Annotations:' : '', a]);
    session.print(alignColumns(rows));
  }
};
