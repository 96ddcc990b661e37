import { useMemo } from 'react';
import { useLocale } from '../../i18n';
import { type LessonText, lessonText } from '../../scenarios/lesson/text';
import { useAppStore } from '../../store/context';
import type { AppState } from '../../store/types';

const selectDocument = (s: AppState) => s.scenario.document;

/** The open lesson's texts in the language on screen (English where a translation is missing). */
export function useLessonText(): LessonText {
  const doc = useAppStore(selectDocument);
  const { shown } = useLocale();
  return useMemo(() => lessonText(doc, shown), [doc, shown]);
}
