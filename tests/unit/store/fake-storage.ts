import type { KeyValueStorage } from '../../../src/store/persistence';

/** localStorage as a Map, shared by "tabs" in a test; `failWrites` simulates a full quota. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  let failWrites = false;
  const storage: KeyValueStorage & { keys(): string[]; failWrites(on: boolean): void } = {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      if (failWrites) throw new Error('QuotaExceededError');
      map.set(key, value);
    },
    removeItem: (key) => void map.delete(key),
    keys: () => [...map.keys()],
    failWrites: (on) => {
      failWrites = on;
    },
  };
  return storage;
}
