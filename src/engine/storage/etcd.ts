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
    return revision;
  }

  /** Deletes `key`; returns the new revision, or undefined (and no new revision) if the key did not exist. */
  delete(key: string): number | undefined {
    if (!this.#data.has(key)) return undefined;
    this.#revision += 1;
    this.#data.delete(key);
    this.#record(key, { revision: this.#revision, value: null });
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
