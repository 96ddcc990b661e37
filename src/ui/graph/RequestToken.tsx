import { ViewportPortal } from '@xyflow/react';
import { useLayoutEffect, useRef } from 'react';
import type { Trace } from '../../engine';
import { useAppStore } from '../../store/context';
import { pathOf, tokenNodeAt } from '../../store/path';
import {
  selectActiveTrace,
  selectReducedMotion,
  selectSpeed,
  selectStatus,
  selectStep,
} from '../../store/selectors';
import { outcomeOfStatus } from '../components/outcome-style';
import { edgeOf, type PipelineLayout, type Point, pointAlong, restPoint } from './layout';
import { easeInOut, hopDelay, moveDuration, STEP_MOVE_MS } from './timing';

function place(element: HTMLElement, point: Point): void {
  element.style.transform = `translate(${point.x}px, ${point.y}px) translate(-50%, -50%)`;
}

/** Moves `element` along `points` over `duration` ms, starting after `delay`; returns a canceller. */
function animate(
  element: HTMLElement,
  points: readonly Point[],
  delay: number,
  duration: number,
): () => void {
  let frame = 0;
  let start = 0;
  const move = (now: number) => {
    if (start === 0) start = now;
    const t = Math.min(1, (now - start) / duration);
    place(element, pointAlong(points, easeInOut(t)));
    if (t < 1) frame = requestAnimationFrame(move);
  };
  const timer = window.setTimeout(() => {
    frame = requestAnimationFrame(move);
  }, delay);
  return () => {
    window.clearTimeout(timer);
    cancelAnimationFrame(frame);
  };
}

/**
 * The request, as a labelled dot. React renders it once per step; between steps a
 * requestAnimationFrame loop moves it along the edge by writing `transform` directly, so the
 * movement costs no React render per frame.
 *
 * While playing, the token rests on the node it reached, then departs along the next hop so as
 * to arrive when the clock ticks — the node lights up as the token lands. A manual Step plays the
 * hop just taken, quickly. With reduced motion it only ever jumps.
 */
export function RequestToken({ layout }: { readonly layout: PipelineLayout }) {
  const trace = useAppStore(selectActiveTrace);
  const step = useAppStore(selectStep);
  const speed = useAppStore(selectSpeed);
  const status = useAppStore(selectStatus);
  const reducedMotion = useAppStore(selectReducedMotion);
  const ref = useRef<HTMLDivElement>(null);
  const previous = useRef<{ trace: Trace | undefined; step: number }>({ trace: undefined, step: 0 });

  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null || trace === undefined) return;
    const hops = pathOf(trace);
    const before = previous.current;
    previous.current = { trace, step };
    const rest = restPoint(hops, step, layout);
    place(element, rest);
    if (reducedMotion) return;

    if (status === 'playing') {
      const next = hops[step];
      const geometry = next === undefined ? undefined : edgeOf(next, layout);
      if (geometry === undefined) return;
      const duration = moveDuration(speed);
      return animate(element, [rest, ...geometry.points], Math.max(0, hopDelay(speed) - duration), duration);
    }

    // A manual step forward: replay the hop just taken.
    const taken = hops[step - 1];
    const geometry = taken === undefined ? undefined : edgeOf(taken, layout);
    if (before.trace !== trace || before.step !== step - 1 || geometry === undefined) return;
    const from = restPoint(hops, step - 1, layout);
    place(element, from);
    return animate(element, [from, ...geometry.points], 0, STEP_MOVE_MS);
  }, [trace, step, speed, status, reducedMotion, layout]);

  if (trace === undefined) return null;
  const hops = pathOf(trace);
  const lastHop = hops[step - 1];
  // The token carries the status from the moment it turns back (while resting on the deciding node).
  const isReturning =
    lastHop?.kind === 'response' || (status === 'playing' && hops[step]?.kind === 'response');
  const code = trace.response.status;
  const label = isReturning ? String(code) : trace.request.method;
  const colours = !isReturning
    ? 'bg-accent text-accent-fg'
    : outcomeOfStatus(code) === 'passed'
      ? 'bg-passed text-panel'
      : 'bg-failed text-panel';

  return (
    <ViewportPortal>
      <div
        className={`pointer-events-none absolute top-0 left-0 z-10 flex h-7 min-w-12 items-center justify-center rounded-full px-2.5 font-mono text-[13px] font-bold shadow-lg ring-4 ring-panel ${colours}`}
        data-at={tokenNodeAt(trace, step)}
        data-testid="request-token"
        ref={ref}
        style={{ transform: 'translate(-9999px, -9999px)' }}
      >
        {label}
      </div>
    </ViewportPortal>
  );
}
