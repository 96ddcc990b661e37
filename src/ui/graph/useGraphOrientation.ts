import { useSyncExternalStore } from 'react';
import type { Orientation } from './layout';

/** Tailwind's `md` breakpoint: below it the panels stack, so the graph runs top to bottom too. */
const NARROW = '(width < 48rem)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const snapshot = (): Orientation => (window.matchMedia(NARROW).matches ? 'vertical' : 'horizontal');

/** The graph's orientation for the current window width; follows resizes and rotations. */
export function useGraphOrientation(): Orientation {
  return useSyncExternalStore(subscribe, snapshot, () => 'horizontal');
}
