/**
 * What kubectl makes of a failed discovery request, and the lines it prints for it.
 *
 * The discovery client reads `GET /api` with `Result.Raw()` (client-go discovery/discovery_client.go
 * downloadLegacy), which returns the rest client's *unstructured* error: transformResponse builds it
 * with newUnstructuredResponseError → apimachinery errors.NewGenericServerResponse
 * (staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go), which replaces the server's message
 * with a generic one per status code. That is why a refused credential reads "the server has asked
 * for the client to provide credentials" here but "Unauthorized" (the Status body's message) when
 * the resource request itself is refused.
 */
import { isStatus } from '../responses/status';
import type { HttpResponse } from '../types';

/** The StatusError NewGenericServerResponse builds (only what kubectl prints). */
export interface DiscoveryError {
  readonly reason: string;
  readonly message: string;
}

/**
 * errors.NewGenericServerResponse for a request without a resource (AbsPath("/api")): no
 * ` (get …)` suffix. The server's message only survives for 403 and 5xx, and only from a text
 * body (rest/request.go isTextResponse); the apiserver sends Status as JSON, so it is "unknown".
 */
export function discoveryError(response: HttpResponse): DiscoveryError {
  const body = response.body;
  const serverMessage = typeof body === 'string' && !isStatus(body) ? body.trim() : 'unknown';
  const code = response.status;
  switch (code) {
    case 400:
      return { reason: 'BadRequest', message: 'the server rejected our request for an unknown reason' };
    case 401:
      return {
        reason: 'Unauthorized',
        message: 'the server has asked for the client to provide credentials',
      };
    case 403:
      return { reason: 'Forbidden', message: serverMessage };
    case 404:
      return { reason: 'NotFound', message: 'the server could not find the requested resource' };
    case 405:
      return {
        reason: 'MethodNotAllowed',
        message: 'the server does not allow this method on the requested resource',
      };
    case 409:
      return { reason: 'Conflict', message: 'the server reported a conflict' };
    case 422:
      return { reason: 'Invalid', message: 'the server rejected our request due to an error in our request' };
    case 429:
      return {
        reason: 'TooManyRequests',
        message: 'the server has received too many requests and has asked us to try again later',
      };
    case 504:
      return {
        reason: 'Timeout',
        message:
          'the server was unable to return a response in the time allotted, but may still be processing the request',
      };
    default:
      if (code >= 500) {
        return {
          reason: 'InternalError',
          message: `an error on the server (${goQuote(serverMessage)}) has prevented the request from succeeding`,
        };
      }
      return {
        reason: 'Unknown',
        message: `the server responded with the status code ${code} but did not return more information`,
      };
  }
}

/**
 * The klog header kubectl writes before the message: `Lmmdd hh:mm:ss.uuuuuu threadid file:line]`.
 * Time and pid differ on every run, so the simulator prints this fixed placeholder instead of the
 * real values; `memcache.go:265` is the HandleError call in refreshLocked in client-go v1.31
 * (discovery/cached/memory/memcache.go).
 */
export const KLOG_MEMCACHE_PREFIX = 'E0101 00:00:00.000000   12345 memcache.go:265]';

/**
 * memcache.go refreshLocked: `utilruntime.HandleError(fmt.Errorf("couldn't get current server API
 * group list: %v", err))`. Since v1.31 (kubernetes#121970) HandleError logs structured, as
 * `"Unhandled Error" err="…"` (apimachinery util/runtime/runtime.go logError).
 */
export function memcacheErrorLine(error: DiscoveryError): string {
  return `${KLOG_MEMCACHE_PREFIX} "Unhandled Error" err=${goQuote(`couldn't get current server API group list: ${error.message}`)}`;
}

/** cmdutil.StandardErrorMessage (kubectl pkg/cmd/util/helpers.go) for the StatusError. */
export function standardErrorMessage(error: DiscoveryError): string {
  if (error.reason === 'Unauthorized') return `error: You must be logged in to the server (${error.message})`;
  return `Error from server (${error.reason}): ${error.message}`;
}

/** Go's %q for the ASCII text these messages hold (JSON string escaping coincides there). */
function goQuote(text: string): string {
  return JSON.stringify(text);
}
