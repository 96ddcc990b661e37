import { type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { Locale } from '../../i18n';
import { LESSON_EN, type LessonCatalog } from '../../i18n/en-lesson';
import { I18nContext, LocaleContext } from '../../i18n/index';
import { createTranslator } from '../../i18n/translate';

function loadLessonCatalog(locale: Locale): Promise<LessonCatalog> {
  switch (locale) {
    case 'en':
      return Promise.resolve(LESSON_EN);
    case 'zh-CN':
      return import('../../i18n/zh-CN-lesson').then((m) => m.LESSON_ZH_CN);
  }
}

/**
 * Extends the app's catalog with the lesson views' strings. English ships in this lazy chunk, so
 * the entry chunk carries none of them; another language's strings load on demand (English
 * meanwhile), as WorldI18n does for the World panel.
 */
export function LessonI18n({ children }: { readonly children: ReactNode }) {
  const { shown, catalog } = useContext(LocaleContext);
  const [lesson, setLesson] = useState<{ readonly locale: Locale; readonly catalog: LessonCatalog }>({
    locale: 'en',
    catalog: LESSON_EN,
  });

  useEffect(() => {
    let current = true;
    loadLessonCatalog(shown).then(
      (loaded) => {
        if (current) setLesson({ locale: shown, catalog: loaded });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [shown]);

  const t = useMemo(() => createTranslator({ ...catalog, ...lesson.catalog }), [catalog, lesson]);
  return <I18nContext.Provider value={t}>{children}</I18nContext.Provider>;
}
