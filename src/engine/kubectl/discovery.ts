/**
 * Commands answered from API discovery: `kubectl api-resources` (cmd/apiresources/apiresources.go),
 * `kubectl api-versions` (cmd/apiresources/apiversions.go) and `kubectl version`
 * (cmd/version/version.go). Both discovery commands invalidate kubectl's cache and re-read it; with
 * aggregated discovery (client-go discovery_client.go) that is one GET of /api and one of /apis, each
 * with the discovery client's default `timeout=32s`.
 */
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput } from './context';
import { type FlagSpec, OUTPUT_FLAG } from './flags';
import { ACCEPT } from './headers';

export const API_RESOURCES_FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  { name: 'namespaced', kind: 'bool', default: true },
  { name: 'api-group', kind: 'string' },
  { name: 'verbs', kind: 'stringSlice' },
  { name: 'categories', kind: 'stringSlice' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'sort-by', kind: 'string' },
  { name: 'cached', kind: 'bool' },
];

export const VERSION_FLAGS: readonly FlagSpec[] = [OUTPUT_FLAG, { name: 'client', kind: 'bool' }];

const TIMEOUT: ReadonlyArray<readonly [string, string]> = [['timeout', '32s']];

/** One aggregated discovery read of /api or /apis (discovery_client.go downloadLegacy, downloadAPIs). */
export function aggregatedDiscovery(input: CommandInput, path: '/api' | '/apis'): HttpRequest {
  return buildRequest(input, { method: 'GET', path, query: TIMEOUT, accept: ACCEPT.discovery });
}

/** GET /api then GET /apis (aggregated discovery). `api-resources --cached` reads the disk cache instead. */
export function discoveryRequests(input: CommandInput): HttpRequest[] {
  if (input.flags.has('cached') && input.flags.bool('cached')) return [];
  return [aggregatedDiscovery(input, '/api'), aggregatedDiscovery(input, '/apis')];
}

/** `kubectl version`: the server's /version (discovery client ServerVersion), unless --client. */
export function versionRequests(input: CommandInput): HttpRequest[] {
  if (input.flags.bool('client')) return [];
  return [buildRequest(input, { method: 'GET', path: '/version', query: TIMEOUT, accept: ACCEPT.typed })];
}
