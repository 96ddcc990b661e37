import { stringify as stringifyYaml } from 'yaml';
import { resolveRequestInfo } from '../../request-info';
import { findResource, resourceForPath } from '../../resources';
import { renderWatchEvents } from '../../responses/kubectl-output';
import type { KubeObject } from '../../types';
import { goJson } from '../objects';
import { failed, type Handler } from './handler';
import { kindRef, withoutManagedFields } from './output';
import { sortedQuery } from './requests';

/**
 * get.go: tables for each answer. With -w (GetOptions.watch) the watch starts at the list's
 * resourceVersion, but after a single object at "0": "watching from resourceVersion 0, starts the
 * watch at ~now and will return an initial watch event", rather than at the object's own
 * resourceVersion, which may lie outside the watch window.
 */
export const getHandler: Handler = (parsed, session) => {
  let resourceVersion: string | undefined;
  let lastFailed = false;
  for (const request of parsed.requests()) {
    const info = resolveRequestInfo(request);
    // get.go watch: r.Infos() fails first (NotFound even with --ignore-not-found), so no watch.
    if (info.verb === 'watch' && lastFailed) break;
    let sent = request;
    if (info.verb === 'watch' && resourceVersion !== undefined) {
      const [path, query = ''] = request.path.split('?');
      const params = new URLSearchParams(query);
      params.set('resourceVersion', resourceVersion);
      sent = { ...request, path: `${path}?${sortedQuery(params)}` };
    }
    const trace = session.send(sent);
    lastFailed = failed(trace);
    if (lastFailed) {
      if (!(parsed.input.flags.bool('ignore-not-found') && trace.response.status === 404))
        session.fail(trace);
      if (info.verb === 'watch' || info.verb === 'get') continue;
      continue;
    }
    const body = trace.response.body as KubeObject | undefined;
    // meta.IsListType: only a list's resourceVersion is carried over; a single object's is not.
    resourceVersion = info.verb === 'list' ? body?.metadata?.resourceVersion : '0';
    const output = parsed.input.flags.string('output');
    if (info.verb !== 'watch' && ['json', 'yaml', 'name'].includes(output) && body !== undefined) {
      session.print(printObject(body, output, parsed.input.flags.bool('show-managed-fields')));
    } else if (info.verb === 'watch' && Array.isArray(trace.response.body)) {
      const type =
        resourceForPath(info.apiGroup, info.apiVersion, info.resource) ?? findResource(info.resource);
      // get.go: "watches started for individual items emit a synthetic ADDED event first", whose
      // output is suppressed (outputObjects=false) because the object was just printed.
      const events = sent.path.includes('resourceVersion=0&')
        ? trace.response.body.slice(1)
        : trace.response.body;
      session.print(renderWatchEvents(events, type, trace.requestInfo, new Date()));
    } else session.print(trace.kubectlOutput);
  }
};

/**
 * The -o json|yaml|name printers (cli-runtime pkg/printers): keys sorted (the objects are
 * unstructured maps), JSON indented by four spaces, managedFields hidden unless asked for; a list
 * prints as a `List` whose items carry their apiVersion and kind.
 */
function printObject(body: KubeObject, output: string, showManagedFields: boolean): string {
  const clean = (o: KubeObject) => (showManagedFields ? o : withoutManagedFields(o));
  const items = Array.isArray(body.items) ? (body.items as KubeObject[]) : undefined;
  const listKind = typeof body.kind === 'string' && body.kind.endsWith('List') ? body.kind.slice(0, -4) : '';
  const value: KubeObject =
    items === undefined
      ? clean(body)
      : {
          apiVersion: 'v1',
          items: items.map((i) => clean({ apiVersion: body.apiVersion, kind: listKind, ...i })),
          kind: 'List',
          metadata: { resourceVersion: '' },
        };
  if (output === 'name') {
    const type = findResource(
      typeof body.kind === 'string' ? (items === undefined ? body.kind : listKind) : '',
    );
    const prefix = type === undefined ? '' : kindRef(type);
    return (items ?? [body]).map((o) => `${prefix}/${o.metadata?.name ?? ''}`).join('\n');
  }
  const sorted = JSON.parse(goJson(value)) as unknown;
  // sigs.k8s.io/yaml (go-yaml v2): YAML 1.1 quoting (timestamps stay strings), sequences not indented.
  return output === 'json'
    ? JSON.stringify(sorted, null, 4)
    : stringifyYaml(sorted, { version: '1.1', indentSeq: false }).trimEnd();
}
