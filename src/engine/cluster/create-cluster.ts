import { parseAllDocuments } from 'yaml';
import { addAuthenticatedGroup, authenticate, presentCredential } from '../authentication';
import { attributesFor, authorize } from '../authorization';
import { type AccessMatrixCell, accessMatrix, MATRIX_VERBS } from '../authorization/matrix';
import { bootstrapPolicy } from '../authorization/rbac/bootstrap-policy';
import { yamlToJs } from '../decoding/yaml-errors';
import { type KubectlContext, type KubectlRun, runKubectl } from '../kubectl';
import { runPipeline } from '../pipeline';
import { apiVersionOf, RESOURCES, resourceForKind, storageKey } from '../resources';
import { isReviewResource } from '../reviews';
import { Etcd } from '../storage/etcd';
import { type NamespaceCleanup, runNamespaceController } from '../storage/namespace-controller';
import type {
  AuthorizationDetails,
  EngineExtensions,
  HttpRequest,
  KubeObject,
  RequestInfo,
  ServerConfig,
  ServerConfigInput,
  Trace,
  UserInfo,
  UserSpec,
} from '../types';
import { applyDefaults } from '../validation/defaults';
import { withDefaults } from './defaults';
import { createEnv, type EnvOptions } from './env';

/** Everything a world starts from. */
export interface ClusterSpec extends EnvOptions {
  /** Initial objects: multi-document YAML, or parsed objects. Written straight to etcd, as if restored. */
  readonly objects?: string | readonly object[];
  /** Who the learner can send requests as. */
  readonly users?: readonly UserSpec[];
  /** Server flags; each section may be partial (see withDefaults). */
  readonly config?: ServerConfigInput;
  /**
   * Heavy, lazily loaded parts: the OpenAPI schemas (validation/schema/load.ts loadSchemas) and the
   * CEL interpreter (admission/policy/cel-load.ts loadCel). Without them the pipeline still runs
   * and its stages say what was not checked.
   */
  readonly extensions?: EngineExtensions;
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
  /**
   * Who the server takes the user named `user` for: that user's credential presented on a probe
   * request (`GET /api`) and run through the authenticators alone. Undefined when the credential
   * is refused (or no user has that name).
   */
  authenticateUser(user: string, now?: Date): UserInfo | undefined;
  /**
   * "Who can": the cluster's users (each credential authenticated as on a real request; users
   * whose credential is refused are left out) and the ServiceAccounts in storage, against
   * resources and verbs in `namespace` (by default every namespaced resource and the eight
   * standard verbs), computed from the current rules.
   */
  accessMatrix(namespace: string, options?: AccessMatrixOptions): AccessMatrixCell[];
  /**
   * Runs `kubectl <commandLine>` as the user named `user`: each request goes through `send`, and
   * follow-ups (apply's POST or PATCH, delete --all's DELETEs, get -w's watch…) are decided from
   * the responses, as kubectl does. Returns every trace and what kubectl prints.
   */
  kubectl(commandLine: string, user: string, ctx?: KubectlContext): KubectlRun;
  /**
   * One pass of kube-controller-manager's namespace controller: every Terminating namespace
   * loses its contents, then its `kubernetes` finalizer, and is deleted. Returns what it removed.
   */
  runNamespaceController(): NamespaceCleanup[];
}

export interface AccessMatrixOptions {
  readonly resources?: readonly { readonly group: string; readonly resource: string }[];
  readonly verbs?: readonly string[];
}

/** An error in a ClusterSpec: the world itself is malformed (not a request failure). */
export class ClusterSpecError extends Error {
  override name = 'ClusterSpecError';
}

const YAML_LIMITS = { maxAliasCount: 100, uniqueKeys: true } as const;

function parseObjects(objects: ClusterSpec['objects']): KubeObject[] {
  if (objects === undefined) return [];
  // seed never changes what it is given (applyDefaults copies), so parsed objects need no copy.
  if (typeof objects !== 'string') return objects as readonly KubeObject[] as KubeObject[];
  const docs = parseAllDocuments(objects, YAML_LIMITS);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: KubeObject[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error !== undefined) throw new ClusterSpecError(`objects: ${error.message}`);
    const converted = yamlToJs(doc, YAML_LIMITS);
    if (!converted.ok) throw new ClusterSpecError(`objects: ${converted.error}`);
    const value = converted.value;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value))
      throw new ClusterSpecError('objects: each document must be a mapping');
    out.push(value as KubeObject);
  }
  return out;
}

