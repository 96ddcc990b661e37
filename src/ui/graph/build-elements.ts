import { MarkerType } from '@xyflow/react';
import type { Hop } from '../../store/path';
import type { FlowEdgeType } from './FlowEdge';
import { FORWARD_EDGES, NODE_HEIGHT, NODE_IDS, NODE_POSITIONS, NODE_WIDTH, RESPONSE_EDGES } from './layout';
import type { StageNodeType } from './StageNode';

/** The nine nodes, fixed in place: the layout is the lesson, so nothing is draggable. */
export const PIPELINE_NODES: StageNodeType[] = NODE_IDS.map((node) => ({
  id: node,
  type: 'stage',
  position: NODE_POSITIONS[node],
  width: NODE_WIDTH,
  height: NODE_HEIGHT,
  data: { node },
  draggable: false,
  selectable: false,
  focusable: false,
  connectable: false,
}));

const ARROW = {
  type: MarkerType.ArrowClosed,
  width: 16,
  height: 16,
  color: 'var(--color-border-strong)',
} as const;

/**
 * The edges for a path: every request edge, the normal etcd → client response, and the one
 * failure return this trace takes (the others would only clutter the picture).
 */
export function pipelineEdges(hops: readonly Hop[]): FlowEdgeType[] {
  const used = new Set(hops.map((h) => `${h.from}->${h.to}`));
  return [...FORWARD_EDGES, ...RESPONSE_EDGES]
    .filter((e) => e.kind === 'request' || e.from === 'etcd' || used.has(e.id))
    .map((geometry) => ({
      id: geometry.id,
      source: geometry.from,
      target: geometry.to,
      type: 'flow',
      data: { geometry },
      markerEnd: ARROW,
      selectable: false,
      focusable: false,
    }));
}
