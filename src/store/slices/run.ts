import { pathOf } from '../path';
import type { RunSlice, SliceArgs } from '../types';

export function createRunSlice(...[set]: SliceArgs): RunSlice {
  return {
    traces: [],
    activeTrace: 0,
    output: undefined,
    revisionBefore: 0,
    runError: undefined,
    selectTrace: (index) =>
      set((s) => {
        const trace = s.traces[index];
        if (trace === undefined) return {};
        const isLast = index === s.traces.length - 1;
        return {
          activeTrace: index,
          step: pathOf(trace).length,
          status: isLast ? 'done' : 'paused',
          selectedNode: undefined,
        };
      }),
  };
}