/** Writes an initial object as the apiserver would have stored it, with server-set metadata. */
function seed(etcd: Etcd, object: KubeObject, env: ReturnType<typeof createEnv>): void {
  const { apiVersion = '', kind = '' } = object;
  const type = resourceForKind(apiVersion, kind);
  if (type === undefined)
    throw new ClusterSpecError(`objects: no matches for kind "${kind}" in version "${apiVersion}"`);
  const name = object.metadata?.name;
  if (name === undefined || name === '')
    throw new ClusterSpecError(`objects: a ${kind} has no metadata.name`);
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
      creationTimestamp:
        object.metadata?.creationTimestamp ??
        env
          .now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
    },
  });
  const revision = etcd.revision + 1;
  // applyDefaults returned a fresh deep copy, so the store can keep it without copying again.
  etcd.putOwned(key, { ...stored, metadata: { ...stored.metadata, resourceVersion: String(revision) } });
}

/**
 * The default roles and bindings the RBAC post-start hook reconciles
 * (pkg/registry/rbac/rest/storage_rbac.go). A scenario's own object of the same name is kept as it is
 * (simplified: the real hook would add missing rules to it unless autoupdate is off).
 */
function seedBootstrapPolicy(etcd: Etcd, env: ReturnType<typeof createEnv>): void {
  for (const object of bootstrapPolicy()) {
    const type = resourceForKind(object.apiVersion ?? '', object.kind ?? '');
    const name = object.metadata?.name ?? '';
    if (type !== undefined && etcd.get(storageKey(type, '', name)) === undefined) seed(etcd, object, env);
  }
}

export function createCluster(spec: ClusterSpec = {}): Cluster {
  const config = withDefaults(spec.config);
  const users = spec.users ?? [];
  const env = createEnv(spec);
  const etcd = new Etcd();
  for (const object of parseObjects(spec.objects)) seed(etcd, object, env);
  if (config.authorization.modes.includes('RBAC') && config.authorization.bootstrapPolicy !== false) {
    seedBootstrapPolicy(etcd, env);
  }

  const cluster: Cluster = {
    config,
    users,
    storage: etcd,
    send(request, userName) {
      const sender = users.find((u) => u.name === userName) ?? {
        name: userName,
        credential: { type: 'anonymous' },
      };
      return runPipeline({ config, etcd, env, extensions: spec.extensions ?? {} }, request, sender);
    },
    authorize(user, info) {
      return authorize(attributesFor(user, info), config.authorization, etcd);
    },
    authenticateUser(userName, now = env.now()) {
      const spec = users.find((u) => u.name === userName);
      return spec === undefined ? undefined : authenticateSpec(spec, config, etcd, now);
    },
    kubectl(commandLine, userName, ctx) {
      return runKubectl(commandLine, (request) => cluster.send(request, userName), ctx);
    },
    runNamespaceController() {
      return runNamespaceController(etcd, env);
    },
    accessMatrix(namespace, options = {}) {
      return accessMatrix(
        matrixSubjects(users, config, etcd, env.now()),
        namespace,
        options.resources ??
          RESOURCES.filter((r) => r.namespaced && !isReviewResource(r)).map((r) => ({
            group: r.group,
            resource: r.resource,
          })),
        options.verbs ?? MATRIX_VERBS,
        config.authorization,
        etcd,
      );
    },
  };
  return cluster;
}

const PROBE: HttpRequest = { method: 'GET', path: '/api', headers: {} };

/** The user the authenticators make of `spec`'s credential on a probe request; undefined when refused. */
function authenticateSpec(spec: UserSpec, config: ServerConfig, etcd: Etcd, now: Date): UserInfo | undefined {
  return authenticate(presentCredential(PROBE, spec.credential), config.authentication, etcd, now).user;
}

/** The users as the server would see them (authenticated on a dummy request) plus every stored ServiceAccount. */
function matrixSubjects(users: readonly UserSpec[], config: ServerConfig, etcd: Etcd, now: Date): UserInfo[] {
  const subjects = new Map<string, UserInfo>();
  for (const spec of users) {
    const user = authenticateSpec(spec, config, etcd, now);
    if (user !== undefined && !subjects.has(user.username)) subjects.set(user.username, user);
  }
  const serviceAccounts = resourceForKind('v1', 'ServiceAccount');
  for (const sa of serviceAccounts === undefined ? [] : etcd.list(storageKey(serviceAccounts, ''))) {
    const namespace = sa.metadata?.namespace ?? '';
    const username = `system:serviceaccount:${namespace}:${sa.metadata?.name ?? ''}`;
    if (subjects.has(username)) continue;
    subjects.set(
      username,
      addAuthenticatedGroup({
        username,
        uid: sa.metadata?.uid ?? '',
        groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`],
        extra: {},
      }),
    );
  }
  return [...subjects.values()];
}
