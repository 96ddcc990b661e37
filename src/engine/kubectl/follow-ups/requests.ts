/** Reading and rewriting requests the static view already built. */
import { resolveRequestInfo } from '../../request-info';
import { type ResourceType, resourceForPath } from '../../resources';
import type { HttpRequest } from '../../types';

export function typeOfRequest(request: HttpRequest): ResourceType | undefined {
  const info = resolveRequestInfo(request);
  return resourceForPath(info.apiGroup, info.apiVersion, info.resource);
}

/** url.Values.Encode order (keys sorted, values in order) with Go's escaping. */
export function sortedQuery(params: URLSearchParams): string {
  const keys = [...new Set(params.keys())].sort();
  return keys
    .flatMap((k) =>
      params.getAll(k).map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%20/g, '+')}`),
    )
    .join('&');
}
