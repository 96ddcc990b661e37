import { createContext, useContext } from 'react';
import { CATALOGS, DEFAULT_LOCALE, type Locale } from './catalogs';
import type { Catalog } from './en';
import { createTranslator, type Translate } from './translate';

export {
  CATALOGS,
  DEFAULT_LOCALE,
  LOCALE_NAMES,
  LOCALES,
  type Locale,
  loadCatalog,
} from './catalogs';
export type { Catalog, MessageKey } from './en';
export { initialLocale, localeFromLanguages, parseLocale, saveLocale } from './locale';
export { createTranslator, type MessageValues, type Translate } from './translate';

/** English unless a provider says otherwise; components never pick a language themselves. */
export const I18nContext = createContext<Translate>(createTranslator(CATALOGS[DEFAULT_LOCALE]));

/** The current translation function. */
export function useT(): Translate {
  return useContext(I18nContext);
}

export interface LocaleState {
  /** The language the reader chose. */
  readonly locale: Locale;
  /** The language on screen: the chosen one once its catalog has loaded, English until then. */
  readonly shown: Locale;
  /** The catalog of `shown`. */
  readonly catalog: Catalog;
  readonly setLocale: (locale: Locale) => void;
}

export const LocaleContext = createContext<LocaleState>({
  locale: DEFAULT_LOCALE,
  shown: DEFAULT_LOCALE,
  catalog: CATALOGS[DEFAULT_LOCALE],
  setLocale: () => undefined,
});

/** The chosen and shown language, and the switch (for the header and language-aware content). */
export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}
