import { Circle, CircleCheck } from 'lucide-react';
import { useT } from '../../i18n';
import type { LessonStep } from '../../scenarios/format';
import { useAppStoreApi } from '../../store/context';

/** The lesson's steps as numbered buttons: done (check, green), current (filled), not done yet. */
export function StepNav({
  steps,
  current,
  done,
}: {
  readonly steps: readonly LessonStep[];
  readonly current: number;
  readonly done: readonly string[];
}) {
  const t = useT();
  const store = useAppStoreApi();
  return (
    <ol aria-label={t('lesson.steps')} className="flex flex-wrap gap-1.5" data-testid="lesson-step-nav">
      {steps.map((step, i) => {
        const isDone = done.includes(step.id);
        const isCurrent = i === current;
        const state = t(isDone ? 'lesson.state.done' : 'lesson.state.todo');
        const Icon = isDone ? CircleCheck : Circle;
        const look = isCurrent
          ? 'border-accent bg-accent text-accent-fg'
          : isDone
            ? 'border-passed bg-passed-soft text-passed'
            : 'border-border bg-panel text-muted hover:text-text';
        return (
          <li key={step.id}>
            <button
              aria-current={isCurrent ? 'step' : undefined}
              aria-label={t('lesson.stepButton', { n: i + 1, state })}
              className={`inline-flex h-8 min-w-11 items-center justify-center gap-1 rounded-full border px-2 text-sm font-semibold ${look}`}
              data-done={isDone}
              data-step-nav={step.id}
              onClick={() => store.getState().goToLessonStep(i)}
              title={t('lesson.stepButton', { n: i + 1, state })}
              type="button"
            >
              <Icon aria-hidden="true" className="size-3.5 shrink-0" />
              {i + 1}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
