import { type Catalog, EN } from './en';

/** The languages the UI ships, in the switcher's order. Adding one is a catalog pair and a loader. */
export const LOCALES = ['en', 'zh-CN'] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE = 'en' satisfies Locale;

/** Each language's name in itself: the switcher shows the same names whatever the UI language. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', 'zh-CN': '简体中文' };

/** The catalogs in the entry chunk. Only English: every other language loads on demand. */
export const CATALOGS = { en: EN } as const satisfies Partial<Record<Locale, Catalog>>;

/**
 * A language's main catalog. Each translation is its own chunk (`import()`), so the entry chunk
 * carries English only and a Chinese reader downloads Chinese once, when it is first shown.
 */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  switch (locale) {
    case 'en':
      return Promise.resolve(EN);
    case 'zh-CN':
      return import('./zh-CN').then((m) => m.ZH_CN);
  }
}
