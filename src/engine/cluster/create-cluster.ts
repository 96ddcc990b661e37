import { parseAllDocuments } from 'yaml';
import { authorize } from '../authorization';
import { runPipeline } from '../pipeline';
import { apiVersionOf, resourceForKind, storageKey } from '../resources';
import { Etcd } from '../storage/etcd';
import type {
  AuthorizationDetails,
  HttpRequest,
  KubeObject,
  RequestInfo,
  ServerConfig,
  Trace,
  UserInfo,
  UserSpec,
} from '../types';
import { applyDefaults } from '../validation/defaults';
import { createEnv, type EnvOptions } from './env';
import { withDefaults } from './defaults';

/** Everything a world starts from. */
export interface ClusterSpec extends EnvOptions {
  /** Initial objects: multi-document YAML, or parsed objects. Written straight to etcd, as if restored. */
  readonly objects?: string | readonly object[];
  /** Who the learner can send requests as. */
  readonly users?: readonly UserSpec[];
  readonly config?: Partial<ServerConfig>;
}

/** A simulated kube-apiserver with its etcd. */
export interface Cluster {
  readonly config: ServerConfig;
  readonly users: readonly UserSpec[];
  /** Read access to the simulated etcd: keys, values, revisions, history. */
  readonly storage: Etcd;
  /** Runs the whole pipeline for `request`, sent with the credential of the user named `user`, and commits on success. */
  send(request: HttpRequest, user: string): Trace;
  /** The authorizer chain alone: the decision and the reason (which binding and rule). */
  authorize(user: UserInfo, info: RequestInfo): AuthorizationDetails;
}

/** An error in a ClusterSpec: the world itself is malformed (not a request failure). */
export class ClusterSpecError extends Error {
  override name = 'ClusterSpecError';
}

const YAML_LIMITS = { maxAliasCount: 100, uniqueKeys: true } as const;

function parseObjects(objects: ClusterSpec['objects']): KubeObject[] {
  if (objects === undefined) return [];
  if (typeof objects !== 'string') return objects.map((o) => structuredClone(o) as KubeObject);
  const docs = parseAllDocuments(objects, YAML_LIMITS);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: KubeObject[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error !== undefined) throw new ClusterSpecError(`objects: ${error.message}`);
    const value: unknown = doc.toJS(YAML_LIMITS);
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) throw new ClusterSpecError('objects: each document must be a mapping');
    out.push(value as KubeObject);
  }
  return out;
}

/** Writes an initial object as the apiserver would have stored it, with server-set metadata. */
function seed(etcd: Etcd, object: KubeObject, env: ReturnType<typeof createEnv>): void {
  const { apiVersion = '', kind = '' } = object;
  const type = resourceForKind(apiVersion, kind);
  if (type === undefined) throw new ClusterSpecError(`objects: no matches for kind "${kind}" in version "${apiVersion}"`);
  const name = object.metadata?.name;
  if (name === undefined || name === '') throw new ClusterSpecError(`objects: a ${kind} has no metadata.name`);
  const namespace = type.namespaced ? (object.metadata?.namespace ?? 'default') : undefined;
  const key = storageKey(type, namespace ?? '', name);
  const stored = applyDefaults(type, {
    ...object,
    apiVersion: apiVersionOf(type),
    kind: type.kind,
    metadata: {
      ...object.metadata,
      name,
      ...(namespace === undefined ? {} : { namespace }),
      uid: object.metadata?.uid ?? env.newUid(),
      creationTimestamp: object.metadata?.creationTimestamp ?? env.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
  });
  const revision = etcd.revision + 1;
  etcd.put(key, { ...stored, metadata: { ...stored.metadata, resourceVersion: String(revision) } });
}

export function createCluster(spec: ClusterSpec = {}): Cluster {
  const config = withDefaults(spec.config);
  const users = spec.users ?? [];
  const env = createEnv(spec);
  const etcd = new Etcd();
  for (const object of parseObjects(spec.objects)) seed(etcd, object, env);

  return {
    config,
    users,
    storage: etcd,
    send(request, userName) {
      const sender = users.find((u) => u.name === userName) ?? { name: userName, credential: { type: 'anonymous' } };
      return runPipeline({ config, etcd, env }, request, sender);
    },
    authorize(user, info) {
      return authorize(
        {
          user,
          verb: info.verb,
          isResourceRequest: info.isResourceRequest,
          apiGroup: info.apiGroup,
          apiVersion: info.apiVersion,
          namespace: info.namespace,
          resource: info.resource,
          subresource: info.subresource,
          name: info.name,
          path: info.path,
        },
        config.authorization,
        etcd,
      );
    },
  };
}
