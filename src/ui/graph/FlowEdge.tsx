import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useAppStore } from '../../store/context';
import { pathOf } from '../../store/path';
import { selectActiveTrace } from '../../store/selectors';
import type { AppState } from '../../store/types';
import { outcomeOfStatus } from '../components/outcome-style';
import { type EdgeGeometry, polylinePath } from './layout';

export type FlowEdgeData = { readonly geometry: EdgeGeometry };
export type FlowEdgeType = Edge<FlowEdgeData, 'flow'>;

/** Whether the token has started along this edge in the active trace. */
function selectTravelled(id: string) {
  return (s: AppState): boolean => {
    const trace = selectActiveTrace(s);
    if (trace === undefined) return false;
    const index = pathOf(trace).findIndex((h) => `${h.from}->${h.to}` === id);
    return index !== -1 && index < s.step;
  };
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
function FlowEdgeView({ id, data, markerEnd }: EdgeProps<FlowEdgeType>) {
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
        markerEnd={markerEnd}
        path={polylinePath(geometry.points)}
        style={{
          stroke: STROKE[tone],
          strokeWidth: travelled ? 3 : 2,
          strokeDasharray: travelled ? undefined : '6 6',
          transition: 'stroke 300ms, stroke-width 300ms',
        }}
      />
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
