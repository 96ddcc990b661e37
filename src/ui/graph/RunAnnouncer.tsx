import { HTTP_REASON, type Trace } from '../../engine';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/context';
import { decidingStage, nodeStateAt, pathOf } from '../../store/path';
import {
  selectActiveTrace,
  selectActiveTraceIndex,
  selectResponseRevealed,
  selectTraces,
} from '../../store/selectors';
import { nodeTitleKey } from '../components/node-icons';

/** A fresh key per trace object: the same words for a new request are still a new announcement. */
const traceKeys = new WeakMap<Trace, number>();
let nextKey = 0;
function keyOf(trace: Trace): number {
  let key = traceKeys.get(trace);
  if (key === undefined) {
    key = nextKey++;
    traceKeys.set(trace, key);
  }
  return key;
}

const selectTraceCount = (s: Parameters<typeof selectTraces>[0]) => selectTraces(s).length;

/**
 * A polite live region that says how a request ended once its token is back at the client —
 * "Authorization: failed — 403 Forbidden" — so a screen reader hears what the graph shows. It
 * reads the Trace (the deciding stage and its outcome) and never re-decides anything. Empty
 * while a request plays, so nothing is announced ahead of the animation.
 */
export function RunAnnouncer() {
  const t = useT();
  const trace = useAppStore(selectActiveTrace);
  const revealed = useAppStore(selectResponseRevealed);
  const index = useAppStore(selectActiveTraceIndex);
  const count = useAppStore(selectTraceCount);

  let message: string | undefined;
  if (trace !== undefined && revealed) {
    const stage = decidingStage(trace);
    const outcome = nodeStateAt(trace, pathOf(trace).length, stage);
    const status = trace.response.status;
    const result = t('announce.result', {
      stage: t(nodeTitleKey(stage)),
      outcome: t(`outcome.${outcome}`),
      status: `${status} ${HTTP_REASON[status] ?? t('response.unknownReason')}`,
    });
    message =
      count > 1
        ? t('announce.resultOf', { request: t('graph.traceOf', { n: index + 1, count }), result })
        : result;
  }

  return (
    <div aria-atomic="true" aria-live="polite" className="sr-only" data-testid="run-announcer">
      {message !== undefined && trace !== undefined && <span key={keyOf(trace)}>{message}</span>}
    </div>
  );
}
