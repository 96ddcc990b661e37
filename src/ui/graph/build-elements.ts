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
  // React Flow turns pointer events off for nodes it sees as inert; ours hold a clickable button.
  style: { pointerEvents: 'all' },
}));

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
      selectable: false,
      focusable: false,
    }));
}
