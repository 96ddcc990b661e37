/**
 * REST semantics over the simulated etcd, after
 * staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (Create, Get, List, Update, Delete)
 * and the per-resource strategies under pkg/registry/.
 */
export { createObject } from './registry/create';
export { deleteObject, NAMESPACE_TERMINATING_MESSAGE } from './registry/delete';
export { deleteCollection } from './registry/delete-collection';
export { getObject, readObject } from './registry/get';
export { listObjects } from './registry/list';
export { rfc3339 } from './registry/meta';
export {
  type ManagerWrite,
  OPTIMISTIC_LOCK_ERROR_MSG,
  type RegistryResult,
  type StorageOperation,
  type StoreOptions,
} from './registry/result';
export { podQOSClass } from './registry/strategy';
export { updateObject } from './registry/update';
export { watchObjects } from './registry/watch';
