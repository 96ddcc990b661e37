/**
 * The discovery kubectl needs before its resource builder can map a type (cli-runtime
 * pkg/resource/builder.go mappingFor, mapper.go infoForData): the RESTMapper
 * (cli-runtime genericclioptions/config_flags.go toRESTMapper: a shortcut expander around a
 * DeferredDiscoveryRESTMapper) reads a disk cache (~/.kube/cache/discovery, TTL 6h) over an
 * in-memory one (client-go discovery/cached/disk/cached_discovery.go NewCachedDiscoveryClientForConfig
 * wraps memory.NewMemCacheClient). On a cold cache the first lookup sends aggregated discovery,
 * `GET /api` then `GET /apis` (discovery_client.go GroupsAndMaybeResources); every later lookup, in
 * this run and in later runs, is answered from the cache.
 *
 * A failed `GET /api` is not cached (memcache.go refreshLocked returns before cacheValid is set), so
 * every lookup of the run sends it again and logs `couldn't get current server API group list`.
 * How many lookups `TYPE [NAME…]` arguments make before the builder gives up (verified in the
 * sources above): one category expansion per comma-separated type (builder.go ReplaceAliases →
 * restmapper/category_expansion.go Expand → ServerGroupsAndResources), then mappingFor's calls,
 * each failing in DeferredDiscoveryRESTMapper.getDelegate: KindFor for a `res.version.group`
 * argument (ParseResourceArg), KindFor for the group/resource — each a shortcut expansion
 * (restmapper/shortcut.go getShortcutMappings) plus the mapper's own lookup — then two
 * RESTMapping calls. With `-f` each object is mapped once (infoForData).
 *
 * Simplified: which commands use the builder is listed in BUILDER_COMMANDS; `run`, `create
 * <generator>`, `auth can-i` and `logs`/`exec` are left as if their lookups were cached. kubectl's
 * OpenAPI download for client-side validation (sent before the mapping) is not simulated, so a
 * refused `-f` command prints what kubectl prints with `--validate=false`. With several objects,
 * each error gets its own line; how checkErr joins that aggregate was not checked.
 */
import type { HttpRequest, Trace } from '../types';
import type { CommandInput, DiscoveryCache } from './context';
import { aggregatedDiscovery } from './discovery';
import {
  type DiscoveryError,
  discoveryError,
  memcacheErrorLine,
  standardErrorMessage,
} from './discovery-errors';
import { KubectlError } from './errors';
import { parseYamlDocuments, readManifests } from './objects';
import type { ParsedKubectl } from './parse';

/** What the discovery step needs from a kubectl run: send, and print to stderr. */
export interface DiscoverySession {
  send(request: HttpRequest): Trace;
  error(text: string): void;
}

/** Commands that resolve their objects through cli-runtime's resource builder. */
const BUILDER_COMMANDS: ReadonlySet<string> = new Set([
  'get',
  'describe',
  'delete',
  'apply',
  'replace',
  'create',
  'edit',
  'patch',
  'label',
  'annotate',
  'scale',
]);

/**
 * Errors kubectl reaches only after a mapping, so discovery has been read first. The first two are
 * NoMatch errors: a mapper whose answers came from files of an earlier run is not Fresh, so it
 * invalidates the cache and reads discovery again before giving up (restmapper/discovery.go
 * DeferredDiscoveryRESTMapper KindFor/RESTMapping; disk/cached_discovery.go Fresh, Invalidate).
 */
const NO_MATCH = [
  "error: the server doesn't have a resource type",
  'error: resource mapping not found for name',
];
const AFTER_MAPPING = [...NO_MATCH, 'error: resource(s) were provided, but no name was specified'];

/**
 * Reads discovery if this command needs the RESTMapper and the cache is cold. Returns false when
 * discovery failed: the lines kubectl prints are out and the command must stop.
 */
