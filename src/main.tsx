import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CATALOGS, createTranslator, DEFAULT_LOCALE, initialLocale } from './i18n';
import { LocaleProvider } from './i18n/LocaleProvider';
import { AppStoreContext } from './store/context';
import { parseDeepLink } from './store/deep-link';
import { WorkspaceContext } from './store/workspace-context';
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
  const { bootWorkspace, loadEngineExtensions } = await import('./start-up');
  const link = parseDeepLink(window.location.search);
  // The workspace: a share link (#scenario=…) as its own unsaved workspace, else the saved one.
  const { store, autosave } = bootWorkspace({
    storage: window.localStorage,
    hash: window.location.hash,
    tabId: crypto.randomUUID?.() ?? String(Math.random()).slice(2),
    ...(link.lesson === undefined ? {} : { lesson: link.lesson }),
    options: {
      ...preferences,
      ...(link.user === undefined ? {} : { user: link.user }),
      ...(link.command === undefined ? {} : { command: link.command }),
      reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    },
  });
  window.addEventListener('storage', (event) => autosave.onStorageEvent(event.key));
  // Don't lose the last keystrokes: save before the page goes away.
  window.addEventListener('pagehide', () => autosave.flush());
  // `autoplay=1`: send at once; an invalid command just shows its kubectl error.
  if (link.autoplay) store.getState().send();

  // Warm the inspector's detail views so the first stage selected shows them at once.
  void import('./ui/panels/inspector/StageDetailsView');

  // The schemas and CEL (~190 KB gzip) load on the first interaction, or after a while, not during
  // start-up, where parsing them would block the main thread; then the world is rebuilt with them
  // (after any running animation). Offline on a first visit they simply stay off.
  let extensionsStarted = false;
  const loadExtensions = () => {
    if (extensionsStarted) return;
    extensionsStarted = true;
    void loadEngineExtensions().then(
      () => store.getState().applyExtensions(),
      () => undefined,
    );
  };
  for (const type of ['pointerdown', 'keydown'] as const) {
    window.addEventListener(type, loadExtensions, { once: true, passive: true });
  }
  setTimeout(loadExtensions, 10_000);
  if (link.autoplay) loadExtensions();

  // The remembered language, else the browser's; a Chinese catalog loads on demand.
  const locale = initialLocale(window.localStorage, navigator.languages ?? [navigator.language]);
  createRoot(container).render(
    <StrictMode>
      <LocaleProvider initial={locale}>
        <AppStoreContext.Provider value={store}>
          <WorkspaceContext.Provider value={autosave}>
            <App />
          </WorkspaceContext.Provider>
        </AppStoreContext.Provider>
      </LocaleProvider>
    </StrictMode>,
  );
}

// Offline use after the first visit (public/sw.js). Not in development: Vite serves modules live.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Private windows and some policies refuse service workers; the app still works online.
    });
  });
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
