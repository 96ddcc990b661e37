import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { Lightbulb } from 'lucide-react';
import { memo, useMemo } from 'react';
import { HTTP_REASON } from '../../engine';
import { useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { NodeId } from '../../store/path';
import { selectActiveTrace, selectNodeOutcome, selectSelectedNode } from '../../store/selectors';
import { selectLessonStageHighlight } from '../../store/slices/lesson-selectors';
import { NODE_ICONS, nodeTitleKey } from '../components/node-icons';
import { OUTCOME_STYLES } from '../components/outcome-style';

export type StageNodeData = { readonly node: NodeId };
export type StageNodeType = Node<StageNodeData, 'stage'>;

const selectStatusCode = (s: Parameters<typeof selectActiveTrace>[0]) =>
  selectActiveTrace(s)?.response.status;

/**
 * One pipeline node. A real <button> inside, so it is focusable and Enter/Space select it for the
 * inspector; React Flow's own node focus is switched off to avoid two tab stops per node.
 */
function StageNodeView({ data }: NodeProps<StageNodeType>) {
  const t = useT();
  const store = useAppStoreApi();
  const { node } = data;
  const outcome = useAppStore(useMemo(() => selectNodeOutcome(node), [node]));
  const isSelected = useAppStore(selectSelectedNode) === node;
  const status = useAppStore(selectStatusCode);
  // The lesson step points here: a ring, and a labelled tag (never colour alone).
  const isLessonTarget = useAppStore(selectLessonStageHighlight) === node;
  const style = OUTCOME_STYLES[outcome];
  const Icon = NODE_ICONS[node];
  const OutcomeIcon = style.icon;
  const title = t(nodeTitleKey(node));

  let outcomeText = t(`outcome.${outcome}`);
  if (status !== undefined && outcome === 'failed' && node !== 'client')
    outcomeText = `${outcomeText} · ${status}`;
  if (status !== undefined && node === 'client' && (outcome === 'passed' || outcome === 'failed')) {
    outcomeText = `${status} ${HTTP_REASON[status] ?? ''}`.trim();
  }

  const ring = outcome === 'active' ? 'ring-4 ring-active/35' : '';
  const selected = isSelected ? 'outline-2 outline-offset-4 outline-accent outline-dashed' : '';
  const dim = outcome === 'skipped' ? 'opacity-80' : '';
  const lessonRing = isLessonTarget && outcome !== 'active' ? 'ring-4 ring-accent/45' : '';
  return (
    <div className="relative h-full w-full" data-outcome={outcome} data-stage={node}>
      {isLessonTarget && (
        <span
          className="absolute -top-3 right-2 z-10 inline-flex items-center gap-1 rounded-full bg-accent px-2 py-0.5 text-[12px] font-semibold text-accent-fg shadow-sm"
          data-lesson-highlight="true"
        >
          <Lightbulb aria-hidden="true" className="size-3.5" />
          {t('graph.lessonMark')}
        </span>
      )}
      <Handle className="!invisible" isConnectable={false} position={Position.Left} type="target" />
      <button
        aria-label={t('graph.node.label', { title, outcome: outcomeText })}
        aria-pressed={isSelected}
        className={`flex h-full w-full cursor-pointer flex-col justify-between rounded-lg border-2 px-3 py-2.5 text-left shadow-sm transition-[background-color,border-color,box-shadow] duration-300 hover:shadow-md ${style.border} ${outcome === 'pending' ? 'bg-panel' : style.soft} ${ring} ${lessonRing} ${selected} ${dim}`}
        onClick={() => store.getState().selectNode(isSelected ? undefined : node)}
        type="button"
      >
        <span className="flex items-start gap-2">
          <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted" />
          <span className="flex min-w-0 flex-col">
            <span className="text-[17px] leading-tight font-semibold text-text">{title}</span>
            <span className="text-[13px] leading-tight text-muted">{t(`${nodeTitleKey(node)}.sub`)}</span>
          </span>
        </span>
        <span className={`flex items-center gap-1.5 text-[14px] font-semibold ${style.text}`}>
          <OutcomeIcon
            aria-hidden="true"
            className={`size-4 shrink-0 ${outcome === 'active' ? 'motion-safe:animate-spin' : ''}`}
          />
          {outcomeText}
        </span>
      </button>
      <Handle className="!invisible" isConnectable={false} position={Position.Right} type="source" />
    </div>
  );
}

export const StageNode = memo(StageNodeView);
