import { Circle, CircleCheck, CircleDot, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n';
import { LESSON_INDEX } from '../../scenarios/lesson-index';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectLessonKey } from '../../store/slices/lesson-selectors';
import type { AppState } from '../../store/types';
import { LessonI18n } from './LessonI18n';
import { type LessonState, lessonProgressOf } from './progress';

const selectProgress = (s: AppState) => s.lessonProgress;

const STATE_LOOK: Readonly<Record<LessonState, { icon: typeof Circle; className: string }>> = {
  done: { icon: CircleCheck, className: 'text-passed' },
  started: { icon: CircleDot, className: 'text-accent' },
  new: { icon: Circle, className: 'text-muted' },
};

function LessonIndexBody() {
  const t = useT();
  const store = useAppStoreApi();
  const { shown } = useLocale();
  const progress = useAppStore(selectProgress);
  const current = useAppStore(selectLessonKey);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [opening, setOpening] = useState<string | undefined>(undefined);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  const close = () => store.getState().setLessonIndexOpen(false);
  const open = async (id: string) => {
    if (id !== current) {
      setOpening(id);
      await store.getState().openLesson(id);
      setOpening(undefined);
    }
    store.getState().goToLessonStep(0);
    close();
  };

  return (
    <dialog
      aria-labelledby={titleId}
      className="m-auto w-[min(44rem,calc(100vw-2rem))] rounded-lg border border-border bg-panel p-0 text-text shadow-lg backdrop:bg-black/40"
      data-testid="lesson-index"
      onClose={close}
      ref={dialog}
    >
      <div className="flex max-h-[calc(100vh-4rem)] flex-col">
        <header className="flex items-center justify-between gap-2 border-b border-border px-4 py-3">
          <h2 className="text-base font-semibold text-text" id={titleId}>
            {t('lesson.index.title')}
          </h2>
          <button
            aria-label={t('lesson.index.close')}
            className="inline-flex size-8 items-center justify-center rounded-lg border border-border text-muted hover:bg-subtle hover:text-text"
            data-testid="lesson-index-close"
            onClick={close}
            title={t('lesson.index.close')}
            type="button"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        </header>
        <div className="overflow-auto p-4">
          <p className="mb-3 text-sm text-muted">{t('lesson.index.intro')}</p>
          <ol className="flex flex-col gap-2">
            {LESSON_INDEX.map((entry, i) => {
              const { done, count, state } = lessonProgressOf(progress, entry.id, entry.steps);
              const look = STATE_LOOK[state];
              const Icon = look.icon;
              const isCurrent = entry.id === current;
              const action = isCurrent
                ? t('lesson.index.current')
                : state === 'started'
                  ? t('lesson.index.continue')
                  : t('lesson.index.open');
              return (
                <li
                  className={`flex flex-wrap items-center gap-3 rounded-lg border px-3 py-2.5 ${isCurrent ? 'border-accent bg-accent-soft' : 'border-border'}`}
                  data-lesson-entry={entry.id}
                  data-progress={`${done}/${count}`}
                  data-state={state}
                  key={entry.id}
                >
                  <span className="w-6 shrink-0 text-right font-mono text-sm text-muted">{i + 1}</span>
                  <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                    <span className="font-medium text-text" lang={shown}>
                      {entry.title[shown]}
                    </span>
                    <span className={`flex items-center gap-1.5 text-xs font-medium ${look.className}`}>
                      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
                      {t(`lesson.index.state.${state}`)}
                      <span className="text-muted">·</span>
                      <span className="text-muted" data-testid="lesson-progress">
                        {t('lesson.index.progress', { done, count })}
                      </span>
                    </span>
                  </div>
                  <span
                    aria-hidden="true"
                    className="h-1.5 w-20 shrink-0 overflow-hidden rounded-full bg-subtle"
                  >
                    <span
                      className="block h-full rounded-full bg-passed"
                      style={{ width: `${count === 0 ? 0 : Math.round((done / count) * 100)}%` }}
                    />
                  </span>
                  <button
                    aria-label={`${action}: ${entry.title[shown]}`}
                    className="inline-flex h-8 min-w-20 items-center justify-center rounded-lg border border-border px-3 text-sm font-medium text-text hover:bg-subtle disabled:text-muted"
                    data-testid="lesson-index-open"
                    disabled={opening !== undefined}
                    onClick={() => void open(entry.id)}
                    type="button"
                  >
                    {opening === entry.id ? t('lesson.index.opening') : action}
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      </div>
    </dialog>
  );
}

/** The course: every built-in lesson in order, with its progress; opens one in guided mode. */
export function LessonIndex() {
  return (
    <LessonI18n>
      <LessonIndexBody />
    </LessonI18n>
  );
}
