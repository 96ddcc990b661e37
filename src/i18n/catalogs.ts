import { type Catalog, EN } from './en';

/** The languages the UI ships. Adding German is `import { DE } from './de'` and one entry here. */
export const CATALOGS = { en: EN } as const satisfies Record<string, Catalog>;

export type Locale = keyof typeof CATALOGS;

export const DEFAULT_LOCALE: Locale = 'en';
