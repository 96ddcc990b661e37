import { FastForward, Play, RotateCcw } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n';
import type { LessonStep, PreparedRequest } from '../../scenarios/format';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { playLessonStep } from '../../store/slices/lesson-actions';
import type { StepAttempt } from '../../store/slices/lesson-model';
import { attemptKey, selectLessonKey } from '../../store/slices/lesson-selectors';
import type { AppState } from '../../store/types';
import { PredictionForm } from './PredictionForm';
import { StepAnswer } from './StepAnswer';
import { useLessonText } from './use-lesson-text';

const BUTTON =
  'inline-flex h-9 items-center justify-center gap-1.5 rounded-lg border px-3 text-sm font-medium';
const PRIMARY = `${BUTTON} border-accent bg-accent text-accent-fg hover:bg-accent-hover`;
const SECONDARY = `${BUTTON} border-border bg-panel text-text hover:bg-subtle`;

/**
 * Whether the attempt's run has played to its end on the graph. A later send shows another run,
 * so the answer is simply shown then.
 */
function useRunFinished(attempt: StepAttempt | undefined): boolean {
  const finished = useAppStore(
    useCallback(
      (s: AppState) =>
        attempt !== undefined &&
        (s.log.length !== attempt.logLength || s.status === 'done' || s.status === 'idle'),
      [attempt],
    ),
  );
  // Once shown, the answer stays (Restart replays the animation, not the question).
  const [seenFor, setSeenFor] = useState<StepAttempt | undefined>(undefined);
  useEffect(() => {
    if (finished) setSeenFor(attempt);
  }, [finished, attempt]);
  return finished || (attempt !== undefined && seenFor === attempt);
}

/** The request a step plays: what it sends, the prediction asked first, then the right answer. */
export function StepRequest({
  step,
  request,
}: {
  readonly step: LessonStep;
  readonly request: PreparedRequest;
}) {
  const t = useT();
  const store = useAppStoreApi();
  const text = useLessonText();
  const lesson = useAppStore(selectLessonKey);
  const attempt = useAppStore(
    useCallback((s: AppState) => s.attempts[attemptKey(lesson, step.id)], [lesson, step.id]),
  );
  const finished = useRunFinished(attempt);
  const asksPrediction = step.predict === true && request.expect !== undefined;
  // Titles end with their status ("… (403)"): hidden until the prediction is made.
  const fullTitle = text.requestTitle(request.id);
  const title =
    asksPrediction && attempt === undefined ? fullTitle?.replace(/\s*[(（]\d{3}[)）]\s*$/, '') : fullTitle;

  return (
    <section className="flex flex-col gap-3" data-testid="lesson-request">
      <div className="flex flex-col gap-1 rounded-lg border border-border p-3">
        <p className="text-xs font-medium tracking-wide text-muted uppercase">{t('lesson.request')}</p>
        {title !== undefined && <p className="text-sm font-semibold text-text">{title}</p>}
        <code className="font-mono text-sm break-words text-text">{request.command}</code>
        <p className="text-xs text-muted">{t('lesson.request.as', { user: request.user })}</p>
      </div>
      {attempt === undefined ? (
        asksPrediction ? (
          <PredictionForm
            expectedStatus={request.expect?.status}
            onSubmit={(prediction) => playLessonStep(store, prediction)}
          />
        ) : (
          <button
            className={PRIMARY}
            data-testid="lesson-play"
            onClick={() => playLessonStep(store)}
            type="button"
          >
            <Play aria-hidden="true" className="size-4" />
            {t('lesson.play')}
          </button>
        )
      ) : (
        <div aria-live="polite" className="flex flex-col gap-3">
          {attempt.prediction !== undefined && !finished && (
            <p className="text-sm text-text" data-testid="lesson-prediction">
              {t('lesson.predict.yours', {
                stage:
                  attempt.prediction.stoppedAt === 'none'
                    ? t('lesson.answer.none')
                    : t(`stage.${attempt.prediction.stoppedAt}`),
                status: attempt.prediction.status,
              })}
            </p>
          )}
          {finished ? (
            <StepAnswer attempt={attempt} expect={request.expect} />
          ) : (
            <div className="flex flex-col items-start gap-2">
              <p className="text-sm text-muted" data-testid="lesson-playing">
                {t('lesson.playing')}
              </p>
              <button
                className={SECONDARY}
                data-testid="lesson-skip"
                onClick={() => store.getState().skipToEnd()}
                type="button"
              >
                <FastForward aria-hidden="true" className="size-4" />
                {t('lesson.skipToAnswer')}
              </button>
            </div>
          )}
          {finished && (
            <button
              className={`${SECONDARY} self-start`}
              data-testid="lesson-play-again"
              onClick={() => playLessonStep(store, attempt.prediction)}
              type="button"
            >
              <RotateCcw aria-hidden="true" className="size-4" />
              {t('lesson.playAgain')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
