import { useCallback } from 'react';
import type { SourceId } from '../../scenarios/sources';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { AppState } from '../../store/types';

const EMPTY: readonly never[] = [];

/** One tab's text, its problems and the edit action (typing merges into one undo step). */
export function useSourceEditor(id: SourceId) {
  const store = useAppStoreApi();
  const text = useAppStore(useCallback((s: AppState) => s.sources.texts[id], [id]));
  const problems = useAppStore(useCallback((s: AppState) => s.problems[id] ?? EMPTY, [id]));
  const onChange = useCallback(
    (next: string) => store.getState().editSource(id, next, { coalesce: true }),
    [store, id],
  );
  return { text, problems, onChange };
}
