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
  /** Frozen: shared with the history and the event log. */
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
 * A deep copy that nobody can change: the one copy of a written value that the store, its history
 * and its event log share, so a write copies once however many places remember it.
 */
function frozenCopy<T>(value: T): T {
  return deepFreeze(clone(value));
}

function deepFreeze<T>(value: T): T {
  // A frozen part came from an earlier deepFreeze, so everything under it is frozen already.
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * A tiny MVCC key-value store in the shape of etcd v3: one cluster-wide revision that every
 * write increments, and per-key create/mod revisions. A fresh etcd is at revision 1.
 * The apiserver's resourceVersion is this revision (staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go).
 * Values are copied in and out, so callers can never change stored state by mutating what they hold;
 * `peek` and `scan` hand out the stored (frozen) values themselves, for readers that only look.
 */
export class Etcd implements ObjectReader {
  #revision = 1;
  readonly #data = new Map<string, Stored>();
  /** The live keys in key order, kept sorted so a range read is a binary search. */
  #keys: string[] = [];
  /**
   * New keys not yet merged into `#keys`. Merged before any read: one at a time by binary insert,
   * or, after a burst of writes (seeding a world), all at once by one sort and one merge.
   */
  #newKeys: string[] = [];
  /** For every `/`-ended prefix of a written key, the revision of the last write under it. */
  readonly #prefixRevisions = new Map<string, number>();
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
    return this.scan(prefix).map(clone);
  }

  /** The stored value under `key` itself, frozen: for readers that never change what they get. */
  peek(key: string): Readonly<KubeObject> | undefined {
    return this.#data.get(key)?.value;
  }

  /** `list` without the copies: the stored values themselves, frozen, in key order. */
  scan(prefix: string): readonly Readonly<KubeObject>[] {
    const out: KubeObject[] = [];
    const keys = this.#sortedKeys();
    for (let i = lowerBound(keys, prefix); i < keys.length; i++) {
      const key = keys[i] as string;
      if (!key.startsWith(prefix)) break;
      out.push((this.#data.get(key) as Stored).value);
    }
    return out;
  }

  /**
   * The revision of the last put or delete of a key under `prefix`, which must end at a `/`
   * (`/registry/roles/`), or 0 if there was none: lets a cache of one kind of object (the RBAC
   * index) survive writes to every other kind.
   */
  prefixRevision(prefix: string): number {
    return this.#prefixRevisions.get(prefix) ?? 0;
  }

  /** Writes `value` under `key` and returns the new revision. */
  put(key: string, value: KubeObject): number {
    return this.#write(key, frozenCopy(value));
  }

  /**
   * `put` for a value built for the store that nobody else holds (seeding a world): it is
   * frozen in place instead of copied, so the caller must never change it afterwards.
   */
  putOwned(key: string, value: KubeObject): number {
    return this.#write(key, deepFreeze(value));
  }

  #write(key: string, frozen: KubeObject): number {
    this.#revision += 1;
    const revision = this.#revision;
    const existing = this.#data.get(key);
    this.#data.set(key, {
      value: frozen,
      createRevision: existing?.createRevision ?? revision,
      modRevision: revision,
    });
    if (existing === undefined) this.#newKeys.push(key);
    this.#touch(key);
    this.#record(key, { revision, value: frozen });
    this.#emit({ type: existing === undefined ? 'ADDED' : 'MODIFIED', key, object: frozen, revision });
    return revision;
  }

  /** Deletes `key`; returns the new revision, or undefined (and no new revision) if the key did not exist. */
  delete(key: string): number | undefined {
    const existing = this.#data.get(key);
    if (existing === undefined) return undefined;
    this.#revision += 1;
    this.#data.delete(key);
    removeSorted(this.#sortedKeys(), key);
    this.#touch(key);
    this.#record(key, { revision: this.#revision, value: null });
    // The apiserver sends the deleted object with the delete's revision as its resourceVersion.
    const last = existing.value;
    const object = deepFreeze({
      ...last,
      metadata: { ...last.metadata, resourceVersion: String(this.#revision) },
    });
    this.#emit({ type: 'DELETED', key, object, revision: this.#revision });
    return this.#revision;
  }

  /** Every live key, in key order. */
  keys(): string[] {
    return this.#sortedKeys().slice();
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
    return this.#sortedKeys().map((key) => {
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

  #sortedKeys(): string[] {
    const added = this.#newKeys;
    if (added.length === 0) return this.#keys;
    this.#newKeys = [];
    if (added.length <= MERGE_THRESHOLD) {
      for (const key of added) insertSorted(this.#keys, key);
    } else {
      this.#keys = mergeSorted(this.#keys, added.sort(compareKeys));
    }
    return this.#keys;
  }

  #touch(key: string): void {
    for (let slash = key.indexOf('/'); slash !== -1; slash = key.indexOf('/', slash + 1)) {
      this.#prefixRevisions.set(key.slice(0, slash + 1), this.#revision);
    }
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

/** Up to this many new keys are inserted one by one; more are sorted and merged in one pass. */
const MERGE_THRESHOLD = 16;

/** etcd orders keys by bytes; plain code-unit comparison matches that for the ASCII keys Kubernetes uses. */
function compareKeys(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** The first index in sorted `keys` whose key is not below `key` (in compareKeys order). */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] as string) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertSorted(keys: string[], key: string): void {
  const at = lowerBound(keys, key);
  if (at === keys.length) keys.push(key);
  else keys.splice(at, 0, key);
}

/** Merges two sorted lists of distinct keys. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = (a[i] as string) < (b[j] as string) ? (a[i++] as string) : (b[j++] as string);
  while (i < a.length) out[k++] = a[i++] as string;
  while (j < b.length) out[k++] = b[j++] as string;
  return out;
}

function removeSorted(keys: string[], key: string): void {
  const at = lowerBound(keys, key);
  if (keys[at] === key) keys.splice(at, 1);
}
