import { createContext, useContext } from 'react';
import { CATALOGS, DEFAULT_LOCALE } from './catalogs';
import { createTranslator, type Translate } from './translate';

export { CATALOGS, DEFAULT_LOCALE, type Locale } from './catalogs';
export type { Catalog, MessageKey } from './en';
export { createTranslator, type MessageValues, type Translate } from './translate';

/** English unless a provider says otherwise; components never pick a language themselves. */
export const I18nContext = createContext<Translate>(createTranslator(CATALOGS[DEFAULT_LOCALE]));

/** The current translation function. */
export function useT(): Translate {
  return useContext(I18nContext);
}
