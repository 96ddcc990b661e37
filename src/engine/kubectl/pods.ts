/**
 * Commands that talk to a pod's containers: `kubectl logs` (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go
 * with polymorphichelpers.LogsForObject) and `kubectl exec` (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go).
 */

import { findResource, type ResourceType } from '../resources';
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput } from './context';
import { KubectlError, usageError } from './errors';
import { FILENAME_FLAG, type FlagSpec, SELECTOR_FLAG } from './flags';
import { ACCEPT } from './headers';
import { objectPath, resolveType } from './resolve';

const PODS = findResource('pods') as ResourceType;

export const LOGS_FLAGS: readonly FlagSpec[] = [
  SELECTOR_FLAG,
  { name: 'container', short: 'c', kind: 'string' },
  { name: 'follow', short: 'f', kind: 'bool' },
  { name: 'previous', short: 'p', kind: 'bool' },
  { name: 'tail', kind: 'int', default: -1 },
  { name: 'since', kind: 'string' },
  { name: 'since-time', kind: 'string' },
  { name: 'timestamps', kind: 'bool' },
  { name: 'all-containers', kind: 'bool' },
  { name: 'prefix', kind: 'bool' },
  { name: 'limit-bytes', kind: 'int', default: 0 },
  { name: 'ignore-errors', kind: 'bool' },
  { name: 'insecure-skip-tls-verify-backend', kind: 'bool' },
  { name: 'pod-running-timeout', kind: 'string' },
  { name: 'max-log-requests', kind: 'int', default: 5 },
];

/**
 * `kubectl logs POD [-c CONTAINER]`: the builder GETs the pod, then the typed client GETs its `log`
 * subresource. Without -c, kubectl puts the pod's default (first) container in `container=`, known
 * only from the GET response; the parameter is then left out here (the server defaults the same
 * way for single-container pods). `logs deploy/x` and `-l` resolve a pod through further requests
 * that are not modelled.
 */
export function logsRequests(input: CommandInput): HttpRequest[] {
  const { flags } = input;
  if (flags.string('selector') !== '') throw new KubectlError('error: logs -l is not simulated');
  const [first, second] = input.args;
  if (first === undefined) {
    throw usageError(input.commandPath, 'expected POD, TYPE/NAME, or --selector (-l) to be specified.');
  }
  if (input.args.length > 2)
    throw usageError(input.commandPath, 'expected POD, TYPE/NAME, or --selector (-l) to be specified.');
  let podName = first;
  if (first.includes('/')) {
    const [typeArg = '', name = ''] = first.split('/', 2);
    if (resolveType(typeArg).resource !== 'pods') {
      throw new KubectlError(`error: logs for ${first} are not simulated; name a pod`);
    }
    podName = name;
  }
  const container = flags.string('container') || second || '';
  const since = flags.string('since');
  const query: Array<[string, string]> = [];
  if (container !== '') query.push(['container', container]);
  if (flags.bool('follow')) query.push(['follow', 'true']);
  if (flags.int('limit-bytes') > 0) query.push(['limitBytes', String(flags.int('limit-bytes'))]);
  if (flags.bool('previous')) query.push(['previous', 'true']);
  if (since !== '') query.push(['sinceSeconds', String(durationSeconds(since))]);
  if (flags.string('since-time') !== '') query.push(['sinceTime', flags.string('since-time')]);
  if (flags.int('tail') >= 0) query.push(['tailLines', String(flags.int('tail'))]);
  if (flags.bool('timestamps')) query.push(['timestamps', 'true']);
  const path = objectPath(PODS, input.namespace, podName);
  return [
    buildRequest(input, { method: 'GET', path, accept: ACCEPT.json }),
    buildRequest(input, { method: 'GET', path: `${path}/log`, query, accept: ACCEPT.typed }),
  ];
}

