/**
 * The storage stage (the REST handlers' call into the registry, staging/src/k8s.io/apiserver/pkg/
 * endpoints/handlers/{create,get,update,delete,watch}.go): dispatches on the verb to the registry
 * (storage/registry/) and turns its answer into the stage verdict and the HTTP response.
 */
import { engineMessage } from './messages';
import { type ResourceType, storageKey } from './resources';
import type { Etcd } from './storage/etcd';
import { createObject } from './storage/registry/create';
import { deleteObject } from './storage/registry/delete';
import { deleteCollection } from './storage/registry/delete-collection';
import { getObject } from './storage/registry/get';
import { listObjects } from './storage/registry/list';
import type { ManagerWrite, RegistryResult, StoreOptions } from './storage/registry/result';
import { updateObject } from './storage/registry/update';
import { watchObjects } from './storage/registry/watch';
import type { HttpResponse, KubeObject, RequestInfo, ServerEnv, StageResult, StorageDetails } from './types';

function notSimulated(
  info: RequestInfo,
  etcd: Etcd,
): { result: StageResult<StorageDetails>; response: HttpResponse } {
  const message = `the simulator does not model ${info.verb} requests yet`;
  return {
    result: {
      stage: 'storage',
      outcome: 'skipped',
      ...engineMessage('storage.notSimulated', { verb: info.verb }),
      details: { operation: 'none', key: '', revision: etcd.revision },
    },
    // 501 Not Implemented: an honest "the simulator stops here", not a made-up server answer.
    response: {
      status: 501,
      body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 501 },
    },
  };
}

/**
 * The storage stage: dispatches on the verb to the registry and turns its answer into the
 * stage verdict and the HTTP response (201 for a create, 200 otherwise).
 */
export function storageStage(
  info: RequestInfo,
  type: ResourceType,
  object: KubeObject | undefined,
  etcd: Etcd,
  env: ServerEnv,
  query: URLSearchParams,
  manager?: ManagerWrite,
): { result: StageResult<StorageDetails>; response: HttpResponse } {
  const grace = query.get('gracePeriodSeconds');
  const options: StoreOptions = {
    dryRun: query.getAll('dryRun').includes('All'),
    ...(manager === undefined ? {} : { manager }),
    ...(grace !== null && /^-?\d+$/.test(grace) ? { gracePeriodSeconds: Number(grace) } : {}),
  };
  let outcome: RegistryResult & { keys?: string[]; events?: number; since?: number };
  switch (info.verb) {
    case 'create':
      if (object === undefined) return notSimulated(info, etcd);
      outcome = createObject(type, info.namespace, object, etcd, env, options);
      break;
    case 'get':
      outcome = getObject(type, info.namespace, info.name, etcd);
      break;
    case 'list':
      outcome = listObjects(type, info.namespace, etcd, query);
      break;
    case 'update':
      if (object === undefined) return notSimulated(info, etcd);
      outcome = updateObject(type, info.namespace, info.name, object, etcd, options);
      break;
    case 'patch':
      if (object === undefined) return notSimulated(info, etcd);
      // Server-side apply creates a missing object (patch.go applyPatcher.createNewObject).
      outcome =
        etcd.get(storageKey(type, info.namespace, info.name)) === undefined
          ? createObject(type, info.namespace, object, etcd, env, options)
          : updateObject(type, info.namespace, info.name, object, etcd, options);
      break;
    case 'delete':
      outcome = deleteObject(type, info.namespace, info.name, etcd, env, options);
      break;
    case 'deletecollection':
      outcome = deleteCollection(type, info.namespace, etcd, env, query, options);
      break;
    case 'watch':
      outcome = watchObjects(type, info.namespace, etcd, query);
      break;
    default:
      return notSimulated(info, etcd);
  }
  return toStage(outcome, options, etcd);
}

const SUCCESS_MESSAGE = {
  create: 'storage.created',
  get: 'storage.read',
  list: 'storage.listed',
  update: 'storage.updated',
  delete: 'storage.deleted',
  none: 'storage.read',
  watch: 'storage.read',
  deletecollection: 'storage.deletedCollection',
} as const;

function toStage(
  outcome: RegistryResult & { keys?: string[]; events?: number; since?: number },
  options: StoreOptions,
  etcd: Etcd,
): { result: StageResult<StorageDetails>; response: HttpResponse } {
  if (!outcome.ok) {
    return {
      result: {
        stage: 'storage',
        outcome: 'failed',
        ...engineMessage('storage.failed', { reason: outcome.status.message ?? '' }),
        details: { operation: outcome.operation, key: outcome.key, revision: etcd.revision },
      },
      response: { status: outcome.status.code, body: outcome.status },
    };
  }
  const { operation, key, revision } = outcome;
  const isWrite =
    operation === 'create' ||
    operation === 'update' ||
    operation === 'delete' ||
    operation === 'deletecollection';
  const isNamespace = key.startsWith('/registry/namespaces/');
  let text: ReturnType<typeof engineMessage>;
  if (isWrite && options.dryRun) text = engineMessage('storage.dryRun', { operation, key, revision });
  else if (operation === 'update' && !outcome.wrote)
    text = engineMessage('storage.unchanged', { key, revision });
  else if (outcome.pendingDeletion && isNamespace)
    text = engineMessage('storage.namespaceTerminating', {
      name: key.slice('/registry/namespaces/'.length),
      revision,
    });
  else if (outcome.pendingDeletion) text = engineMessage('storage.deletionPending', { key, revision });
  else if (operation === 'list') {
    const count = (outcome.body as { items: unknown[] }).items.length;
    text = engineMessage('storage.listed', { count, key, revision });
  } else if (operation === 'watch') {
    text = engineMessage('storage.watched', {
      key,
      since: outcome.since ?? 0,
      count: outcome.events ?? 0,
      revision,
    });
  } else if (operation === 'deletecollection') {
    text = engineMessage('storage.deletedCollection', { count: outcome.keys?.length ?? 0, key, revision });
  } else text = engineMessage(SUCCESS_MESSAGE[operation], { key, revision });
  const details: StorageDetails = {
    operation,
    key,
    revision,
    ...(outcome.keys === undefined ? {} : { keys: outcome.keys }),
    ...(outcome.events === undefined ? {} : { events: outcome.events }),
    ...(isWrite && options.dryRun ? { dryRun: true } : {}),
  };
  return {
    result: { stage: 'storage', outcome: 'passed', ...text, details },
    response: { status: outcome.code, body: outcome.body },
  };
}
