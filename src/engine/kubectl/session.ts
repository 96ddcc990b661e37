/**
 * `runKubectl`: plays one kubectl command against a server, request by request, deciding each
 * follow-up from the responses as kubectl's code does — client-side apply's GET then POST or
 * three-way PATCH, edit's GET then PATCH, replace's GET for the resourceVersion then PUT, delete
 * --all/-l's list then one DELETE per item, `get -w`'s list then watch from the list's
 * resourceVersion, scale's GET then PATCH of /scale, logs' GET of the pod then of its log.
 * `kubectlToRequests` (index.ts) stays the static view: what is known before anything is sent.
 *
 * Output is what the terminal shows, stdout and stderr interleaved in order. Simplifications:
 * `describe` prints only the object's Name/Namespace/Labels/Annotations header; `api-resources`
 * is printed from the simulator's resource table (the same one its discovery documents come
 * from) because the simulator serves unaggregated discovery; kubectl's retries, discovery cache
 * refreshes and the delete --wait watch are not sent.
 *
 * Each command's follow-up lives in follow-ups/<command>.ts; HANDLERS below picks it by name, and
 * commands without one send their requests as they are (sendAll).
 */
import type { KubectlContext } from './context';
import { KubectlError } from './errors';
import { apiResourcesHandler } from './follow-ups/api-resources';
import { apiVersionsHandler } from './follow-ups/api-versions';
import { applyHandler } from './follow-ups/apply';
import { canIHandler } from './follow-ups/can-i';
import { createHandler } from './follow-ups/create';
import { deleteHandler } from './follow-ups/delete';
import { describeHandler } from './follow-ups/describe';
import { editHandler } from './follow-ups/edit';
import { getHandler } from './follow-ups/get';
import { type Handler, type KubectlRun, type SendRequest, Session, sendAll } from './follow-ups/handler';
import { metadataMapHandler } from './follow-ups/metadata-map';
import { patchHandler } from './follow-ups/patch';
import { podStreamHandler } from './follow-ups/pods';
import { replaceHandler } from './follow-ups/replace';
import { scaleHandler } from './follow-ups/scale';
import { versionHandler } from './follow-ups/version';
import { whoamiHandler } from './follow-ups/whoami';
import { parseKubectl } from './parse';
import { loadDiscovery } from './rest-mapper';

export { LAST_APPLIED_ANNOTATION } from './follow-ups/apply';
export type { KubectlRun, SendRequest } from './follow-ups/handler';

/**
 * Runs `kubectl <commandLine>` against `send`, one request at a time. KubectlErrors (bad flags,
 * unknown types) end the run with kubectl's message and exit code 1, before anything is sent.
 */
export function runKubectl(commandLine: string, send: SendRequest, ctx: KubectlContext = {}): KubectlRun {
  const session = new Session(send);
  try {
    const parsed = parseKubectl(commandLine, ctx);
    const cache = ctx.discoveryCache ?? { warm: false };
    if (parsed !== undefined && loadDiscovery(parsed, session, cache)) {
      (HANDLERS[parsed.name] ?? sendAll)(parsed, session, ctx);
      // api-resources/api-versions re-read discovery; a success leaves the cache filled.
      if (parsed.name.startsWith('api-') && session.exitCode === 0 && session.traces.length > 0)
        cache.warm = true;
    }
  } catch (error) {
    if (!(error instanceof KubectlError)) throw error;
    session.error(error.hint === undefined ? error.message : `${error.message}\n${error.hint}`);
  }
  return session.result();
}

const HANDLERS: Readonly<Record<string, Handler>> = {
  create: createHandler,
  apply: applyHandler,
  replace: replaceHandler,
  edit: editHandler,
  delete: deleteHandler,
  label: metadataMapHandler('labels'),
  annotate: metadataMapHandler('annotations'),
  scale: scaleHandler,
  logs: (parsed, session) => podStreamHandler(parsed, session),
  exec: (parsed, session) => podStreamHandler(parsed, session),
  get: getHandler,
  describe: describeHandler,
  patch: patchHandler,
  'auth can-i': canIHandler,
  'auth whoami': whoamiHandler,
  'api-versions': apiVersionsHandler,
  'api-resources': apiResourcesHandler,
  version: versionHandler,
};
