import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { CATALOGS, DEFAULT_LOCALE, type Locale, loadCatalog } from './catalogs';
import type { Catalog } from './en';
import { I18nContext, LocaleContext, type LocaleState } from './index';
import { saveLocale } from './locale';
import { createTranslator } from './translate';

interface Shown {
  readonly locale: Locale;
  readonly catalog: Catalog;
}

/**
 * Holds the UI language: loads the chosen catalog (English stays on screen meanwhile), remembers
 * the choice and sets `<html lang>` to the language shown. Everything below re-renders in the new
 * language without a reload, because `useT()` reads the translator from here.
 */
export function LocaleProvider({
  initial,
  children,
}: {
  readonly initial: Locale;
  readonly children: ReactNode;
}) {
  const [locale, setLocaleState] = useState<Locale>(initial);
  const [shown, setShown] = useState<Shown>({ locale: DEFAULT_LOCALE, catalog: CATALOGS[DEFAULT_LOCALE] });

  useEffect(() => {
    let current = true;
    loadCatalog(locale).then(
      (catalog) => {
        if (current) setShown({ locale, catalog });
      },
      () => {
        // Offline before the catalog was ever fetched: stay in the language on screen.
      },
    );
    return () => {
      current = false;
    };
  }, [locale]);

  useEffect(() => {
    document.documentElement.lang = shown.locale;
  }, [shown.locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    saveLocale(window.localStorage, next);
  }, []);

  const state = useMemo<LocaleState>(
    () => ({ locale, shown: shown.locale, catalog: shown.catalog, setLocale }),
    [locale, shown, setLocale],
  );
  const t = useMemo(() => createTranslator(shown.catalog), [shown.catalog]);
  return (
    <LocaleContext.Provider value={state}>
      <I18nContext.Provider value={t}>{children}</I18nContext.Provider>
    </LocaleContext.Provider>
  );
}
