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
import type { Orientation } from './layout';

export type StageNodeData = { readonly node: NodeId; readonly orientation?: Orientation };
export type StageNodeType = Node<StageNodeData, 'stage'>;

const selectStatusCode = (s: Parameters<typeof selectActiveTrace>[0]) =>
  selectActiveTrace(s)?.response.status;

/**
 * One pipeline node. A real <button> inside, so it is focusable and Enter/Space select it for the
 * inspector; React Flow's own node focus is switched off to avoid two tab stops per node. Its
 * accessible name is its visible text (title, question, outcome word), so what a screen reader
 * says and what a voice-control user reads match; the outcome is an icon plus a word, never colour
 * alone. In the vertical layout the outcome sits beside the title on a wide, short card.
 */
function StageNodeView({ data }: NodeProps<StageNodeType>) {
  const t = useT();
  const store = useAppStoreApi();
  const { node, orientation = 'horizontal' } = data;
  const isRow = orientation === 'vertical';
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
  // Row layout: the outcome shares the question's line; the client's (a long status) the title's.
  const outcomeOnTitle = node === 'client';
  const outcomeLine = (
    <span
      className={`flex items-center gap-1.5 text-[14px] font-semibold ${outcomeOnTitle && isRow ? 'min-w-0' : 'shrink-0'} ${style.text}`}
    >
      <OutcomeIcon
        aria-hidden="true"
        className={`size-4 shrink-0 ${outcome === 'active' ? 'motion-safe:animate-spin' : ''}`}
      />
      <span className="truncate">{outcomeText}</span>
    </span>
  );
  const titleText = <span className="text-[17px] leading-tight font-semibold text-text">{title}</span>;
  const subText = (
    <span className={`text-[13px] leading-tight text-muted ${isRow ? 'min-w-0 truncate' : ''}`}>
      {t(`${nodeTitleKey(node)}.sub`)}
    </span>
  );
  // The returning token rests on the client's right edge in the column: keep its text clear of it.
  const clientPad = isRow && node === 'client' ? 'pr-8' : '';
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
        aria-pressed={isSelected}
        className={`flex h-full w-full cursor-pointer flex-col rounded-lg border-2 px-3 text-left shadow-sm transition-[background-color,border-color,box-shadow] duration-300 hover:shadow-md ${isRow ? 'justify-center py-1' : 'justify-between py-2.5'} ${clientPad} ${style.border} ${outcome === 'pending' ? 'bg-panel' : style.soft} ${ring} ${lessonRing} ${selected} ${dim}`}
        onClick={() => store.getState().selectNode(isSelected ? undefined : node)}
        type="button"
      >
        {isRow ? (
          <span className="flex w-full items-start gap-2">
            <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted" />
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="flex items-baseline justify-between gap-2">
                {titleText}
                {outcomeOnTitle && outcomeLine}
              </span>
              <span className="flex items-baseline justify-between gap-2">
                {subText}
                {!outcomeOnTitle && outcomeLine}
              </span>
            </span>
          </span>
        ) : (
          <>
            <span className="flex items-start gap-2">
              <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted" />
              <span className="flex min-w-0 flex-col">
                {titleText}
                {subText}
              </span>
            </span>
            {outcomeLine}
          </>
        )}
      </button>
      <Handle className="!invisible" isConnectable={false} position={Position.Right} type="source" />
    </div>
  );
}

export const StageNode = memo(StageNodeView);
