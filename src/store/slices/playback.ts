import { pathOf } from '../path';
import type { AppState, PlaybackSlice, SliceArgs } from '../types';
import { SPEEDS } from '../types';

/** One hop along the active trace, moving on to the next trace of the send at the end. */
function advance(s: AppState): Pick<AppState, 'activeTrace' | 'step'> & { finished: boolean } {
  const trace = s.traces[s.activeTrace];
  if (trace === undefined) return { activeTrace: s.activeTrace, step: s.step, finished: true };
  const length = pathOf(trace).length;
  const isLast = s.activeTrace >= s.traces.length - 1;
  if (s.step < length) {
    const step = s.step + 1;
    return { activeTrace: s.activeTrace, step, finished: step >= length && isLast };
  }
  if (!isLast) return { activeTrace: s.activeTrace + 1, step: 0, finished: false };
  return { activeTrace: s.activeTrace, step: s.step, finished: true };
}

export function createPlaybackSlice(...[set, get]: SliceArgs): PlaybackSlice {
  return {
    status: 'idle',
    step: 0,
    speed: 1,
    play: () => {
      const s = get();
      if (s.traces.length === 0 || s.status === 'playing') return;
      if (s.status === 'done') set({ activeTrace: 0, step: 0, status: 'playing' });
      else set({ status: 'playing' });
    },
    pause: () => {
      if (get().status === 'playing') set({ status: 'paused' });
    },
    togglePlay: () => (get().status === 'playing' ? get().pause() : get().play()),
    step1: () =>
      set((s) => {
        if (s.traces.length === 0 || s.status === 'done') return {};
        const { finished, ...next } = advance(s);
        return { ...next, status: finished ? 'done' : 'paused' };
      }),
    tick: () =>
      set((s) => {
        if (s.status !== 'playing') return {};
        const { finished, ...next } = advance(s);
        return { ...next, status: finished ? 'done' : 'playing' };
      }),
    restart: () =>
      set((s) => {
        if (s.traces.length === 0) return {};
        return {
          activeTrace: 0,
          step: 0,
          status: s.reducedMotion ? 'paused' : 'playing',
          selectedNode: undefined,
        };
      }),
    skipToEnd: () =>
      set((s) => {
        const last = s.traces.length - 1;
        const trace = s.traces[last];
        if (trace === undefined) return {};
        return { activeTrace: last, step: pathOf(trace).length, status: 'done' };
      }),
    setSpeed: (speed) => set({ speed }),
    cycleSpeed: () => set((s) => ({ speed: SPEEDS[(SPEEDS.indexOf(s.speed) + 1) % SPEEDS.length] ?? 1 })),
  };
}
