import type { KubeObject } from '../../types';
import { buildRequest } from '../context';
import { deleteOptionsBody } from '../delete';
import { dryRunStrategy } from '../flags';
import { ACCEPT, CONTENT_TYPE } from '../headers';
import { objectPath } from '../resolve';
import { failed, type Handler } from './handler';
import { kindRef } from './output';
import { typeOfRequest } from './requests';

/** delete.go: named objects are deleted directly; --all/-l/--field-selector list, then DELETE each item. */
export const deleteHandler: Handler = (parsed, session) => {
  const { input } = parsed;
  const requests = parsed.requests();
  const body = deleteOptionsBody(input);
  const dryRun = dryRunStrategy(input.flags);
  const ignoreNotFound = input.flags.bool('ignore-not-found');
  let found = 0;
  for (const request of requests) {
    if (request.method === 'DELETE') {
      const trace = session.send(request);
      if (failed(trace)) {
        if (!(ignoreNotFound && trace.response.status === 404)) session.fail(trace);
      } else {
        found += 1;
        session.print(trace.kubectlOutput);
      }
      continue;
    }
    const list = session.send(request);
    if (failed(list)) {
      session.fail(list);
      continue;
    }
    const type = typeOfRequest(request);
    const items = ((list.response.body as { items?: KubeObject[] }).items ?? []).filter(
      (i) => i.metadata?.name,
    );
    for (const item of items) {
      if (type === undefined) continue;
      found += 1;
      const name = item.metadata?.name ?? '';
      if (dryRun === 'client') {
        session.print(`${kindRef(type)} ${JSON.stringify(name)} deleted (dry run)`);
        continue;
      }
      const trace = session.send(
        buildRequest(input, {
          method: 'DELETE',
          path: objectPath(type, item.metadata?.namespace ?? '', name),
          accept: ACCEPT.json,
          contentType: CONTENT_TYPE.json,
          body,
        }),
      );
      if (failed(trace)) session.fail(trace);
      else session.print(trace.kubectlOutput);
    }
  }
  if (found === 0 && session.exitCode === 0 && requests.some((r) => r.method === 'GET'))
    session.print('No resources found');
};
