import { useT } from './i18n';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { GraphCard } from './ui/graph/GraphCard';
import { Header } from './ui/Header';
import { Composer } from './ui/panels/Composer';
import { Inspector } from './ui/panels/Inspector';
import { ResponsePanel } from './ui/panels/ResponsePanel';
import { useDocumentPreferences } from './ui/useDocumentPreferences';
import { useShortcuts } from './ui/useShortcuts';

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
 * Composer on the left; the graph as the hero on the right with the inspector and response
 * beneath. On large screens everything fits the viewport (panels scroll inside); small screens stack.
 */
export function App() {
  useShortcuts();
  useDocumentPreferences();
  return (
    <div className="flex min-h-full flex-col lg:h-full">
      <Header />
      <main className="grid flex-1 gap-3 p-3 lg:min-h-0 lg:grid-cols-[20rem_minmax(0,1fr)] 2xl:grid-cols-[26rem_minmax(0,1fr)]">
        <div className="lg:min-h-0">
          <ErrorBoundary fallback={fallback}>
            <Composer />
          </ErrorBoundary>
        </div>
        <div className="flex min-w-0 flex-col gap-3 lg:min-h-0">
          <ErrorBoundary fallback={fallback}>
            <GraphCard />
          </ErrorBoundary>
          <div className="grid gap-3 md:grid-cols-2 lg:min-h-0 lg:flex-[2]">
            <ErrorBoundary fallback={fallback}>
              <Inspector />
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
