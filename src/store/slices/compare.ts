import { buildWorld } from '../rebuild';
import type { AppState, CompareSlice, SliceArgs } from '../types';

/**
 * The other side of compare mode: the session's last send run again on a world rebuilt from the
 * same sends — as another user, or on the document before the last edit. The main world is not
 * touched.
 */
export function computeCompare(s: AppState): Pick<AppState, 'compareTraces' | 'compareError'> {
  if (!s.compareEnabled || s.log.length === 0) return { compareTraces: undefined, compareError: undefined };
  const against = s.compareAgainst;
  const doc = against.type === 'before' ? (s.previousDocument ?? s.scenario.document) : s.scenario.document;
  const lastAs = against.type === 'user' ? against.user : undefined;
  try {
    const built = buildWorld(doc, s.epoch, s.log, lastAs);
    return { compareTraces: built.traces ?? [], compareError: built.error };
  } catch (error) {
    return { compareTraces: [], compareError: error instanceof Error ? error.message : String(error) };
  }
}

export function createCompareSlice(...[set]: SliceArgs): CompareSlice {
  return {
    compareEnabled: false,
    compareAgainst: { type: 'user', user: 'admin' },
    compareTraces: undefined,
    compareError: undefined,
    setCompare: (enabled, against) =>
      set((s) => {
        const next = { ...s, compareEnabled: enabled, compareAgainst: against ?? s.compareAgainst };
        return {
          compareEnabled: next.compareEnabled,
          compareAgainst: next.compareAgainst,
          ...computeCompare(next),
        };
      }),
  };
}
