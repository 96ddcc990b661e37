import { describe, expect, it } from 'vitest';
import { EN } from '../../../src/i18n/en';
import { LESSON_EN } from '../../../src/i18n/en-lesson';
import { WORLD_EN } from '../../../src/i18n/en-world';
import { initialLocale, localeFromLanguages, parseLocale } from '../../../src/i18n/locale';
import { ZH_CN } from '../../../src/i18n/zh-CN';
import { LESSON_ZH_CN } from '../../../src/i18n/zh-CN-lesson';
import { WORLD_ZH_CN } from '../../../src/i18n/zh-CN-world';

/** Kept in English on purpose: a kubectl command, typed as the reader would type it. */
const KEPT_AS_WRITTEN = new Set(['composer.command.placeholder']);

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Keys in one catalog and not in the other, and keys whose placeholders differ. */
function compare(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) {
  const missingInB = Object.keys(a).filter((key) => !Object.hasOwn(b, key));
  const missingInA = Object.keys(b).filter((key) => !Object.hasOwn(a, key));
  const placeholderMismatch = Object.keys(a)
    .filter((key) => Object.hasOwn(b, key))
    .filter((key) => placeholders(a[key] as string).join() !== placeholders(b[key] as string).join());
  return { missingInB, missingInA, placeholderMismatch };
}

type Strings = Readonly<Record<string, string>>;

describe.each<{ pair: string; en: Strings; zh: Strings }>([
  { pair: 'main catalogs (UI + engine templates)', en: EN, zh: ZH_CN },
  { pair: 'World panel catalogs', en: WORLD_EN, zh: WORLD_ZH_CN },
  { pair: 'lesson guide and index catalogs', en: LESSON_EN, zh: LESSON_ZH_CN },
])('English and Simplified Chinese $pair', ({ en, zh }) => {
  it('have the same keys in both directions', () => {
    const { missingInB, missingInA } = compare(en, zh);
    expect(missingInB, 'keys missing in zh-CN').toEqual([]);
    expect(missingInA, 'keys missing in en').toEqual([]);
  });

  it('use the same {placeholders} for every key', () => {
    expect(compare(en, zh).placeholderMismatch).toEqual([]);
  });

  it('translate every message that is not a Kubernetes term or a pure placeholder', () => {
    // A zh string that still reads as an English sentence was forgotten, not kept on purpose.
    const untranslated = Object.entries(zh).filter(
      ([key, text]) =>
        !KEPT_AS_WRITTEN.has(key) && text === en[key] && /[a-z]{3,} [a-z]{3,} [a-z]{3,}/.test(text),
    );
    expect(untranslated).toEqual([]);
  });
});

describe('The catalog comparison', () => {
  it('notices a key missing on either side and a renamed placeholder', () => {
    const result = compare({ a: 'x {n}', b: 'y' }, { a: 'x {count}', c: 'z' });
    expect(result).toEqual({ missingInB: ['b'], missingInA: ['c'], placeholderMismatch: ['a'] });
  });
});

describe('Choosing the UI language', () => {
  const storage = (value: string | null) => ({ getItem: () => value });

  it('picks Simplified Chinese for any Chinese browser language', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans-SG', 'ZH-tw'])
      expect(localeFromLanguages([tag])).toBe('zh-CN');
  });

  it('follows the first shipped language in the browser’s list, else English', () => {
    expect(localeFromLanguages(['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(localeFromLanguages(['en-GB', 'zh-CN'])).toBe('en');
    expect(localeFromLanguages(['de', 'fr'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });

  it('prefers the remembered choice over the browser language', () => {
    expect(initialLocale(storage('en'), ['zh-CN'])).toBe('en');
    expect(initialLocale(storage('zh-CN'), ['en-US'])).toBe('zh-CN');
  });

  it('ignores a corrupt or unknown stored value, and storage that throws', () => {
    expect(initialLocale(storage('{"oops'), ['zh-CN'])).toBe('zh-CN');
    expect(initialLocale(storage('de'), ['en'])).toBe('en');
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(initialLocale(throwing, ['zh'])).toBe('zh-CN');
    expect(parseLocale(42)).toBeUndefined();
  });
});
