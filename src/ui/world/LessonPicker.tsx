import { useId } from 'react';
import { useT } from '../../i18n';
import { LESSON_INDEX } from '../../scenarios/lesson-index';
import { STARTER_BUILT_IN } from '../../scenarios/registry';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { AppState } from '../../store/types';

const selectLessonId = (s: AppState) => s.lessonId;

/** Opens a built-in scenario or lesson (an undoable step, like an import). */
export function LessonPicker() {
  const t = useT();
  const id = useId();
  const store = useAppStoreApi();
  const lessonId = useAppStore(selectLessonId);
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-text" htmlFor={id}>
      {t('world.lesson.pick')}
      <select
        className="h-9 min-w-0 rounded-lg border border-border bg-panel px-2 text-sm text-text"
        data-testid="lesson-picker"
        id={id}
        onChange={(e) => store.getState().openLesson(e.target.value)}
        value={lessonId}
      >
        <option value={STARTER_BUILT_IN.id}>
          {STARTER_BUILT_IN.scenario.document.metadata.title ?? STARTER_BUILT_IN.id}
        </option>
        {LESSON_INDEX.map(({ id: lesson, title }) => (
          <option key={lesson} value={lesson}>
            {title.en}
          </option>
        ))}
      </select>
    </label>
  );
}
