import { type LucideIcon, Pencil, Play, Plus, Radio, Square, Trash2 } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { EtcdEvent, EtcdListener } from '../../../engine';
import { useT } from '../../../i18n';
import {
  appendWatchEvent,
  buildWatchFeed,
  findWatchable,
  namespacesIn,
  targetForPrefix,
  visibleEvents,
  type WatchEventType,
  type WatchTarget,
  watchableResources,
  watchCommand,
  watchPrefix,
} from './watch-feed';

/** What the panel reads from etcd; the simulated Etcd satisfies it. */
export interface WatchableEtcd {
  readonly revision: number;
  keys(): string[];
  events(sinceRevision: number, prefix?: string): EtcdEvent[];
  subscribe(listener: EtcdListener): () => void;
}

interface WatchPanelProps {
  readonly etcd: WatchableEtcd;
  /** The etcd prefix to start on, e.g. `/registry/pods/default/`; the pickers change it. */
  readonly prefix: string;
  /** Events after this revision are replayed when the watch starts (a watch's resourceVersion). */
  readonly sinceRevision: number;
  /**
   * The revision the animation has reached: later events wait until the request token gets to
   * etcd. Undefined shows every event at once.
   */
  readonly visibleRevision?: number;
  /** Starts watching at once (default) or waits for the Start button. */
  readonly autoStart?: boolean;
  /** The clock for the AGE column. */
  readonly now?: () => Date;
}

const EVENT_STYLE: Readonly<Record<WatchEventType, { icon: LucideIcon; text: string; border: string }>> = {
  ADDED: { icon: Plus, text: 'text-passed', border: 'border-l-passed' },
  MODIFIED: { icon: Pencil, text: 'text-active', border: 'border-l-active' },
  DELETED: { icon: Trash2, text: 'text-failed', border: 'border-l-failed' },
};

const DEFAULT_TARGET: WatchTarget = { resource: 'pods', namespace: 'default' };

/**
 * `kubectl get <resource> -w`: the ADDED / MODIFIED / DELETED events etcd delivers under one
 * prefix, each with its resourceVersion, as later requests commit.
 */
