import { Pin, PinOff } from 'lucide-react';
import { lazy, Suspense, useMemo } from 'react';
import { HTTP_REASON, type StageResult, type StorageDetails, type Trace } from '../../engine';
import { useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { type NodeId, nodeStateAt } from '../../store/path';
import {
  selectActiveTrace,
  selectInspectedNode,
  selectSelectedNode,
  selectStep,
  selectUser,
} from '../../store/selectors';
import { CodeBlock, formatJson } from '../components/CodeBlock';
import { Disclosure } from '../components/Disclosure';
import { NODE_ICONS, nodeTitleKey } from '../components/node-icons';
import { OutcomeBadge } from '../components/OutcomeBadge';
import { StorageView } from './inspector/SimpleViews';
import { stageSummary } from './inspector/stage-summary';

/**
 * The per-stage pictures load as their own chunk (nothing needs them before the first send),
 * keeping the entry chunk inside the bundle budget; main.tsx prefetches it after start-up.
 */
const StageDetailsView = lazy(() =>
  import('./inspector/StageDetailsView').then((m) => ({ default: m.StageDetailsView })),
);

function ClientView({ trace, showResponse }: { readonly trace: Trace; readonly showResponse: boolean }) {
  const t = useT();
  const user = useAppStore(selectUser);
  const status = trace.response.status;
  return (
    <div className="flex flex-col gap-2 text-sm text-text">
      <p>{t('inspector.client.summary', { method: trace.request.method, path: trace.request.path, user })}</p>
      {showResponse && (
        <p>{t('inspector.client.response', { status: `${status} ${HTTP_REASON[status] ?? ''}`.trim() })}</p>
      )}
    </div>
  );
}

function EtcdView({ trace, reached }: { readonly trace: Trace; readonly reached: boolean }) {
  const t = useT();
  const storage = trace.stages.find((s) => s.stage === 'storage');
  const details = storage?.details as StorageDetails | undefined;
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-text">{t('inspector.etcd.summary')}</p>
      {reached && typeof details?.key === 'string' ? (
        <StorageView details={details} />
      ) : (
        <p className="text-muted">{t('inspector.etcd.untouched')}</p>
      )}
    </div>
  );
}

function StageView({ result }: { readonly result: StageResult }) {
  const t = useT();
  const raw = formatJson(result.details);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-base leading-relaxed text-text" data-testid="stage-summary">
        {stageSummary(t, result)}
      </p>
      <Suspense fallback={null}>
        <StageDetailsView result={result} />
      </Suspense>
      {raw !== '' && (
        <Disclosure summary={t('inspector.details')}>
          <CodeBlock label={t('inspector.details')}>{raw}</CodeBlock>
        </Disclosure>
      )}
    </div>
  );
}

/**
 * Explains one stage: what it decided, in plain words, with the facts behind it. Shown in the
 * details area's Inspector tab (the tab list is its frame).
 */
export function Inspector() {
  const t = useT();
  const store = useAppStoreApi();
  const trace = useAppStore(selectActiveTrace);
  const node = useAppStore(selectInspectedNode);
  const pinned = useAppStore(selectSelectedNode);
  const step = useAppStore(selectStep);
  const outcome = useMemo(
    () => (trace === undefined || node === undefined ? 'pending' : nodeStateAt(trace, step, node)),
    [trace, node, step],
  );

  const title = node === undefined ? t('inspector.title') : t(nodeTitleKey(node));
  const Icon = node === undefined ? undefined : NODE_ICONS[node];

  return (
    <div data-testid="inspector">
      {trace === undefined || node === undefined ? (
        <p className="text-sm text-muted">{t('inspector.empty')}</p>
      ) : (
        <article className="flex flex-col gap-3" data-inspected={node}>
          <header className="flex flex-wrap items-center gap-2">
            {Icon !== undefined && <Icon aria-hidden="true" className="size-5 text-muted" />}
            <h3 className="text-lg font-semibold text-text">{title}</h3>
            <OutcomeBadge outcome={outcome} />
            {pinned !== undefined && (
              <>
                <Pin aria-label={t('inspector.pinned')} className="size-4 text-muted" />
                <button
                  className="ml-auto inline-flex h-8 items-center gap-1.5 rounded-lg border border-border px-2.5 text-xs font-medium text-text hover:bg-subtle"
                  onClick={() => store.getState().selectNode(undefined)}
                  type="button"
                >
                  <PinOff aria-hidden="true" className="size-3.5" />
                  {t('inspector.unpin')}
                </button>
              </>
            )}
          </header>
          <InspectorBody node={node} outcome={outcome} trace={trace} />
        </article>
      )}
    </div>
  );
}

function InspectorBody({
  trace,
  node,
  outcome,
}: {
  readonly trace: Trace;
  readonly node: NodeId;
  readonly outcome: string;
}) {
  const t = useT();
  if (node === 'client')
    return <ClientView showResponse={outcome === 'passed' || outcome === 'failed'} trace={trace} />;
  if (outcome === 'pending') return <p className="text-sm text-muted">{t('inspector.notReached')}</p>;
  if (node === 'etcd') return <EtcdView reached={outcome !== 'skipped'} trace={trace} />;
  const result = trace.stages.find((s) => s.stage === node);
  if (result === undefined) return <p className="text-sm text-muted">{t('inspector.notReached')}</p>;
  return <StageView result={result} />;
}
