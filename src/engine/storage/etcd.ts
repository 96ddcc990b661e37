import type { KubeObject, ObjectReader } from '../types';

/** One key as the UI's etcd view shows it (etcd's mvccpb.KeyValue, with the value decoded). */
export interface EtcdEntry {
  readonly key: string;
  readonly value: KubeObject;
  /** Revision of the write that created this key (etcd `create_revision`). */
  readonly createRevision: number;
  /** Revision of the last write to this key (etcd `mod_revision`); the apiserver's resourceVersion. */
  readonly modRevision: number;
}

/** One write in a key's history; `value: null` is a delete (an etcd tombstone). */
export interface EtcdRevision {
  readonly revision: number;
  readonly value: KubeObject | null;
}

/**
 * One change, as an etcd watch delivers it and the apiserver's watch cache turns it into a watch
 * event (staging/src/k8s.io/apiserver/pkg/storage/etcd3/watcher.go): a put of a new key is
 * ADDED, a put of an existing key MODIFIED, a delete DELETED (carrying the last value).
 */
export interface EtcdEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly key: string;
  readonly object: KubeObject;
  /** The revision of the write (for DELETED, the delete's revision). */
  readonly revision: number;
}

export type EtcdListener = (event: EtcdEvent) => void;

interface Stored {
  value: KubeObject;
  createRevision: number;
  modRevision: number;
}

/**
 * Values are JSON, so a JSON round trip is a complete deep copy. JSON.parse creates `__proto__`
 * as an own property, so a hostile key cannot reach Object.prototype.
 */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A tiny MVCC key-value store in the shape of etcd v3: one cluster-wide revision that every
 * write increments, and per-key create/mod revisions. A fresh etcd is at revision 1.
 * The apiserver's resourceVersion is this revision (staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go).
 * Values are copied in and out, so callers can never change stored state by mutating what they hold.
 */
export class Etcd implements ObjectReader {
  #revision = 1;
  readonly #data = new Map<string, Stored>();
  readonly #history = new Map<string, EtcdRevision[]>();
  readonly #events: EtcdEvent[] = [];
  readonly #listeners = new Set<EtcdListener>();

  /** The current (latest) revision of the whole store. */
  get revision(): number {
    return this.#revision;
  }

  get(key: string): KubeObject | undefined {
    const stored = this.#data.get(key);
    return stored === undefined ? undefined : clone(stored.value);
  }

  /** Values whose keys start with `prefix`, in key (byte) order, as an etcd range read returns them. */
  list(prefix: string): KubeObject[] {
    return this.keys()
      .filter((key) => key.startsWith(prefix))
      .map((key) => clone((this.#data.get(key) as Stored).value));
  }

  /** Writes `value` under `key` and returns the new revision. */
  put(key: string, value: KubeObject): number {
    this.#revision += 1;
    const revision = this.#revision;
    const existing = this.#data.get(key);
    this.#data.set(key, {
      value: clone(value),
      createRevision: existing?.createRevision ?? revision,
      modRevision: revision,
    });
    this.#record(key, { revision, value: clone(value) });
    this.#emit({ type: existing === undefined ? 'ADDED' : 'MODIFIED', key, object: clone(value), revision });
    return revision;
  }

  /** Deletes `key`; returns the new revision, or undefined (and no new revision) if the key did not exist. */
  delete(key: string): number | undefined {
    const existing = this.#data.get(key);
    if (existing === undefined) return undefined;
    this.#revision += 1;
    this.#data.delete(key);
    this.#record(key, { revision: this.#revision, value: null });
    // The apiserver sends the deleted object with the delete's revision as its resourceVersion.
    const last = clone(existing.value);
    const object = { ...last, metadata: { ...last.metadata, resourceVersion: String(this.#revision) } };
    this.#emit({ type: 'DELETED', key, object, revision: this.#revision });
    return this.#revision;
  }

  /** Every live key, in key order. */
  keys(): string[] {
    return [...this.#data.keys()].sort(compareKeys);
  }

  /** Every write to `key`, oldest first (including writes before a delete and re-create). */
  history(key: string): EtcdRevision[] {
    return (this.#history.get(key) ?? []).map((h) => ({ revision: h.revision, value: clone(h.value) }));
  }

  /** The revision of the last write to `key`, or undefined if it does not exist. */
  modRevision(key: string): number | undefined {
    return this.#data.get(key)?.modRevision;
  }

  /** The revision that created `key`, or undefined if it does not exist. */
  createRevision(key: string): number | undefined {
    return this.#data.get(key)?.createRevision;
  }

  /** Every live key with its value and revisions, in key order. */
  entries(): EtcdEntry[] {
    return this.keys().map((key) => {
      const stored = this.#data.get(key) as Stored;
      return {
        key,
        value: clone(stored.value),
        createRevision: stored.createRevision,
        modRevision: stored.modRevision,
      };
    });
  }

  /** The whole store at this moment, for the UI's etcd view. */
  snapshot(): { readonly revision: number; readonly entries: EtcdEntry[] } {
    return { revision: this.#revision, entries: this.entries() };
  }

  /**
   * Every change after `sinceRevision` to keys under `prefix`, oldest first (etcd's watch from
   * `sinceRevision + 1`). The log is never compacted, so no revision is ever "too old".
   */
  events(sinceRevision: number, prefix = ''): EtcdEvent[] {
    return this.#events
      .filter((e) => e.revision > sinceRevision && e.key.startsWith(prefix))
      .map((e) => ({ ...e, object: clone(e.object) }));
  }

  /** Calls `listener` after every write from now on; returns the function that unsubscribes. */
  subscribe(listener: EtcdListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #emit(event: EtcdEvent): void {
    this.#events.push(event);
    for (const listener of this.#listeners) listener({ ...event, object: clone(event.object) });
  }

  #record(key: string, entry: EtcdRevision): void {
    const list = this.#history.get(key);
    if (list === undefined) this.#history.set(key, [entry]);
    else list.push(entry);
  }
}

/** etcd orders keys by bytes; plain code-unit comparison matches that for the ASCII keys Kubernetes uses. */
function compareKeys(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
