import { LibraryBig } from 'lucide-react';
import { useId } from 'react';
import { useLocale, useT } from '../../i18n';
import { LESSON_INDEX } from '../../scenarios/lesson-index';
import { STARTER_BUILT_IN } from '../../scenarios/registry';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { AppState } from '../../store/types';

const selectLessonId = (s: AppState) => s.lessonId;

/**
 * Opens a built-in scenario or lesson (an undoable step, like an import), titled in the language
 * on screen; the lesson index beside it shows the course with progress.
 */
export function LessonPicker() {
  const t = useT();
  const id = useId();
  const store = useAppStoreApi();
  const { shown } = useLocale();
  const lessonId = useAppStore(selectLessonId);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="flex min-w-0 items-center gap-2 text-sm font-medium text-text" htmlFor={id}>
        {t('world.lesson.pick')}
        <select
          className="h-9 min-w-0 rounded-lg border border-border bg-panel px-2 text-sm text-text"
          data-testid="lesson-picker"
          id={id}
          onChange={(e) => void store.getState().openLesson(e.target.value)}
          value={lessonId}
        >
          <option value={STARTER_BUILT_IN.id}>
            {STARTER_BUILT_IN.scenario.document.metadata.title ?? STARTER_BUILT_IN.id}
          </option>
          {LESSON_INDEX.map(({ id: lesson, title }) => (
            <option key={lesson} lang={shown} value={lesson}>
              {title[shown]}
            </option>
          ))}
        </select>
      </label>
      <button
        aria-haspopup="dialog"
        className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-border px-2.5 text-sm font-medium text-text hover:bg-subtle"
        data-testid="lesson-picker-index"
        onClick={() => store.getState().setLessonIndexOpen(true)}
        type="button"
      >
        <LibraryBig aria-hidden="true" className="size-4" />
        {t('world.lesson.index')}
      </button>
    </div>
  );
}
