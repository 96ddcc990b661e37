import { type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { Locale } from './catalogs';
import { WORLD_EN, type WorldCatalog } from './en-world';
import { I18nContext, LocaleContext } from './index';
import { createTranslator } from './translate';

/** The World strings of a language; English is in this chunk already, others load on demand. */
function loadWorldCatalog(locale: Locale): Promise<WorldCatalog> {
  switch (locale) {
    case 'en':
      return Promise.resolve(WORLD_EN);
    case 'zh-CN':
      return import('./zh-CN-world').then((m) => m.WORLD_ZH_CN);
  }
}

/**
 * Extends the app's catalog with the World panel's strings for everything inside it. English lives
 * in the panel's lazy chunk, so the entry chunk carries none of these strings; another language's
 * World strings load on demand, with English shown meanwhile.
 */
export function WorldI18n({ children }: { readonly children: ReactNode }) {
  const { shown, catalog } = useContext(LocaleContext);
  const [world, setWorld] = useState<{ readonly locale: Locale; readonly catalog: WorldCatalog }>({
    locale: 'en',
    catalog: WORLD_EN,
  });

  useEffect(() => {
    let current = true;
    loadWorldCatalog(shown).then(
      (loaded) => {
        if (current) setWorld({ locale: shown, catalog: loaded });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [shown]);

  const t = useMemo(() => createTranslator({ ...catalog, ...world.catalog }), [catalog, world]);
  return <I18nContext.Provider value={t}>{children}</I18nContext.Provider>;
}
