/**
 * kubectl command line → the HTTP requests kubectl v1.31 would send, in order.
 *
 * Commands are modelled on staging/src/k8s.io/kubectl/pkg/cmd/<command>/ in kubernetes/kubernetes;
 * each file names its source. Common simplifications (each command documents its own):
 * - kubectlToRequests leaves out discovery (GET /api, /apis), except for `api-resources`/`api-versions`,
 *   which re-read it; runKubectl sends it first when the machine's cache is cold (rest-mapper.ts).
 * - Requests whose existence or content depends on an earlier response (client-side apply's POST or
 *   PATCH, the per-item DELETEs of `delete --all`, the watch's resourceVersion…) are left out or left
 *   incomplete here; kubectlToRequests returns what can be known before anything is sent.
 *   `runKubectl` (session.ts) sends them one by one and decides the follow-ups from the responses.
 *
 * Layout: parse.ts reads the command line; `<command>.ts` builds a command's first requests;
 * session.ts dispatches to follow-ups/<command>.ts, which plays the command and prints its output.
 */
import type { HttpRequest } from '../types';
import type { KubectlContext } from './context';
import { parseKubectl } from './parse';

export type { CommandInput, KubectlContext } from './context';
export { KLOG_MEMCACHE_PREFIX } from './discovery-errors';
export { KubectlError } from './errors';
export { ACCEPT, CONTENT_TYPE, KUBECTL_USER_AGENT } from './headers';
export { type ParsedKubectl, parseKubectl } from './parse';
export { encodeQuery, queryEscape } from './query';
export type { DiscoveryCache } from './rest-mapper';
export { type KubectlRun, LAST_APPLIED_ANNOTATION, runKubectl, type SendRequest } from './session';
export { tokenize } from './tokenize';

/**
 * The requests `kubectl <commandLine>` sends, in order. A leading `kubectl` is optional; environment
 * assignments before it (`KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false kubectl exec …`) are honoured where
 * kubectl reads them. `--dry-run=client` and commands that only print (help) return `[]`.
 * Throws KubectlError with kubectl's own message for what kubectl would reject.
 */
export function kubectlToRequests(commandLine: string, ctx: KubectlContext = {}): HttpRequest[] {
  return parseKubectl(commandLine, ctx)?.requests() ?? [];
}
