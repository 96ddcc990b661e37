import { useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectActiveTraceIndex, selectTraces } from '../../store/selectors';

/** When one command sent several requests: which one the graph and panels show. */
export function TracePicker() {
  const t = useT();
  const store = useAppStoreApi();
  const traces = useAppStore(selectTraces);
  const active = useAppStore(selectActiveTraceIndex);
  if (traces.length < 2) return null;
  return (
    <fieldset className="flex gap-1">
      <legend className="sr-only">{t('graph.traceOf', { n: active + 1, count: traces.length })}</legend>
      {/* A send's requests are numbered by position; the list is replaced whole on each send. */}
      {traces
        .map((trace, position) => ({ trace, index: position }))
        .map(({ trace, index }) => (
          <button
            aria-pressed={index === active}
            className={`h-8 rounded-lg border px-2.5 font-mono text-xs ${index === active ? 'border-accent bg-accent-soft text-accent' : 'border-border bg-panel text-muted hover:bg-subtle'}`}
            data-trace-index={index}
            key={index}
            onClick={() => store.getState().selectTrace(index)}
            title={`${trace.request.method} ${trace.request.path}`}
            type="button"
          >
            {t('composer.http.nth', { n: index + 1 })}
          </button>
        ))}
    </fieldset>
  );
}
