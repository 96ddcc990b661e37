import type { ResourceType } from '../../resources';
import type { KubeObject, ServerEnv } from '../../types';
import type { Etcd } from '../etcd';
import { deleteObject } from './delete';
import { listObjects } from './list';
import type { RegistryResult, StoreOptions } from './result';

/**
 * store.DeleteCollection: lists with the request's selectors, deletes each item with the same
 * options, and answers the list as it was read (items before deletion). Admission ran once for
 * the collection in the pipeline; the real store calls the validating admission per item (not modelled).
 */
export function deleteCollection(
  type: ResourceType,
  namespace: string,
  etcd: Etcd,
  env: ServerEnv,
  query: URLSearchParams,
  options: StoreOptions,
): RegistryResult & { keys?: string[] } {
  const listed = listObjects(type, namespace, etcd, query);
  if (!listed.ok) return { ...listed, operation: 'deletecollection' };
  const body = listed.body as { items: KubeObject[] };
  const keys: string[] = [];
  for (const item of body.items) {
    const itemName = item.metadata?.name ?? '';
    const itemNamespace = item.metadata?.namespace ?? '';
    const done = deleteObject(type, itemNamespace, itemName, etcd, env, options);
    if (done.ok) keys.push(done.key);
  }
  return {
    ok: true,
    operation: 'deletecollection',
    code: 200,
    body: listed.body,
    key: listed.key,
    revision: etcd.revision,
    wrote: !options.dryRun && keys.length > 0,
    keys,
  };
}
