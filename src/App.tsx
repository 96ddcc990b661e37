import { lazy, Suspense } from 'react';
import { useT } from './i18n';
import { useAppStore } from './store/context';
import { selectGuideShown } from './store/slices/lesson-selectors';
import type { AppState } from './store/types';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { useEngineExtensions } from './ui/extensions/use-engine-extensions';
import { GraphCard } from './ui/graph/GraphCard';
import { Header } from './ui/Header';
import { Composer } from './ui/panels/Composer';
import { DetailsArea } from './ui/panels/details/DetailsArea';
import { ResponsePanel } from './ui/panels/ResponsePanel';
import { useDocumentPreferences } from './ui/useDocumentPreferences';
import { useShortcuts } from './ui/useShortcuts';
import { WorkspaceBanners } from './ui/workspace/WorkspaceBanners';

/** The editors (CodeMirror) and compare view load on demand: the entry chunk stays small. */
const WorldPanel = lazy(() => import('./ui/world/WorldPanel').then((m) => ({ default: m.WorldPanel })));
const CompareView = lazy(() =>
  import('./ui/workspace/CompareView').then((m) => ({ default: m.CompareView })),
);
/** Guided mode and the lesson index load when a lesson with steps is open, or the index asked for. */
const LessonPanel = lazy(() => import('./ui/lesson/LessonPanel').then((m) => ({ default: m.LessonPanel })));
const LessonIndex = lazy(() => import('./ui/lesson/LessonIndex').then((m) => ({ default: m.LessonIndex })));
const selectWorldOpen = (s: AppState) => s.worldOpen;
const selectCompareEnabled = (s: AppState) => s.compareEnabled;
const selectLessonIndexOpen = (s: AppState) => s.lessonIndexOpen;

function PanelLoading() {
  const t = useT();
  return <p className="p-4 text-sm text-muted">{t('world.loadingEditor')}</p>;
}

function PanelError({ error }: { readonly error: Error }) {
  const t = useT();
  return (
    <p className="rounded-lg border border-failed bg-failed-soft p-3 text-sm text-failed" role="alert">
      {t('response.error', { message: error.message })}
    </p>
  );
}

const fallback = (error: Error) => <PanelError error={error} />;

/**
 * Composer on the left; the graph as the hero on the right with the details tabs (inspector,
 * etcd, watch, resources, log, access) and the response beneath. On large screens everything fits the viewport (panels scroll inside); small screens stack.
 */
export function App() {
  useShortcuts();
  useDocumentPreferences();
  const worldOpen = useAppStore(selectWorldOpen);
  const compareEnabled = useAppStore(selectCompareEnabled);
  const guided = useAppStore(selectGuideShown);
  const lessonIndexOpen = useAppStore(selectLessonIndexOpen);
  // Tests and tools wait on this: the schemas and CEL load after the first paint.
  const extensions = useEngineExtensions().status;
  // With the World panel open the left column widens for the editors; the graph stays in view.
  // A lesson guide needs a little more room than the composer alone (prediction choices).
  const columns = worldOpen
    ? 'lg:grid-cols-[30rem_minmax(0,1fr)] xl:grid-cols-[36rem_minmax(0,1fr)] 2xl:grid-cols-[44rem_minmax(0,1fr)]'
    : guided
      ? 'lg:grid-cols-[24rem_minmax(0,1fr)] 2xl:grid-cols-[28rem_minmax(0,1fr)]'
      : 'lg:grid-cols-[20rem_minmax(0,1fr)] 2xl:grid-cols-[26rem_minmax(0,1fr)]';
  return (
    <div className="flex min-h-full flex-col lg:h-full" data-extensions={extensions} data-testid="app">
      <Header />
      <ErrorBoundary fallback={fallback}>
        <WorkspaceBanners />
      </ErrorBoundary>
      {lessonIndexOpen && (
        <ErrorBoundary fallback={fallback}>
          <Suspense fallback={null}>
            <LessonIndex />
          </Suspense>
        </ErrorBoundary>
      )}
      <main className={`grid flex-1 grid-cols-1 gap-3 p-3 lg:min-h-0 ${columns}`}>
        <div className="flex min-w-0 flex-col gap-3 lg:min-h-0">
          {guided && (
            <ErrorBoundary fallback={fallback}>
              <Suspense fallback={<PanelLoading />}>
                <LessonPanel />
              </Suspense>
            </ErrorBoundary>
          )}
          <div className="lg:min-h-0 lg:flex-1">
            <ErrorBoundary fallback={fallback}>
              {worldOpen ? (
                <Suspense fallback={<PanelLoading />}>
                  <WorldPanel />
                </Suspense>
              ) : (
                <Composer />
              )}
            </ErrorBoundary>
          </div>
        </div>
        <div className="flex min-w-0 flex-col gap-3 lg:min-h-0">
          <ErrorBoundary fallback={fallback}>
            <GraphCard />
          </ErrorBoundary>
          {compareEnabled && (
            <ErrorBoundary fallback={fallback}>
              <Suspense fallback={<PanelLoading />}>
                <CompareView />
              </Suspense>
            </ErrorBoundary>
          )}
          <div className="grid grid-cols-1 gap-3 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:min-h-0 lg:flex-[2]">
            <ErrorBoundary fallback={fallback}>
              <DetailsArea />
            </ErrorBoundary>
            <ErrorBoundary fallback={fallback}>
              <ResponsePanel />
            </ErrorBoundary>
          </div>
        </div>
      </main>
    </div>
  );
}
