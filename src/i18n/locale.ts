import { DEFAULT_LOCALE, LOCALES, type Locale } from './catalogs';

const KEY = 'kube-request-flow:locale';

/** A stored or requested value as a Locale, or undefined for anything else (old or corrupt data). */
export function parseLocale(value: unknown): Locale | undefined {
  return LOCALES.find((locale) => locale === value);
}

/**
 * The browser's preferred language as one the UI ships: any Chinese tag (zh, zh-CN, zh-Hans-SG,
 * also zh-TW, which reads Simplified better than English) picks zh-CN; the first tag that matches
 * a shipped language wins, else English.
 */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return DEFAULT_LOCALE;
}

/** The remembered choice, or the browser's language on a first visit (or when storage is blocked). */
export function initialLocale(
  storage: Pick<Storage, 'getItem'> | undefined,
  languages: readonly string[],
): Locale {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(KEY) ?? null;
  } catch {
    // Storage blocked (some privacy settings): fall back to the browser's language.
  }
  return parseLocale(saved) ?? localeFromLanguages(languages);
}

export function saveLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: Locale): void {
  try {
    storage?.setItem(KEY, locale);
  } catch {
    // Private mode or a full quota: the choice simply isn't remembered.
  }
}

export const LOCALE_STORAGE_KEY = KEY;
