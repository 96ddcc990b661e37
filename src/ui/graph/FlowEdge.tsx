import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useAppStore } from '../../store/context';
import { pathOf } from '../../store/path';
import { selectActiveTrace } from '../../store/selectors';
import type { AppState } from '../../store/types';
import { outcomeOfStatus } from '../components/outcome-style';
import { type EdgeGeometry, type Point, polylinePath } from './layout';

export type FlowEdgeData = { readonly geometry: EdgeGeometry };
export type FlowEdgeType = Edge<FlowEdgeData, 'flow'>;

/** Whether the token has travelled this edge in the active trace, or is about to while playing. */
function selectTravelled(id: string) {
  return (s: AppState): boolean => {
    const trace = selectActiveTrace(s);
    if (trace === undefined) return false;
    const index = pathOf(trace).findIndex((h) => `${h.from}->${h.to}` === id);
    return index !== -1 && (index < s.step || (s.status === 'playing' && index === s.step));
  };
}

const ARROW_LENGTH = 11;
const ARROW_HALF_WIDTH = 5.5;

/** An arrowhead at the end of the polyline, drawn here so it takes the edge's colour. */
function arrowHead(points: readonly Point[]): string {
  const tip = points[points.length - 1];
  const before = points[points.length - 2];
  if (tip === undefined || before === undefined) return '';
  const length = Math.hypot(tip.x - before.x, tip.y - before.y) || 1;
  const ux = (tip.x - before.x) / length;
  const uy = (tip.y - before.y) / length;
  const bx = tip.x - ux * ARROW_LENGTH;
  const by = tip.y - uy * ARROW_LENGTH;
  return `M ${tip.x} ${tip.y} L ${bx - uy * ARROW_HALF_WIDTH} ${by + ux * ARROW_HALF_WIDTH} L ${bx + uy * ARROW_HALF_WIDTH} ${by - ux * ARROW_HALF_WIDTH} Z`;
}

const selectStatus = (s: AppState) => selectActiveTrace(s)?.response.status;

const STROKE: Record<string, string> = {
  idle: 'var(--color-border-strong)',
  request: 'var(--color-accent)',
  passed: 'var(--color-passed)',
  failed: 'var(--color-failed)',
};

/**
 * An edge drawn from the shared layout geometry (not React Flow's handle positions), so the
 * token's path and the drawn line always coincide. Travelled edges turn solid and coloured;
 * response edges carry the status code.
 */
function FlowEdgeView({ id, data }: EdgeProps<FlowEdgeType>) {
  const travelled = useAppStore(useMemo(() => selectTravelled(id), [id]));
  const status = useAppStore(selectStatus);
  if (data === undefined) return null;
  const { geometry } = data;
  const isResponse = geometry.kind === 'response';
  const tone =
    !travelled || status === undefined
      ? 'idle'
      : isResponse
        ? outcomeOfStatus(status) === 'passed'
          ? 'passed'
          : 'failed'
        : 'request';
  const showLabel = isResponse && travelled && status !== undefined;
  return (
    <>
      <BaseEdge
        id={id}
        path={polylinePath(geometry.points)}
        style={{
          stroke: STROKE[tone],
          strokeWidth: travelled ? 3 : 2,
          strokeDasharray: travelled ? undefined : '6 6',
          transition: 'stroke 300ms, stroke-width 300ms',
        }}
      />
      <path d={arrowHead(geometry.points)} style={{ fill: STROKE[tone], transition: 'fill 300ms' }} />
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className={`nodrag nopan pointer-events-none absolute rounded-full border-2 bg-panel px-2 py-0.5 font-mono text-[13px] font-bold ${tone === 'passed' ? 'border-passed text-passed' : 'border-failed text-failed'}`}
            data-edge-label={id}
            style={{
              transform: `translate(-50%, -50%) translate(${geometry.labelAt.x}px, ${geometry.labelAt.y}px)`,
            }}
          >
            {status}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
