import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CATALOGS, createTranslator, DEFAULT_LOCALE } from './i18n';
import { AppStoreContext } from './store/context';
import { parseDeepLink } from './store/deep-link';
import { loadPreferences } from './ui/preferences';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

const preferences = loadPreferences();
// Apply saved choices before the first paint, so a dark-theme user sees no light flash.
if (preferences.theme !== undefined && preferences.theme !== 'system') {
  document.documentElement.dataset.theme = preferences.theme;
}
if (preferences.textSize !== undefined) document.documentElement.dataset.textSize = preferences.textSize;

/**
 * The simulator (engine, YAML parser, starter world) arrives as its own chunk, fetched at once,
 * so the entry chunk stays within the bundle budget: React + React Flow + the UI.
 */
async function start(container: HTMLElement): Promise<void> {
  const [{ createAppStore }, { STARTER }] = await Promise.all([
    import('./store/create-app-store'),
    import('./scenarios/starter'),
  ]);
  const link = parseDeepLink(window.location.search);
  const store = createAppStore(STARTER, {
    ...preferences,
    ...(link.user === undefined ? {} : { user: link.user }),
    ...(link.command === undefined ? {} : { command: link.command }),
    reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  });
  // `autoplay=1`: send at once; an invalid command just shows its kubectl error.
  if (link.autoplay) store.getState().send();

  // Warm the inspector's detail views so the first stage selected shows them at once.
  void import('./ui/panels/inspector/StageDetailsView');

  createRoot(container).render(
    <StrictMode>
      <AppStoreContext.Provider value={store}>
        <App />
      </AppStoreContext.Provider>
    </StrictMode>,
  );
}

start(root).catch((error: unknown) => {
  const t = createTranslator(CATALOGS[DEFAULT_LOCALE]);
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'm-6 rounded-lg border border-failed bg-failed-soft p-4 text-failed';
  message.textContent = t('app.startFailed', {
    message: error instanceof Error ? error.message : String(error),
  });
  root.replaceChildren(message);
});
