import { CircleCheck, CircleX, ClipboardCheck, Target } from 'lucide-react';
import { useCallback } from 'react';
import { useT } from '../../i18n';
import type { LessonStep } from '../../scenarios/format';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { checkLessonTask } from '../../store/slices/lesson-actions';
import { attemptKey, selectLessonKey } from '../../store/slices/lesson-selectors';
import type { AppState } from '../../store/types';
import { Disclosure } from '../components/Disclosure';
import { LessonView } from '../world/LessonView';
import { stageLabel, statusLabel } from './answer-text';
import { useLessonText } from './use-lesson-text';

const EMPTY: readonly string[] = [];

/** Puts a command in the composer (shown, focused), for the learner to read and send. */
function putInComposer(store: ReturnType<typeof useAppStoreApi>, user: string, command: string): void {
  const s = store.getState();
  s.setWorldOpen(false);
  s.setComposerMode('kubectl');
  s.setUser(user);
  s.setCommand(command);
  requestAnimationFrame(() =>
    document.querySelector<HTMLInputElement>('[data-testid="command-input"]')?.focus(),
  );
}

/**
 * A step's task: the goal, a Check that runs the lesson's check on a copy of the learner's world
 * (never changing it), its verdict, and one solution on request.
 */
export function TaskCard({
  step,
}: {
  readonly step: LessonStep & { readonly task: NonNullable<LessonStep['task']> };
}) {
  const t = useT();
  const store = useAppStoreApi();
  const text = useLessonText();
  const lesson = useAppStore(selectLessonKey);
  const result = useAppStore(
    useCallback((s: AppState) => s.taskChecks[attemptKey(lesson, step.id)], [lesson, step.id]),
  );
  const done = useAppStore(
    useCallback((s: AppState) => (s.lessonProgress[lesson] ?? EMPTY).includes(step.id), [lesson, step.id]),
  );
  const { check, solution } = step.task;
  const expected = `${statusLabel(check.expect.status)}${check.expect.stoppedAt === undefined ? '' : ` · ${stageLabel(t, check.expect.stoppedAt)}`}`;

  return (
    <section
      aria-labelledby={`task-${step.id}`}
      className={`flex flex-col gap-3 rounded-lg border-2 p-3 ${done ? 'border-passed' : 'border-accent'}`}
      data-done={done}
      data-testid="lesson-task"
    >
      <h4 className="flex items-center gap-2 text-sm font-semibold text-text" id={`task-${step.id}`}>
        <Target aria-hidden="true" className="size-4 shrink-0 text-accent" />
        {t('lesson.task.title')}
        {done && (
          <span className="ml-auto inline-flex items-center gap-1 rounded-full border border-passed bg-passed-soft px-2 py-0.5 text-xs text-passed">
            <CircleCheck aria-hidden="true" className="size-3.5" />
            {t('lesson.state.done')}
          </span>
        )}
      </h4>
      <div data-testid="lesson-goal">
        <LessonView markdown={text.goal(step) ?? step.task.goal} />
      </div>
      <p className="text-sm text-muted">{t('lesson.task.hint')}</p>
      <button
        className="inline-flex h-9 items-center justify-center gap-1.5 self-start rounded-lg border border-accent bg-accent px-3 text-sm font-medium text-accent-fg hover:bg-accent-hover"
        data-testid="lesson-check"
        onClick={() => checkLessonTask(store)}
        type="button"
      >
        <ClipboardCheck aria-hidden="true" className="size-4" />
        {t('lesson.task.check')}
      </button>
      <div aria-live="polite">
        {result !== undefined &&
          (result.ok ? (
            <p
              className="flex items-start gap-2 rounded-lg border border-passed bg-passed-soft px-3 py-2 text-sm font-medium text-passed"
              data-ok="true"
              data-testid="lesson-task-result"
            >
              <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              {t('lesson.task.done')}
            </p>
          ) : (
            <p
              className="flex items-start gap-2 rounded-lg border border-failed bg-failed-soft px-3 py-2 text-sm text-failed"
              data-ok="false"
              data-testid="lesson-task-result"
            >
              <CircleX aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              <span className="min-w-0 break-words">
                {t('lesson.task.notYet', {
                  command: check.command,
                  user: check.user,
                  actual: `${statusLabel(result.outcome.status)} · ${stageLabel(t, result.outcome.stoppedAt)}`,
                  expected,
                })}
              </span>
            </p>
          ))}
      </div>
      {solution !== undefined && (
        <Disclosure summary={t('lesson.task.solution')}>
          <div className="flex flex-col items-start gap-2" data-testid="lesson-solution">
            <code className="font-mono text-sm break-words text-text">{solution.command}</code>
            <p className="text-xs text-muted">{t('lesson.request.as', { user: solution.user })}</p>
            <button
              className="inline-flex h-8 items-center gap-1.5 rounded-lg border border-border px-2.5 text-sm font-medium text-text hover:bg-subtle"
              onClick={() => putInComposer(store, solution.user, solution.command)}
              type="button"
            >
              {t('lesson.task.useSolution')}
            </button>
          </div>
        </Disclosure>
      )}
    </section>
  );
}
