import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectActiveTraceIndex, selectSpeed, selectStatus, selectStep } from '../../store/selectors';
import { hopDelay } from './timing';

/**
 * While playing, advances one hop every hopDelay(speed). One timer per step, so pausing simply
 * stops it. The token starts moving before the tick so that it arrives exactly when the node
 * it reaches changes state.
 */
export function usePlaybackClock(): void {
  const store = useAppStoreApi();
  const status = useAppStore(selectStatus);
  const step = useAppStore(selectStep);
  const trace = useAppStore(selectActiveTraceIndex);
  const speed = useAppStore(selectSpeed);
  useEffect(() => {
    if (status !== 'playing') return;
    const timer = window.setTimeout(() => {
      // Tick only from the position this timer was armed for: a Step in between re-arms it.
      const state = store.getState();
      if (state.step === step && state.activeTrace === trace) state.tick();
    }, hopDelay(speed));
    return () => window.clearTimeout(timer);
  }, [store, status, step, trace, speed]);
}
