import { createCluster } from '../../../../src/engine';
import { loadCel } from '../../../../src/engine/admission/policy/cel-load';
import type {
  EngineExtensions,
  HttpRequest,
  KubeObject,
  ServerConfigInput,
} from '../../../../src/engine/types';
import { loadSchemas } from '../../../../src/engine/validation/schema/load';

/** Shared fixtures for the admission, policy and field-validation suites: a cluster and raw requests. */

let loaded: EngineExtensions | undefined;

/** Loads the schemas and the CEL interpreter once (tests load them eagerly; the UI on demand). */
export async function extensions(): Promise<EngineExtensions> {
  loaded ??= { schemas: await loadSchemas(), cel: await loadCel() };
  return loaded;
}

export const ADMIN = {
  name: 'admin',
  credential: { type: 'x509' as const, commonName: 'admin', organizations: ['system:masters'] },
};

export const NODE = {
  name: 'node1',
  credential: {
    type: 'x509' as const,
    commonName: 'system:node:node1',
    organizations: ['system:nodes', 'system:masters'],
  },
};

export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels }, status: { phase: 'Active' } };
}

export function serviceAccount(ns: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } };
}

/** A cluster with `default` and `dev` namespaces, their default service accounts, and `objects`. */
export function world(objects: KubeObject[] = [], ext: EngineExtensions = {}, config?: ServerConfigInput) {
  return createCluster({
    objects: [
      namespace('default'),
      serviceAccount('default'),
      namespace('dev'),
      serviceAccount('dev'),
      ...objects,
    ],
    users: [ADMIN, NODE],
    extensions: ext,
    now: () => new Date('2026-01-01T12:00:00Z'),
    seed: 3,
    ...(config === undefined ? {} : { config }),
  });
}

export function post(path: string, body: unknown, query = ''): HttpRequest {
  return {
    method: 'POST',
    path: `${path}${query}`,
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export function put(path: string, body: unknown): HttpRequest {
  return { method: 'PUT', path, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

export function pod(
  name: string,
  spec: Record<string, unknown> = {},
  meta: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...meta },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
  };
}

export const PODS = '/api/v1/namespaces/default/pods';
