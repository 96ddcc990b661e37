import { apiVersionOf, type ResourceType, storageKey } from '../../resources';
import { badRequest } from '../../responses/status';
import type { Etcd } from '../etcd';
import { parseFieldSelector, parseLabelSelector } from '../selectors';
import type { RegistryResult } from './result';

/**
 * store.List: a `<Kind>List` at the current revision. Items come in key order and, as in the
 * apiserver's JSON, without their own apiVersion/kind. An empty namespace lists every namespace.
 */
export function listObjects(
  type: ResourceType,
  namespace: string,
  etcd: Etcd,
  query: URLSearchParams,
): RegistryResult {
  const key = storageKey(type, namespace);
  const labelSelector = query.get('labelSelector') ?? '';
  const fieldSelector = query.get('fieldSelector') ?? '';
  const labels = parseLabelSelector(labelSelector);
  if (!labels.ok) return { ok: false, operation: 'list', status: badRequest(labels.error), key };
  const fields = parseFieldSelector(fieldSelector, type.group === '' && type.resource === 'pods');
  if (!fields.ok) {
    const gvr = `${type.group}/${type.version}, Resource=${type.resource}`;
    const message = `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${fields.error}`;
    return { ok: false, operation: 'list', status: badRequest(message), key };
  }
  // Select on the stored values and copy only what is returned.
  const items = etcd
    .scan(key)
    .filter((o) => labels.matches(o) && fields.matches(o))
    .map(({ apiVersion: _a, kind: _k, ...rest }) => JSON.parse(JSON.stringify(rest)) as typeof rest);
  const body = {
    kind: `${type.kind}List`,
    apiVersion: apiVersionOf(type),
    metadata: { resourceVersion: String(etcd.revision) },
    items,
  };
  return { ok: true, operation: 'list', code: 200, body, key, revision: etcd.revision, wrote: false };
}
