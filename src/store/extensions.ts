import { type EngineExtensions, loadCel, loadSchemas } from '../engine';

/**
 * The engine's heavy, optional parts — the OpenAPI schemas and the CEL interpreter — fetched on
 * demand. The engine's loadSchemas and loadCel reach both only through `import()`, so each lands in
 * lazy chunks of its own and the entry chunk does not grow. No React here: src/main.tsx calls `loadEngineExtensions()` and
 * then `applyExtensions()`, and every world built afterwards passes the snapshot's extensions to
 * `createCluster({ extensions })` (see rebuild.ts). Module state, not store state, so that a test
 * or a second store shares one load.
 */

export type ExtensionsStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface ExtensionsSnapshot {
  readonly status: ExtensionsStatus;
  /** Set once both parts have loaded. */
  readonly extensions?: EngineExtensions;
  /** Set when loading failed (offline on first visit, a chunk that failed to fetch…). */
  readonly error?: string;
}

let pending: Promise<EngineExtensions> | undefined;
let snapshot: ExtensionsSnapshot = { status: 'idle' };
const listeners = new Set<() => void>();

function publish(next: ExtensionsSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

/**
 * Loads the schemas and the CEL interpreter in parallel, once: later calls share the same promise.
 * A failure is not memoised, so calling again retries.
 */
export function loadEngineExtensions(): Promise<EngineExtensions> {
  if (pending !== undefined) return pending;
  publish({ status: 'loading' });
  const started = Promise.all([loadSchemas(), loadCel()]).then(
    ([schemas, cel]): EngineExtensions => {
      const extensions: EngineExtensions = { schemas, cel };
      publish({ status: 'ready', extensions });
      return extensions;
    },
    (error: unknown) => {
      pending = undefined;
      publish({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      throw error;
    },
  );
  pending = started;
  return started;
}

/** Where loading stands right now (for useSyncExternalStore, or a plain check). */
export function getExtensionsSnapshot(): ExtensionsSnapshot {
  return snapshot;
}

/** Calls `listener` whenever the snapshot changes; returns the unsubscribe function. */
export function subscribeToExtensions(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Forgets the memoised load (tests only). */
export function resetEngineExtensionsForTests(): void {
  pending = undefined;
  snapshot = { status: 'idle' };
}
