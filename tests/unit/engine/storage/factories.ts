import { findResource, type ResourceType } from '../../../../src/engine/resources';
import type { KubeObject, RequestInfo, ServerEnv, UserInfo } from '../../../../src/engine/types';

/** Tiny factories shared by the decoding, admission, validation and storage suites. */

export function typeOf(name: string): ResourceType {
  const type = findResource(name);
  if (type === undefined) throw new Error(`unknown resource ${name}`);
  return type;
}

/** A deterministic ServerEnv: fixed clock, counting uids, suffixes from a queue (default `abcde`). */
export function makeEnv(suffixes: string[] = []): ServerEnv {
  let uid = 0;
  return {
    now: () => new Date('2025-01-02T03:04:05.678Z'),
    newUid: () => `uid-${++uid}`,
    randomSuffix: (n) => (suffixes.shift() ?? 'bcdfghjklm').slice(0, n),
  };
}

export function makeInfo(overrides: Partial<RequestInfo> = {}): RequestInfo {
  return {
    isResourceRequest: true,
    path: '/api/v1/namespaces/default/pods',
    verb: 'create',
    apiPrefix: 'api',
    apiGroup: '',
    apiVersion: 'v1',
    namespace: 'default',
    resource: 'pods',
    subresource: '',
    name: '',
    parts: [],
    ...overrides,
  };
}

export function makePod(
  name = 'nginx',
  spec: Record<string, unknown> = {},
  namespace = 'default',
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...spec },
  };
}

export function makeNamespace(name: string, phase?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
    ...(phase === undefined ? {} : { status: { phase } }),
  };
}

export function makeServiceAccount(
  name: string,
  namespace = 'default',
  extra: Record<string, unknown> = {},
): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace }, ...extra };
}

export const alice: UserInfo = { username: 'alice', uid: '', groups: ['system:authenticated'], extra: {} };
