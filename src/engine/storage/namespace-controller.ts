/**
 * What kube-controller-manager's namespace controller does for a Terminating namespace
 * (pkg/controller/namespace/deletion/namespaced_resources_deleter.go): delete every namespaced
 * object in it, then remove the `kubernetes` finalizer through the `finalize` subresource, after
 * which the namespace registry deletes the namespace (ShouldDeleteNamespaceDuringUpdate).
 *
 * The simulator runs this only when asked (`cluster.runNamespaceController()`), so a learner can see
 * the Terminating phase in between. Simplifications: objects are removed outright (a scheduled
 * pod's kubelet and other finalizers are assumed to agree at once), and the controller's own API
 * requests (discovery, deletecollection per resource, the finalize PUT) are not traced; their
 * effect is written straight to etcd, one revision per removed key.
 */
import { RESOURCES, storageKey } from '../resources';
import type { KubeObject, ServerEnv } from '../types';
import type { Etcd } from './etcd';

/** One namespace the controller finished. */
export interface NamespaceCleanup {
  readonly namespace: string;
  /** The keys it deleted, in order; the namespace's own key last. */
  readonly deletedKeys: readonly string[];
  /** etcd's revision after the namespace itself was removed. */
  readonly revision: number;
}

export function runNamespaceController(etcd: Etcd, _env?: ServerEnv): NamespaceCleanup[] {
  const namespaces = RESOURCES.find((r) => r.group === '' && r.resource === 'namespaces');
  if (namespaces === undefined) return [];
  const done: NamespaceCleanup[] = [];
  for (const ns of etcd.list(storageKey(namespaces, ''))) {
    const name = ns.metadata?.name ?? '';
    if (ns.metadata?.deletionTimestamp === undefined || name === '') continue;
    const deletedKeys: string[] = [];
    for (const type of RESOURCES.filter((r) => r.namespaced)) {
      const prefix = storageKey(type, name);
      for (const key of etcd.keys().filter((k) => k.startsWith(prefix))) {
        if (etcd.delete(key) !== undefined) deletedKeys.push(key);
      }
    }
    // finalize: spec.finalizers without `kubernetes`; with none left, the update deletes the namespace.
    const nsKey = storageKey(namespaces, '', name);
    const spec = { ...((ns.spec ?? {}) as { finalizers?: string[] }) };
    const remaining = (spec.finalizers ?? []).filter((f) => f !== 'kubernetes');
    if (remaining.length > 0) {
      const revision = etcd.revision + 1;
      const finalized: KubeObject = {
        ...ns,
        metadata: { ...ns.metadata, resourceVersion: String(revision) },
        spec: { ...spec, finalizers: remaining },
      };
      etcd.put(nsKey, finalized);
    } else {
      etcd.delete(nsKey);
      deletedKeys.push(nsKey);
    }
    done.push({ namespace: name, deletedKeys, revision: etcd.revision });
  }
  return done;
}
