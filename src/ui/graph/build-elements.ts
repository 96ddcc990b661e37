import type { Hop } from '../../store/path';
import type { FlowEdgeType } from './FlowEdge';
import { NODE_IDS, type Orientation, PIPELINE_LAYOUTS, type PipelineLayout } from './layout';
import type { StageNodeType } from './StageNode';

/** The nine nodes, fixed in place: the layout is the lesson, so nothing is draggable. */
function pipelineNodes(layout: PipelineLayout): StageNodeType[] {
  return NODE_IDS.map((node) => ({
    id: node,
    type: 'stage',
    position: layout.positions[node],
    width: layout.nodeWidth,
    height: layout.nodeHeight,
    data: { node, orientation: layout.orientation },
    draggable: false,
    selectable: false,
    focusable: false,
    connectable: false,
    // React Flow turns pointer events off for nodes it sees as inert; ours hold a clickable button.
    style: { pointerEvents: 'all' },
  }));
}

/** The nodes of each orientation, built once. */
export const PIPELINE_NODES: Readonly<Record<Orientation, StageNodeType[]>> = {
  horizontal: pipelineNodes(PIPELINE_LAYOUTS.horizontal),
  vertical: pipelineNodes(PIPELINE_LAYOUTS.vertical),
};

/**
 * The edges for a path: every request edge, the normal etcd → client response, and the one
 * failure return this trace takes (the others would only clutter the picture).
 */
export function pipelineEdges(
  hops: readonly Hop[],
  layout: PipelineLayout = PIPELINE_LAYOUTS.horizontal,
): FlowEdgeType[] {
  const used = new Set(hops.map((h) => `${h.from}->${h.to}`));
  return [...layout.forwardEdges, ...layout.responseEdges]
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
