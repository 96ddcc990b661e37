import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectActiveTraceIndex, selectSpeed, selectStatus, selectStep } from '../../store/selectors';
import { HOP_MS } from './timing';

/** While playing, advances one hop per HOP_MS / speed. One timer per step: pausing simply stops it. */
export function usePlaybackClock(): void {
  const store = useAppStoreApi();
  const status = useAppStore(selectStatus);
  const step = useAppStore(selectStep);
  const trace = useAppStore(selectActiveTraceIndex);
  const speed = useAppStore(selectSpeed);
  useEffect(() => {
    if (status !== 'playing') return;
    // The first hop leaves at once after Send/Restart; later ones wait for the previous to land.
    const delay = step === 0 && trace === 0 ? HOP_MS / 3 : HOP_MS / speed;
    const timer = window.setTimeout(() => store.getState().tick(), delay);
    return () => window.clearTimeout(timer);
  }, [store, status, step, trace, speed]);
}
