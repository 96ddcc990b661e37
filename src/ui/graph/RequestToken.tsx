import { ViewportPortal } from '@xyflow/react';
import { useLayoutEffect, useRef } from 'react';
import type { Trace } from '../../engine/types';
import { useAppStore } from '../../store/context';
import { pathOf, tokenNodeAt } from '../../store/path';
import { selectActiveTrace, selectReducedMotion, selectSpeed, selectStep } from '../../store/selectors';
import { outcomeOfStatus } from '../components/outcome-style';
import { edgeOf, type Point, pointAlong, restPoint } from './layout';
import { easeInOut, HOP_MS, MOVE_FRACTION } from './timing';

function place(element: HTMLElement, point: Point): void {
  element.style.transform = `translate(${point.x}px, ${point.y}px) translate(-50%, -50%)`;
}

/**
 * The request, as a labelled dot. React renders it once per step; between steps a
 * requestAnimationFrame loop moves it along the edge by writing `transform` directly, so the
 * movement costs no React render per frame. With reduced motion it jumps from node to node.
 */
export function RequestToken() {
  const trace = useAppStore(selectActiveTrace);
  const step = useAppStore(selectStep);
  const speed = useAppStore(selectSpeed);
  const reducedMotion = useAppStore(selectReducedMotion);
  const ref = useRef<HTMLDivElement>(null);
  const previous = useRef<{ trace: Trace | undefined; step: number }>({ trace: undefined, step: 0 });

  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null || trace === undefined) return;
    const hops = pathOf(trace);
    const before = previous.current;
    previous.current = { trace, step };
    const hop = hops[step - 1];
    const geometry = hop === undefined ? undefined : edgeOf(hop);
    const isNextHop = before.trace === trace && before.step === step - 1;
    if (reducedMotion || !isNextHop || geometry === undefined) {
      place(element, restPoint(hops, step));
      return;
    }
    const points = [restPoint(hops, step - 1), ...geometry.points];
    const duration = (HOP_MS * MOVE_FRACTION) / speed;
    const start = performance.now();
    let frame = 0;
    const move = (now: number) => {
      const t = Math.min(1, (now - start) / duration);
      place(element, pointAlong(points, easeInOut(t)));
      if (t < 1) frame = requestAnimationFrame(move);
    };
    place(element, points[0] as Point);
    frame = requestAnimationFrame(move);
    return () => cancelAnimationFrame(frame);
  }, [trace, step, speed, reducedMotion]);

  if (trace === undefined) return null;
  const hops = pathOf(trace);
  const lastHop = hops[step - 1];
  const isReturning = lastHop?.kind === 'response';
  const status = trace.response.status;
  const label = isReturning ? String(status) : trace.request.method;
  const colours = !isReturning
    ? 'bg-accent text-accent-fg'
    : outcomeOfStatus(status) === 'passed'
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
