/**
 * `kubectl auth can-i` (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go) and `kubectl auth whoami`
 * (cmd/auth/whoami.go): one review object POSTed through the typed clientset.
 */

import { findResource } from '../resources';
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput } from './context';
import { usageError } from './errors';
import { ALL_NAMESPACES_FLAG, type FlagSpec, OUTPUT_FLAG } from './flags';
import { ACCEPT, CONTENT_TYPE } from './headers';

export const CAN_I_FLAGS: readonly FlagSpec[] = [
  ALL_NAMESPACES_FLAG,
  { name: 'list', kind: 'bool' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'quiet', short: 'q', kind: 'bool' },
  { name: 'subresource', kind: 'string' },
];

export const WHOAMI_FLAGS: readonly FlagSpec[] = [OUTPUT_FLAG];

/**
 * `kubectl auth can-i VERB TYPE[/NAME] [NAME]` or `can-i VERB /non-resource-url`. The namespace is
 * sent even for cluster-scoped resources (cani.go Complete); -A clears it. An unknown type is sent
 * as given, after kubectl's warning. `--list` sends a SelfSubjectRulesReview instead.
 */
export function canIRequests(input: CommandInput): HttpRequest[] {
  const { flags, args } = input;
  const namespace = flags.bool('all-namespaces') ? '' : input.namespace;
  if (flags.bool('list')) {
    const review = {
      kind: 'SelfSubjectRulesReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: namespace === '' ? {} : { namespace },
      status: { resourceRules: null, nonResourceRules: null, incomplete: false },
    };
    return [post(input, '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', review)];
  }
  if (args.length !== 2 && args.length !== 3) {
    throw usageError(
      input.commandPath,
      'you must specify two or three arguments: verb, resource, and optional resourceName',
    );
  }
  const verb = args[0] as string;
  const target = args[1] as string;
  let spec: Record<string, unknown>;
  if (target.startsWith('/')) {
    spec = { nonResourceAttributes: { path: target, verb } };
  } else {
    const slash = target.indexOf('/');
    const typeArg = slash === -1 ? target : target.slice(0, slash);
    let name = slash === -1 ? '' : target.slice(slash + 1);
    if (args.length === 3) name = args[2] as string;
    const type = findResource(typeArg);
    // cani.go resourceFor: an unknown type is used as written, in the core group.
    const group = type?.group ?? '';
    const resource = type?.resource ?? typeArg;
    const subresource = flags.string('subresource');
    spec = {
      resourceAttributes: {
        ...(namespace === '' ? {} : { namespace }),
        verb,
        ...(group === '' ? {} : { group }),
        resource,
        ...(subresource === '' ? {} : { subresource }),
        ...(name === '' ? {} : { name }),
      },
    };
  }
  const review = {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: { allowed: false },
  };
  return [post(input, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', review)];
}

/** `kubectl auth whoami`: an empty SelfSubjectReview; the server fills in status.userInfo. */
export function whoamiRequests(input: CommandInput): HttpRequest[] {
  const review = {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    status: { userInfo: {} },
  };
  return [post(input, '/apis/authentication.k8s.io/v1/selfsubjectreviews', review)];
}

function post(input: CommandInput, path: string, body: unknown): HttpRequest {
  return buildRequest(input, {
    method: 'POST',
    path,
    accept: ACCEPT.typed,
    contentType: CONTENT_TYPE.json,
    body: JSON.stringify(body),
  });
}