/** Go duration (`10s`, `5m`, `1h30m`) in whole seconds, as logs.go turns --since into sinceSeconds. */
function durationSeconds(value: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let total = 0;
  let rest = value;
  while (rest !== '') {
    const m = /^(\d+(?:\.\d+)?)(ms|h|m|s)/.exec(rest);
    if (m === null)
      throw new KubectlError(
        `error: invalid argument "${value}" for "--since" flag: time: invalid duration "${value}"`,
      );
    total += Number(m[1]) * (units[m[2] as string] as number);
    rest = rest.slice(m[0].length);
  }
  return Math.ceil(total);
}

export const EXEC_FLAGS: readonly FlagSpec[] = [
  FILENAME_FLAG,
  { name: 'container', short: 'c', kind: 'string' },
  { name: 'stdin', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'quiet', short: 'q', kind: 'bool' },
  { name: 'pod-running-timeout', kind: 'string' },
];

/** client-go remotecommand: the stream protocols offered, newest first. */
const STREAM_PROTOCOLS = 'v5.channel.k8s.io, v4.channel.k8s.io, v3.channel.k8s.io, v2.channel.k8s.io';

/**
 * `kubectl exec POD [-c CONTAINER] [-i] [-t] -- COMMAND…`: the typed client GETs the pod, then the
 * `exec` subresource is opened. kubectl 1.30+ opens it with a WebSocket upgrade, which is an HTTP
 * GET (exec.go createExecutor; RFC 6455 requires GET), falling back to a SPDY POST only if the
 * upgrade fails or `KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false` is set — which this function honours
 * when given before `kubectl` on the command line. The method matters for RBAC: the apiserver sees
 * `get` on pods/exec for the WebSocket and `create` for the POST. Without -c the container is the
 * pod's default one, known only from the GET response; `container=` is then left out.
 */
export function execRequests(input: CommandInput): HttpRequest[] {
  const { flags } = input;
  const argsLen = input.argsLenAtDash === -1 ? input.args.length : input.argsLenAtDash;
  const before = input.args.slice(0, argsLen);
  const command = input.argsLenAtDash === -1 ? input.args.slice(1) : input.args.slice(input.argsLenAtDash);
  const target = before[0];
  if (target === undefined) {
    throw usageError(input.commandPath, 'pod, type/name or --filename must be specified');
  }
  if (command.length === 0)
    throw usageError(input.commandPath, 'you must specify at least one command for the container');
  let podName = target;
  if (target.includes('/')) {
    const [typeArg = '', name = ''] = target.split('/', 2);
    if (resolveType(typeArg).resource !== 'pods') {
      throw new KubectlError(`error: exec into ${target} is not simulated; name a pod`);
    }
    podName = name;
  }
  const tty = flags.bool('tty') && flags.bool('stdin');
  // corev1.PodExecOptions through the parameter codec: false booleans are omitted.
  const query: Array<[string, string]> = command.map((c) => ['command', c] as [string, string]);
  if (flags.string('container') !== '') query.push(['container', flags.string('container')]);
  if (!tty) query.push(['stderr', 'true']);
  if (flags.bool('stdin')) query.push(['stdin', 'true']);
  query.push(['stdout', 'true']);
  if (tty) query.push(['tty', 'true']);

  const path = objectPath(PODS, input.namespace, podName);
  const websockets = (input.env.KUBECTL_REMOTE_COMMAND_WEBSOCKETS ?? '').toLowerCase() !== 'false';
  const upgrade: { method: 'GET' | 'POST'; extraHeaders: Record<string, string> } = websockets
    ? {
        method: 'GET',
        extraHeaders: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Protocol': STREAM_PROTOCOLS,
          'Sec-WebSocket-Version': '13',
        },
      }
    : {
        method: 'POST',
        extraHeaders: {
          Connection: 'Upgrade',
          Upgrade: 'SPDY/3.1',
          'X-Stream-Protocol-Version': STREAM_PROTOCOLS,
        },
      };
  return [
    buildRequest(input, { method: 'GET', path, accept: ACCEPT.typed }),
    buildRequest(input, { ...upgrade, path: `${path}/exec`, query, accept: ACCEPT.typed }),
  ];
}
