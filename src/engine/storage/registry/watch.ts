import { type ResourceType, storageKey } from '../../resources';
import { badRequest } from '../../responses/status';
import type { KubeObject } from '../../types';
import type { Etcd } from '../etcd';
import { parseFieldSelector, parseLabelSelector } from '../selectors';
import type { RegistryResult } from './result';

/**
 * A watch (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/watch.go over the storage's watch).
 * `resourceVersion` unset or "0": an ADDED event for each object that exists now (the initial
 * state); `resourceVersion=N`: every change after revision N. Label and field selectors filter
 * the events. The body is the events so far, as an array; on the wire they are a stream of
 * `{"type":…,"object":…}` lines that stays open. Simplification: an object that stops matching a
 * selector is not sent as DELETED.
 */
export function watchObjects(
  type: ResourceType,
  namespace: string,
  etcd: Etcd,
  query: URLSearchParams,
): RegistryResult & { events?: number; since?: number } {
  const key = storageKey(type, namespace);
  const labelSelector = query.get('labelSelector') ?? '';
  const fieldSelector = query.get('fieldSelector') ?? '';
  const labels = parseLabelSelector(labelSelector);
  if (!labels.ok) return { ok: false, operation: 'watch', status: badRequest(labels.error), key };
  const fields = parseFieldSelector(fieldSelector, type.group === '' && type.resource === 'pods');
  if (!fields.ok) return { ok: false, operation: 'watch', status: badRequest(fields.error), key };
  const matches = (o: KubeObject) => labels.matches(o) && fields.matches(o);
  const rv = query.get('resourceVersion') ?? '';
  let events: { type: string; object: KubeObject }[];
  let since = 0;
  if (rv === '' || rv === '0') {
    events = etcd
      .list(key)
      .filter(matches)
      .map((object) => ({ type: 'ADDED', object }));
    since = etcd.revision;
  } else {
    since = Number(rv);
    if (!/^\d+$/.test(rv)) {
      // storage.ParseResourceVersion: `invalid resource version "x": …`, a 400 (watch.go).
      return {
        ok: false,
        operation: 'watch',
        status: badRequest(`invalid resource version ${JSON.stringify(rv)}`),
        key,
      };
    }
    events = etcd
      .events(since, key)
      .filter((e) => matches(e.object))
      .map((e) => ({ type: e.type, object: e.object }));
  }
  return {
    ok: true,
    operation: 'watch',
    code: 200,
    body: events,
    key,
    revision: etcd.revision,
    wrote: false,
    events: events.length,
    since,
  };
}
