/** Kubernetes objects as stored (plain JSON), the changes made to them, and read access to them. */

/** A Kubernetes object as stored: plain JSON. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

/** RFC 6902 JSON Patch operation, the form a mutation is shown in. */
export interface JsonPatchOperation {
  readonly op: 'add' | 'remove' | 'replace';
  readonly path: string;
  readonly value?: unknown;
}

/**
 * One watch event as the apiserver streams it (metav1.WatchEvent, one JSON object per line on
 * the wire). The simulator answers a watch with the events it would have streamed so far, as an
 * array: the stream "closes" at once.
 */
export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: KubeObject;
}

/** Read access to stored objects, by etcd key. The simulated etcd implements it. */
export interface ObjectReader {
  /** The object stored under `key`, or undefined. */
  get(key: string): KubeObject | undefined;
  /** Objects whose keys start with `prefix`, in key order. */
  list(prefix: string): KubeObject[];
}
