import { Play } from 'lucide-react';
import { useId, useState } from 'react';
import { HTTP_REASON } from '../../engine';
import { useT } from '../../i18n';
import { STOP_STAGES, type StopStage } from '../../scenarios/format';
import { type Prediction, statusChoices } from '../../store/slices/lesson-model';

const CHOICE =
  'flex cursor-pointer items-center gap-2 rounded-lg border border-border px-2.5 py-1.5 text-sm text-text hover:bg-subtle has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent';

/** The learner's guess, asked before the request plays: where it stops, and which status comes back. */
export function PredictionForm({
  expectedStatus,
  onSubmit,
}: {
  readonly expectedStatus: number | undefined;
  readonly onSubmit: (prediction: Prediction) => void;
}) {
  const t = useT();
  const id = useId();
  const [stage, setStage] = useState<StopStage | undefined>(undefined);
  const [status, setStatus] = useState<number | undefined>(undefined);
  const ready = stage !== undefined && status !== undefined;
  return (
    <form
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded-lg border border-border bg-subtle p-3"
      data-testid="lesson-predict"
      onSubmit={(event) => {
        event.preventDefault();
        if (stage !== undefined && status !== undefined) onSubmit({ stoppedAt: stage, status });
      }}
    >
      <h4 className="text-sm font-semibold text-text" id={`${id}-title`}>
        {t('lesson.predict.title')}
      </h4>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-sm font-medium text-text">{t('lesson.predict.stage')}</legend>
        {STOP_STAGES.map((value) => (
          <label className={`${CHOICE} bg-panel`} data-predict-stage={value} key={value}>
            <input
              checked={stage === value}
              className="accent-accent"
              name={`${id}-stage`}
              onChange={() => setStage(value)}
              type="radio"
              value={value}
            />
            {value === 'none' ? t('lesson.predict.none') : t(`stage.${value}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-sm font-medium text-text">{t('lesson.predict.status')}</legend>
        <div className="grid grid-cols-[repeat(auto-fill,minmax(9.5rem,1fr))] gap-1.5">
          {statusChoices(expectedStatus).map((value) => (
            <label className={`${CHOICE} bg-panel`} data-predict-status={value} key={value}>
              <input
                checked={status === value}
                className="accent-accent"
                name={`${id}-status`}
                onChange={() => setStatus(value)}
                type="radio"
                value={value}
              />
              <span className="font-mono font-semibold">{value}</span>
              <span className="min-w-0 truncate text-xs text-muted">{HTTP_REASON[value] ?? ''}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button
        className="inline-flex h-10 items-center justify-center gap-1.5 rounded-lg border border-accent bg-accent px-3 text-sm font-medium text-accent-fg hover:bg-accent-hover disabled:cursor-not-allowed disabled:border-border disabled:bg-subtle disabled:text-muted"
        data-testid="lesson-predict-submit"
        disabled={!ready}
        type="submit"
      >
        <Play aria-hidden="true" className="size-4" />
        {t('lesson.predict.submit')}
      </button>
      {!ready && <p className="text-xs text-muted">{t('lesson.predict.needBoth')}</p>}
    </form>
  );
}
