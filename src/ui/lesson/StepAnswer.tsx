import { CircleCheck, CircleX, TriangleAlert } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import type { RequestExpectation } from '../../scenarios/format';
import type { StepAttempt } from '../../store/slices/lesson-model';
import { judgePrediction } from '../../store/slices/lesson-model';
import { OUTCOME_STYLES } from '../components/outcome-style';
import { stageSummary } from '../panels/inspector/stage-summary';
import { stageLabel, statusLabel } from './answer-text';

type Verdict = 'right' | 'half' | 'wrong';

const VERDICT_LOOK: Readonly<Record<Verdict, { icon: typeof CircleCheck; className: string }>> = {
  right: { icon: CircleCheck, className: 'border-passed bg-passed-soft text-passed' },
  half: { icon: TriangleAlert, className: 'border-warning bg-subtle text-warning' },
  wrong: { icon: CircleX, className: 'border-failed bg-failed-soft text-failed' },
};

/** ✓ or ✗ beside one part of the answer, in words too. */
function Mark({ ok, predicted }: { readonly ok: boolean; readonly predicted: string }) {
  const t = useT();
  const style = OUTCOME_STYLES[ok ? 'passed' : 'failed'];
  const Icon = style.icon;
  return (
    <span className={`inline-flex items-center gap-1 text-xs font-medium ${style.text}`}>
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      {ok ? t('lesson.answer.match') : t('lesson.answer.miss', { value: predicted })}
    </span>
  );
}

/**
 * The right answer, once the request has played: what stopped it, the status and reason, whether
 * the prediction matched, and why (the stopping stage's own explanation from the trace).
 */
export function StepAnswer({
  attempt,
  expect,
}: {
  readonly attempt: StepAttempt;
  readonly expect: RequestExpectation | undefined;
}) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const { outcome, prediction, why } = attempt;
  // The answer replaces the question: bring it into view inside the panel.
  useEffect(() => {
    root.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const judged = prediction === undefined ? undefined : judgePrediction(prediction, outcome);
  const verdict: Verdict | undefined =
    judged === undefined
      ? undefined
      : judged.stoppedAt && judged.status
        ? 'right'
        : judged.stoppedAt || judged.status
          ? 'half'
          : 'wrong';
  const look = verdict === undefined ? undefined : VERDICT_LOOK[verdict];
  const VerdictIcon = look?.icon;
  // The lesson was written for its own start; an edited world may answer otherwise (the trace wins).
  const differs =
    expect !== undefined &&
    (expect.status !== outcome.status ||
      (expect.stoppedAt !== undefined && expect.stoppedAt !== outcome.stoppedAt));
  return (
    <div
      className="flex flex-col gap-3"
      data-stopped-at={outcome.stoppedAt}
      data-status={outcome.status}
      data-testid="lesson-answer"
      data-verdict={verdict}
      ref={root}
    >
      {look !== undefined && VerdictIcon !== undefined && verdict !== undefined && (
        <p
          className={`flex items-start gap-2 rounded-lg border-2 px-3 py-2 text-sm font-semibold ${look.className}`}
          data-testid="lesson-verdict"
        >
          <VerdictIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {t(`lesson.verdict.${verdict}`)}
        </p>
      )}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1.5 text-sm">
        <dt className="text-muted">{t('lesson.answer.stage')}</dt>
        <dd className="flex flex-col gap-0.5" data-answer="stage">
          <span className="font-semibold text-text">{stageLabel(t, outcome.stoppedAt)}</span>
          {prediction !== undefined && judged !== undefined && (
            <Mark ok={judged.stoppedAt} predicted={stageLabel(t, prediction.stoppedAt)} />
          )}
        </dd>
        <dt className="text-muted">{t('lesson.answer.status')}</dt>
        <dd className="flex flex-col gap-0.5" data-answer="status">
          <span className="font-mono font-semibold text-text">{statusLabel(outcome.status)}</span>
          {prediction !== undefined && judged !== undefined && (
            <Mark ok={judged.status} predicted={statusLabel(prediction.status)} />
          )}
        </dd>
        {outcome.reason !== undefined && (
          <>
            <dt className="text-muted">{t('lesson.answer.reason')}</dt>
            <dd className="font-mono text-text" data-answer="reason">
              {outcome.reason}
            </dd>
          </>
        )}
      </dl>
      {why !== undefined && (
        <div className="flex flex-col gap-1 border-l-4 border-accent pl-3" data-testid="lesson-why">
          <p className="text-sm font-semibold text-text">
            {t('lesson.answer.why', { stage: t(`stage.${why.stage}`) })}
          </p>
          <p className="text-sm break-words text-text">{stageSummary(t, why)}</p>
        </div>
      )}
      {differs && (
        <p className="flex items-start gap-2 text-sm text-warning" data-testid="lesson-differs">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {t('lesson.answer.differs', {
            status: statusLabel(expect.status),
            stage: stageLabel(t, expect.stoppedAt ?? outcome.stoppedAt),
          })}
        </p>
      )}
    </div>
  );
}
