/**
 * `kubectl run NAME --image=IMAGE` (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go createPod and
 * createGeneratedObject): one POST of a Pod built from a Go struct, labelled `run: NAME` unless
 * --labels is given, with fieldManager `kubectl-run`.
 */

import { findResource, type ResourceType } from '../resources';
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput, writeOptions } from './context';
import { KubectlError, usageError } from './errors';
import {
  DRY_RUN_FLAG,
  dryRunStrategy,
  type FlagSpec,
  fieldManagerFlag,
  PRINT_FLAGS,
  SAVE_CONFIG_FLAG,
} from './flags';
import { ACCEPT, CONTENT_TYPE } from './headers';
import { objectPath } from './resolve';

export const RUN_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  SAVE_CONFIG_FLAG,
  fieldManagerFlag('kubectl-run'),
  { name: 'image', kind: 'string' },
  { name: 'labels', short: 'l', kind: 'string' },
  { name: 'env', kind: 'stringArray' },
  { name: 'port', kind: 'string' },
  { name: 'restart', kind: 'string' },
  { name: 'command', kind: 'bool' },
  { name: 'stdin', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'rm', kind: 'bool' },
  { name: 'attach', kind: 'bool' },
  { name: 'leave-stdin-open', kind: 'bool' },
  { name: 'quiet', short: 'q', kind: 'bool' },
  { name: 'annotations', kind: 'stringArray' },
  { name: 'image-pull-policy', kind: 'string' },
  { name: 'privileged', kind: 'bool' },
  { name: 'override-type', kind: 'string', default: 'merge' },
  { name: 'overrides', kind: 'string' },
  { name: 'expose', kind: 'bool' },
  { name: 'pod-running-timeout', kind: 'string' },
];

/**
 * The requests of `kubectl run`. With -i/-t/--attach kubectl then waits for the pod and attaches;
 * those follow-ups depend on the pod's progress and are not emitted.
 */
export function runRequests(input: CommandInput): HttpRequest[] {
  const { flags } = input;
  const argsLen = input.argsLenAtDash === -1 ? input.args.length : input.argsLenAtDash;
  if (argsLen < 1) throw usageError(input.commandPath, 'NAME is required for run');
  const name = input.args[0] as string;
  const image = flags.string('image');
  if (image === '') throw new KubectlError('error: required flag(s) "image" not set');
  const interactive = flags.bool('stdin');
  const restart = flags.string('restart') || (interactive ? 'OnFailure' : 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) {
    throw new KubectlError(
      `error: invalid restart policy: ${restart}, valid values are: Always, OnFailure, Never`,
    );
  }
  const pullPolicy = flags.string('image-pull-policy');
  if (pullPolicy !== '' && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) {
    throw new KubectlError(`error: invalid image pull policy: ${pullPolicy}`);
  }
  const labels = parseRunLabels(flags.string('labels')) ?? { run: name };
  const annotations = parseAnnotations(flags.strings('annotations'));
  const envs = flags.strings('env').map((env) => {
    const eq = env.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid env: ${env}`);
    return { name: env.slice(0, eq), value: env.slice(eq + 1) };
  });
  const extra = input.argsLenAtDash === -1 ? input.args.slice(1) : input.args.slice(input.argsLenAtDash);
  const port = flags.string('port');
  if (port !== '' && !/^\d+$/.test(port)) throw new KubectlError(`error: --port must be a valid port number`);

  // Go struct field order of corev1.Container / PodSpec; omitempty fields only when set.
  const container: Record<string, unknown> = { name, image };
  if (extra.length > 0) container[flags.bool('command') ? 'command' : 'args'] = extra;
  if (port !== '') container.ports = [{ containerPort: Number.parseInt(port, 10) }];
  if (envs.length > 0) container.env = envs;
  container.resources = {};
  if (pullPolicy !== '') container.imagePullPolicy = pullPolicy;
  if (flags.bool('privileged')) container.securityContext = { privileged: true };
  if (interactive) container.stdin = true;
  if (interactive && !flags.bool('leave-stdin-open')) container.stdinOnce = true;
  if (flags.bool('tty')) container.tty = true;

  const metadata: Record<string, unknown> = { name, creationTimestamp: null };
  metadata.labels = labels;
  if (annotations !== undefined) metadata.annotations = annotations;
  const pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };

  const dryRun = dryRunStrategy(flags);
  if (dryRun === 'client') return [];
  const pods = findResource('pods') as ResourceType;
  return [
    buildRequest(input, {
      method: 'POST',
      path: objectPath(pods, input.namespace),
      query: writeOptions(input, {
        fieldManager: flags.string('field-manager'),
        dryRunServer: dryRun === 'server',
      }),
      accept: ACCEPT.typed,
      contentType: CONTENT_TYPE.json,
      body: JSON.stringify(pod),
    }),
  ];
}

/** run.go parseLabels: `k=v,k2=v2`; Go writes map keys sorted. */
function parseRunLabels(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`error: unexpected label spec: ${part}`);
    if (kv[0] === '') throw new KubectlError('error: unexpected empty label key');
    labels[kv[0] as string] = kv[1] as string;
  }
  return sortRecord(labels);
}

function parseAnnotations(specs: readonly string[]): Record<string, string> | undefined {
  if (specs.length === 0) return undefined;
  const annotations: Record<string, string> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid annotation spec: ${spec}`);
    annotations[spec.slice(0, eq)] = spec.slice(eq + 1);
  }
  return sortRecord(annotations);
}

function sortRecord(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as string;
  return out;
}
