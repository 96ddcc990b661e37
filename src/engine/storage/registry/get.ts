import { type ResourceType, storageKey } from '../../resources';
import { notFound } from '../../responses/status';
import type { KubeObject } from '../../types';
import type { Etcd } from '../etcd';
import type { RegistryResult } from './result';

/** store.Get. */
export function getObject(type: ResourceType, namespace: string, name: string, etcd: Etcd): RegistryResult {
  const key = storageKey(type, namespace, name);
  const object = etcd.get(key);
  if (object === undefined) {
    return { ok: false, operation: 'get', status: notFound(type.group, type.resource, name), key };
  }
  return { ok: true, operation: 'get', code: 200, body: object, key, revision: etcd.revision, wrote: false };
}

/** A stored object by its coordinates, for callers that only hold a type (admission lookups). */
export function readObject(
  etcd: Etcd,
  type: ResourceType,
  namespace: string,
  name: string,
): KubeObject | undefined {
  return etcd.get(storageKey(type, namespace, name));
}
