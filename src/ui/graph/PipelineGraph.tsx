import { Background, BackgroundVariant, ReactFlow, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../../store/context';
import { pathOf } from '../../store/path';
import { selectActiveTrace, selectStatus, selectTheme } from '../../store/selectors';
import { PIPELINE_NODES, pipelineEdges } from './build-elements';
import { FlowEdge } from './FlowEdge';
import { PIPELINE_LAYOUTS } from './layout';
import { RequestToken } from './RequestToken';
import { RunAnnouncer } from './RunAnnouncer';
import { ShortcutHints } from './ShortcutHints';
import { StageNode } from './StageNode';
import { useGraphOrientation } from './useGraphOrientation';
import { usePlaybackClock } from './usePlaybackClock';

const NODE_TYPES = { stage: StageNode };
const EDGE_TYPES = { flow: FlowEdge };
const FIT_OPTIONS = { padding: 0.06 };

/** Keeps the whole pipeline in view when the pane changes size (projector, text size, panels). */
function FitOnResize({ target }: { readonly target: React.RefObject<HTMLDivElement | null> }) {
  const flow = useReactFlow();
  useEffect(() => {
    const element = target.current;
    if (element === null) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void flow.fitView(FIT_OPTIONS));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [flow, target]);
  return null;
}

/** The hero: the pipeline as a React Flow graph with the travelling request token. */
export function PipelineGraph() {
  const trace = useAppStore(selectActiveTrace);
  const status = useAppStore(selectStatus);
  const theme = useAppStore(selectTheme);
  const container = useRef<HTMLDivElement>(null);
  const orientation = useGraphOrientation();
  const layout = PIPELINE_LAYOUTS[orientation];
  usePlaybackClock();
  const edges = useMemo(
    () => pipelineEdges(trace === undefined ? [] : pathOf(trace), layout),
    [trace, layout],
  );

  return (
    <div
      className="relative h-full min-h-0 w-full"
      data-orientation={orientation}
      data-playback={status}
      data-testid="pipeline-graph"
      ref={container}
    >
      <ReactFlow
        colorMode={theme}
        // React Flow's own key bindings would swallow Space (pan) and others our shortcuts use.
        deleteKeyCode={null}
        edgeTypes={EDGE_TYPES}
        edges={edges}
        edgesFocusable={false}
        elementsSelectable={false}
        fitView
        fitViewOptions={FIT_OPTIONS}
        // A new orientation is a new drawing: remount so fitView frames it from scratch.
        key={orientation}
        maxZoom={2}
        minZoom={0.3}
        multiSelectionKeyCode={null}
        nodeTypes={NODE_TYPES}
        nodes={PIPELINE_NODES[orientation]}
        nodesConnectable={false}
        nodesDraggable={false}
        nodesFocusable={false}
        panActivationKeyCode={null}
        proOptions={{ hideAttribution: false }}
        selectionKeyCode={null}
        zoomActivationKeyCode={null}
        zoomOnDoubleClick={false}
      >
        <Background color="var(--color-canvas-dot)" gap={20} size={1.5} variant={BackgroundVariant.Dots} />
        <RequestToken layout={layout} />
        <ShortcutHints />
        <FitOnResize target={container} />
      </ReactFlow>
      <RunAnnouncer />
    </div>
  );
}
