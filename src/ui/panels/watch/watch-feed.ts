/**
 * The Watch panel's feed, as `kubectl get <resource> -w --output-watch-events` prints it: an EVENT
 * column, then the resource's usual table, plus the event's resourceVersion. Pure: etcd events in,
 * aligned lines out.
 *
 * The apiserver's watch cache turns etcd changes into watch events
 * (staging/src/k8s.io/apiserver/pkg/storage/etcd3/watcher.go): a put of a new key is ADDED, a put
 * of an existing one MODIFIED, a delete DELETED carrying the last state. The resourceVersion is the
 * etcd revision of the write.
 */

import {
  alignColumns,
  type EtcdEvent,
  RESOURCES,
  type RequestInfo,
  type ResourceType,
  renderTable,
} from '../../../engine';

/** What to watch: a resource (plural) and a namespace (`''` = all namespaces). */
export interface WatchTarget {
  readonly resource: string;
  readonly namespace: string;
}

export type WatchEventType = EtcdEvent['type'];

export interface WatchFeedRow {
  readonly eventType: WatchEventType;
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  /** metadata.resourceVersion of the event's object: the etcd revision of the write. */
  readonly resourceVersion: string;
  readonly revision: number;
  /** The row as kubectl prints it, aligned with the header. */
  readonly line: string;
}

export interface WatchFeed {
  readonly header: string;
  readonly rows: readonly WatchFeedRow[];
}

/** How many events the panel keeps; older ones scroll away. */
export const MAX_FEED_EVENTS = 200;

/** Stored resources that serve `watch` (the access reviews are never stored, so never watched). */
export function watchableResources(resources: readonly ResourceType[] = RESOURCES): ResourceType[] {
  return resources.filter((r) => r.verbs.includes('watch') && r.storagePrefix.startsWith('/registry/'));
}

export function findWatchable(resource: string): ResourceType | undefined {
  return watchableResources().find((r) => r.resource === resource);
}

/** The etcd prefix a watch reads: `/registry/pods/default/`, or `/registry/pods/` for all namespaces. */
export function watchPrefix(target: WatchTarget): string {
  const type = findWatchable(target.resource);
  const base = type?.storagePrefix ?? `/registry/${target.resource}`;
  return type?.namespaced === true && target.namespace !== '' ? `${base}/${target.namespace}/` : `${base}/`;
}

/** The target a prefix stands for (the longest storage prefix wins), or undefined. */
export function targetForPrefix(prefix: string): WatchTarget | undefined {
  const type = watchableResources()
    .filter((r) => prefix.startsWith(`${r.storagePrefix}/`))
    .sort((a, b) => b.storagePrefix.length - a.storagePrefix.length)[0];
  if (type === undefined) return undefined;
  const rest = prefix.slice(type.storagePrefix.length + 1);
  const namespace = type.namespaced ? (rest.split('/')[0] ?? '') : '';
  return { resource: type.resource, namespace };
}

/** The namespaces that exist, from the `/registry/namespaces/<name>` keys, sorted. */
export function namespacesIn(keys: readonly string[]): string[] {
  const prefix = '/registry/namespaces/';
  return keys
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))
    .filter((name) => name !== '' && !name.includes('/'))
    .sort();
}

/** The kubectl command the panel stands for. */
export function watchCommand(target: WatchTarget): string {
  const type = findWatchable(target.resource);
  const scope = type?.namespaced === false ? '' : target.namespace === '' ? ' -A' : ` -n ${target.namespace}`;
  return `kubectl get ${target.resource}${scope} -w --output-watch-events`;
}

/**
 * Adds an event the subscription delivered: only under `prefix`, never twice (the replay from
 * sinceRevision and the live subscription can overlap), oldest first, at most `limit`.
 */
export function appendWatchEvent(
  events: readonly EtcdEvent[],
  event: EtcdEvent,
  prefix: string,
  limit = MAX_FEED_EVENTS,
): readonly EtcdEvent[] {
  if (!event.key.startsWith(prefix)) return events;
  if (events.some((e) => e.revision === event.revision && e.key === event.key)) return events;
  const next = [...events, event].sort((a, b) => a.revision - b.revision);
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** Events at or below `revision`: what the animation has reached (undefined shows them all). */
export function visibleEvents(events: readonly EtcdEvent[], revision?: number): readonly EtcdEvent[] {
  return revision === undefined ? events : events.filter((e) => e.revision <= revision);
}

function tableInfo(type: ResourceType | undefined, target: WatchTarget): RequestInfo {
  return {
    isResourceRequest: true,
    path: '',
    verb: 'watch',
    apiPrefix: type?.group === '' ? 'api' : 'apis',
    apiGroup: type?.group ?? '',
    apiVersion: type?.version ?? 'v1',
    namespace: target.namespace,
    resource: target.resource,
    subresource: '',
    name: '',
    parts: [],
  };
}

/** The feed: kubectl's table for the events' objects, with the EVENT column first and `rv=` last. */
export function buildWatchFeed(events: readonly EtcdEvent[], target: WatchTarget, now: Date): WatchFeed {
  const type = findWatchable(target.resource);
  const table = renderTable(
    events.map((e) => e.object),
    type,
    tableInfo(type, target),
    now,
  ).split('\n');
  const [tableHeader = '', ...tableRows] = table;
  const aligned = alignColumns([
    ['EVENT', tableHeader, ''],
    ...events.map((e, i) => [e.type, tableRows[i] ?? '', `rv=${resourceVersionOf(e)}`]),
  ]).split('\n');
  const [header = '', ...lines] = aligned;
  return {
    header: header.trimEnd(),
    rows: events.map((e, i) => ({
      eventType: e.type,
      key: e.key,
      name: e.object.metadata?.name ?? e.key.slice(e.key.lastIndexOf('/') + 1),
      namespace: e.object.metadata?.namespace ?? '',
      resourceVersion: resourceVersionOf(e),
      revision: e.revision,
      line: lines[i] ?? '',
    })),
  };
}

function resourceVersionOf(event: EtcdEvent): string {
  return event.object.metadata?.resourceVersion ?? String(event.revision);
}