export function loadDiscovery(
  parsed: ParsedKubectl,
  session: DiscoverySession,
  cache: DiscoveryCache,
): boolean {
  if (!BUILDER_COMMANDS.has(parsed.name)) return true;
  // --raw sends through a bare RESTClient before any builder or mapper (kubectl get.go, delete.go and
  // create.go check len(o.Raw) first and call rawhttp.Raw*), so it reads no discovery.
  if (parsed.input.flags.string('raw') !== '') return true;
  const error = usageError(parsed);
  if (error !== undefined && !AFTER_MAPPING.some((prefix) => error.startsWith(prefix))) return true;
  const isNoMatch = error !== undefined && NO_MATCH.some((prefix) => error.startsWith(prefix));
  if (cache.warm && !isNoMatch) return true;
  const failure = readDiscovery(parsed.input, session);
  if (failure === undefined) {
    cache.warm = true;
    return true;
  }
  const files = parsed.input.flags.strings('filename');
  const sources = files.length > 0 ? manifestSources(files, parsed.input.files) : [];
  const lookups = sources.length > 0 ? sources.length : lookupsForArgs(resourceArgs(parsed), cache.warm);
  session.error(memcacheErrorLine(failure));
  for (let i = 1; i < lookups; i++)
    session.error(memcacheErrorLine(readDiscovery(parsed.input, session) ?? failure));
  if (sources.length === 0) session.error(standardErrorMessage(failure));
  // infoForData: fmt.Errorf("unable to recognize %q: %v"), printed by checkErr with "error: ".
  for (const source of sources)
    session.error(`error: unable to recognize ${JSON.stringify(source)}: ${failure.message}`);
  return false;
}

/** GET /api (a 404 is tolerated, downloadLegacy), then GET /apis; the first failure, if any. */
function readDiscovery(input: CommandInput, session: DiscoverySession): DiscoveryError | undefined {
  const legacy = session.send(aggregatedDiscovery(input, '/api'));
  if (legacy.response.status >= 400 && legacy.response.status !== 404) return discoveryError(legacy.response);
  const apis = session.send(aggregatedDiscovery(input, '/apis'));
  return apis.response.status >= 400 ? discoveryError(apis.response) : undefined;
}

/** The message of the KubectlError the command ends with before sending anything, if any. */
function usageError(parsed: ParsedKubectl): string | undefined {
  try {
    parsed.requests();
    return undefined;
  } catch (error) {
    if (!(error instanceof KubectlError)) throw error;
    return error.message;
  }
}

/** label/annotate arguments without their `key=value` / `key-` pairs (cmdutil.GetResourcesAndPairs). */
function resourceArgs(parsed: ParsedKubectl): readonly string[] {
  const { args } = parsed.input;
  if (parsed.name !== 'label' && parsed.name !== 'annotate') return args;
  return args.filter((a) => !a.includes('=') && !a.endsWith('-'));
}

/** Discovery lookups of `TYPE[,TYPE…] [NAME…]` / `TYPE/NAME…` before the first mapping fails. */
function lookupsForArgs(args: readonly string[], refreshing: boolean): number {
  const first = args[0] ?? '';
  const types = first.split(',');
  // normalizeMultipleResourcesArgs turns `a,b name` into `a/name b/name`: no alias expansion then.
  const combined = args.some((a) => a.includes('/')) || (args.length >= 2 && types.length > 1);
  const expansions = combined ? 0 : types.length;
  const resource = combined ? ((types[0] ?? '').split('/')[0] ?? '') : (types[0] ?? '');
  const fullySpecified = (resource.match(/\./g) ?? []).length >= 2;
  // A NoMatch on a warm cache: the lookups before the Reset were answered from disk; after it,
  // the failed KindFor retry, (for `res.version.group`, the second KindFor's two) and two RESTMappings.
  if (refreshing) return fullySpecified ? 5 : 3;
  return expansions + (fullySpecified ? 2 : 0) + 2 + 2;
}

/** The source of every object the `-f` files hold, one mapping each. */
function manifestSources(files: readonly string[], contents: Readonly<Record<string, string>>): string[] {
  try {
    return readManifests(files, contents).map((m) => m.source);
  } catch {
    return files.flatMap((file) =>
      contents[file] === undefined ? [] : parseYamlDocuments(contents[file] as string, file).map(() => file),
    );
  }
}

export type { DiscoveryCache } from './context';
