import { type ReactNode, useMemo } from 'react';
import { EN } from './en';
import { WORLD_EN } from './en-world';
import { I18nContext } from './index';
import { createTranslator } from './translate';

/**
 * Extends the app's catalog with the World panel's strings for everything inside it. Lives in the
 * panel's lazy chunk, so the entry chunk carries none of these strings.
 */
export function WorldI18n({ children }: { readonly children: ReactNode }) {
  const t = useMemo(() => createTranslator({ ...EN, ...WORLD_EN }), []);
  return <I18nContext.Provider value={t}>{children}</I18nContext.Provider>;
}
