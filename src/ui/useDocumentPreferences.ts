import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectTextSize, selectTheme } from '../store/selectors';
import { savePreferences } from './preferences';

const THEME_COLOR = { light: '#ffffff', dark: '#141a22' } as const;

/**
 * Mirrors theme and text size onto <html> (the CSS tokens switch on data-theme / data-text-size),
 * follows the OS reduced-motion setting, and remembers the choices.
 */
export function useDocumentPreferences(): void {
  const store = useAppStoreApi();
  const theme = useAppStore(selectTheme);
  const textSize = useAppStore(selectTextSize);

  useEffect(() => {
    const root = document.documentElement;
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      // "system" leaves data-theme unset so the CSS media query decides, even before JS runs.
      if (theme === 'system') delete root.dataset.theme;
      else root.dataset.theme = theme;
      const resolved = theme === 'system' ? (dark.matches ? 'dark' : 'light') : theme;
      document.querySelector('meta[name="theme-color"]')?.setAttribute('content', THEME_COLOR[resolved]);
    };
    apply();
    dark.addEventListener('change', apply);
    return () => dark.removeEventListener('change', apply);
  }, [theme]);

  useEffect(() => {
    document.documentElement.dataset.textSize = textSize;
  }, [textSize]);

  useEffect(() => savePreferences({ theme, textSize }), [theme, textSize]);

  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    const onChange = () => store.getState().setReducedMotion(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [store]);
}
