import { X } from 'lucide-react';
import { HTTP_REASON, STAGES, type Trace } from '../../engine';
import { useT } from '../../i18n';
import { WorldI18n } from '../../i18n/WorldI18n';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { decidingStage, nodeStateAt, pathOf } from '../../store/path';
import type { AppState } from '../../store/types';
import { OUTCOME_STYLES, outcomeOfStatus } from '../components/outcome-style';

const selectMain = (s: AppState) => s.traces.at(-1);
const selectOther = (s: AppState) => s.compareTraces?.at(-1);
const selectAgainst = (s: AppState) => s.compareAgainst;
const selectUser = (s: AppState) => s.user;
const selectUsers = (s: AppState) => s.scenario.cluster.users;
const selectCompareError = (s: AppState) => s.compareError;

/** One side: the status and the seven stages as a compact strip (each with data-outcome). */
function Side({
  trace,
  title,
  side,
}: {
  readonly trace: Trace | undefined;
  readonly title: string;
  readonly side: 'main' | 'other';
}) {
  const t = useT();
  if (trace === undefined) return <div className="flex-1 text-sm text-muted">{t('compare.empty')}</div>;
  const status = trace.response.status;
  const style = OUTCOME_STYLES[outcomeOfStatus(status)];
  const end = pathOf(trace).length;
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-2" data-compare-side={side} data-status={status}>
      <p className="text-sm font-medium text-text">{title}</p>
      <p
        className={`self-start rounded-lg border-2 px-2 py-0.5 font-mono font-bold ${style.text} ${style.soft} ${style.border}`}
      >
        {`${status} ${HTTP_REASON[status] ?? ''}`}
      </p>
      <ol className="flex flex-wrap gap-1">
        {STAGES.map((stage) => {
          const outcome = nodeStateAt(trace, end, stage);
          const s = OUTCOME_STYLES[outcome];
          return (
            <li
              className={`rounded border px-1.5 py-0.5 text-xs ${s.text} ${s.soft} ${s.border}`}
              data-compare-stage={stage}
              data-outcome={outcome}
              key={stage}
            >
              {t(`stage.${stage}`)}
            </li>
          );
        })}
      </ol>
      <p className="text-xs text-muted">
        {t('compare.decidedAt', { stage: t(`stage.${decidingStage(trace)}`) })}
      </p>
    </div>
  );
}

/** Compare mode: the last request here and on the other side (another user, or before the last edit). */
function CompareBody() {
  const t = useT();
  const store = useAppStoreApi();
  const main = useAppStore(selectMain);
  const other = useAppStore(selectOther);
  const against = useAppStore(selectAgainst);
  const user = useAppStore(selectUser);
  const users = useAppStore(selectUsers) ?? [];
  const error = useAppStore(selectCompareError);
  const value = against.type === 'before' ? '__before__' : against.user;
  return (
    <section
      aria-labelledby="compare-title"
      className="flex flex-col gap-3 rounded-lg border border-border bg-panel p-3 shadow-sm"
      data-testid="compare-view"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold tracking-wide text-muted uppercase" id="compare-title">
          {t('compare.title')}
        </h2>
        <div className="flex items-center gap-2">
          <label className="flex items-center gap-1.5 text-sm text-text">
            {t('compare.against')}
            <select
              className="h-8 rounded-lg border border-border-strong bg-panel px-2 text-sm text-text"
              data-testid="compare-against"
              onChange={(e) =>
                store
                  .getState()
                  .setCompare(
                    true,
                    e.target.value === '__before__'
                      ? { type: 'before' }
                      : { type: 'user', user: e.target.value },
                  )
              }
              value={value}
            >
              {users.map((u) => (
                <option key={u.name} value={u.name}>
                  {t('compare.asUser', { user: u.name })}
                </option>
              ))}
              <option value="__before__">{t('compare.before')}</option>
            </select>
          </label>
          <button
            aria-label={t('compare.close')}
            className="inline-flex size-8 items-center justify-center rounded-lg border border-border text-muted hover:bg-subtle"
            onClick={() => store.getState().setCompare(false)}
            type="button"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        </div>
      </header>
      {error !== undefined && (
        <p className="text-sm text-failed">{t('response.error', { message: error })}</p>
      )}
      <div className="flex flex-col gap-4 sm:flex-row">
        <Side side="main" title={t('compare.current', { user })} trace={main} />
        <Side
          side="other"
          title={
            against.type === 'before' ? t('compare.before') : t('compare.asUser', { user: against.user })
          }
          trace={other}
        />
      </div>
    </section>
  );
}

export function CompareView() {
  return (
    <WorldI18n>
      <CompareBody />
    </WorldI18n>
  );
}