export function WatchPanel({
  etcd,
  prefix,
  sinceRevision,
  visibleRevision,
  autoStart = true,
  now = () => new Date(),
}: WatchPanelProps) {
  const t = useT();
  const id = useId();
  const [target, setTarget] = useState<WatchTarget>(() => targetForPrefix(prefix) ?? DEFAULT_TARGET);
  const [isRunning, setRunning] = useState(autoStart);
  // The replay is read at once, so the first paint already shows it.
  const [events, setEvents] = useState<readonly EtcdEvent[]>(() =>
    autoStart ? etcd.events(sinceRevision, watchPrefix(target)) : [],
  );
  const feedRef = useRef<HTMLDivElement>(null);

  // A new starting prefix from the caller (a lesson, another world) resets the pickers.
  useEffect(() => {
    setTarget(targetForPrefix(prefix) ?? DEFAULT_TARGET);
  }, [prefix]);

  const activePrefix = watchPrefix(target);
  useEffect(() => {
    if (!isRunning) return undefined;
    setEvents(etcd.events(sinceRevision, activePrefix));
    return etcd.subscribe((event) => setEvents((prev) => appendWatchEvent(prev, event, activePrefix)));
  }, [etcd, sinceRevision, activePrefix, isRunning]);

  const shown = visibleEvents(events, visibleRevision);
  const feed = buildWatchFeed(shown, target, now());

  // Like a terminal, the newest line stays in view.
  const rowCount = feed.rows.length;
  useEffect(() => {
    const list = feedRef.current;
    if (list !== null && rowCount > 0) list.scrollTop = list.scrollHeight;
  }, [rowCount]);

  const type = findWatchable(target.resource);
  const isNamespaced = type?.namespaced ?? true;
  const namespaces = [...new Set([...namespacesIn(etcd.keys()), target.namespace])].filter((n) => n !== '');
  const pick = (next: WatchTarget) => {
    setTarget(next);
    setEvents([]);
  };

  return (
    <div
      className="flex min-h-0 flex-col gap-3"
      data-running={isRunning ? 'true' : 'false'}
      data-testid="watch-panel"
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-40 flex-1 flex-col gap-1.5">
          <label className="text-sm font-medium text-text" htmlFor={`${id}-resource`}>
            {t('watch.resource')}
          </label>
          <select
            className="h-10 rounded-lg border border-border-strong bg-panel px-2 font-mono text-sm text-text"
            data-testid="watch-resource"
            id={`${id}-resource`}
            onChange={(e) => {
              const next = findWatchable(e.target.value);
              pick({
                resource: e.target.value,
                namespace: next?.namespaced === false ? '' : target.namespace || 'default',
              });
            }}
            value={target.resource}
          >
            {watchableResources().map((r) => (
              <option key={r.resource} value={r.resource}>
                {r.group === '' ? r.resource : `${r.resource}.${r.group}`}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-40 flex-1 flex-col gap-1.5">
          <label className="text-sm font-medium text-text" htmlFor={`${id}-namespace`}>
            {t('watch.namespace')}
          </label>
          <select
            aria-describedby={isNamespaced ? undefined : `${id}-scope`}
            className="h-10 rounded-lg border border-border-strong bg-panel px-2 font-mono text-sm text-text disabled:text-muted"
            data-testid="watch-namespace"
            disabled={!isNamespaced}
            id={`${id}-namespace`}
            onChange={(e) => pick({ ...target, namespace: e.target.value })}
            value={isNamespaced ? target.namespace : ''}
          >
            <option value="">{t('watch.allNamespaces')}</option>
            {namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          {!isNamespaced && (
            <p className="text-xs text-muted" id={`${id}-scope`}>
              {t('watch.clusterScoped')}
            </p>
          )}
        </div>
        <button
          aria-pressed={isRunning}
          className="inline-flex h-10 items-center gap-1.5 rounded-lg border border-border bg-panel px-3 text-sm font-medium text-text hover:bg-subtle"
          data-testid="watch-toggle"
          onClick={() => setRunning(!isRunning)}
          type="button"
        >
          {isRunning ? (
            <Square aria-hidden="true" className="size-4 shrink-0" />
          ) : (
            <Play aria-hidden="true" className="size-4 shrink-0" />
          )}
          {isRunning ? t('watch.stop') : t('watch.start')}
        </button>
      </div>

      <p className="font-mono text-sm text-text" data-testid="watch-command">
        $ {watchCommand(target)}
      </p>
      <p
        className={`flex items-center gap-1.5 text-sm ${isRunning ? 'text-passed' : 'text-muted'}`}
        data-testid="watch-status"
      >
        {isRunning ? (
          <Radio aria-hidden="true" className="size-4 shrink-0 motion-safe:animate-pulse" />
        ) : (
          <Square aria-hidden="true" className="size-4 shrink-0" />
        )}
        {isRunning
          ? t('watch.status.watching', { prefix: activePrefix, revision: sinceRevision })
          : t('watch.status.stopped')}
      </p>

      <div className="flex min-h-0 flex-col overflow-hidden rounded-lg border border-border bg-panel font-mono text-[0.8125rem] leading-relaxed">
        <p aria-hidden="true" className="overflow-x-auto px-3 pt-3 whitespace-pre text-muted">
          {feed.header}
        </p>
        {/* The log role goes on a wrapper (a list may not take it); focusable so keys scroll it. */}
        <div
          aria-label={t('watch.feed')}
          className="min-h-24 overflow-auto px-3 pb-3"
          ref={feedRef}
          role="log"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (axe scrollable-region-focusable)
          tabIndex={0}
        >
          <ol data-testid="watch-events">
            {feed.rows.map((row) => {
              const style = EVENT_STYLE[row.eventType];
              const Icon = style.icon;
              return (
                <li
                  className={`flex items-center gap-2 border-l-2 pl-2 ${style.border}`}
                  data-etcd-key={row.key}
                  data-event-type={row.eventType}
                  data-resource-version={row.resourceVersion}
                  key={`${row.revision}-${row.key}`}
                >
                  <Icon
                    aria-label={t(`watch.event.${row.eventType}`)}
                    className={`size-4 shrink-0 ${style.text}`}
                  />
                  <span className="whitespace-pre text-text">{row.line}</span>
                </li>
              );
            })}
          </ol>
        </div>
        {feed.rows.length === 0 && <p className="px-3 pb-3 font-sans text-muted">{t('watch.empty')}</p>}
      </div>
      <p className="text-xs text-muted">{t('watch.count', { count: feed.rows.length })}</p>
    </div>
  );
}
