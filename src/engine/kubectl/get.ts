/**
 * `kubectl get` (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go): one GET per named object, a list with
 * `limit=500` (--chunk-size) per type otherwise, and with -w a watch after the first response.
 */
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput } from './context';
import { KubectlError } from './errors';
import {
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  type FlagSpec,
  KUSTOMIZE_FLAG,
  PRINT_FLAGS,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
} from './flags';
import { ACCEPT } from './headers';
import { nameOf, placeManifest, readManifests } from './objects';
import { objectPath, parseResourceArgs, type ResourceSelection } from './resolve';

export const GET_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  SELECTOR_FLAG,
  FIELD_SELECTOR_FLAG,
  ALL_NAMESPACES_FLAG,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'watch-only', kind: 'bool' },
  { name: 'output-watch-events', kind: 'bool' },
  { name: 'chunk-size', kind: 'int', default: 500 },
  { name: 'show-labels', kind: 'bool' },
  { name: 'label-columns', short: 'L', kind: 'stringSlice' },
  { name: 'sort-by', kind: 'string' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'show-kind', kind: 'bool' },
  { name: 'ignore-not-found', kind: 'bool' },
  { name: 'raw', kind: 'string' },
  { name: 'subresource', kind: 'string' },
  { name: 'server-print', kind: 'bool', default: true },
];

/**
 * The requests of `kubectl get`. With -w the watch request carries `watch=true` but no
 * `resourceVersion`: after a list kubectl takes it from the list it just received, which only the
 * server knows, and after a single object it sends "0" (get.go watch); whoever replays the watch
 * fills it in.
 */
export function getRequests(input: CommandInput): HttpRequest[] {
  const { flags } = input;
  const raw = flags.string('raw');
  if (raw !== '') {
    // pkg/cmd/get/get.go → rawhttp.RawGet through the typed REST client.
    return [buildRequest(input, { method: 'GET', path: raw, accept: ACCEPT.typed })];
  }
  const output = flags.string('output');
  const humanReadable = (output === '' || output === 'wide') && flags.bool('server-print');
  const accept = humanReadable ? ACCEPT.table : ACCEPT.json;
  // transformRequests: sorting needs the full object inside each Table row.
  const tableParams: Array<[string, string]> =
    humanReadable && flags.string('sort-by') !== '' ? [['includeObject', 'Object']] : [];
  const allNamespaces = flags.bool('all-namespaces');
  const namespace = allNamespaces ? '' : input.namespace;
  const watch = flags.bool('watch') || flags.bool('watch-only');
  const subresource = flags.string('subresource') || undefined;

  const requests: HttpRequest[] = [];
  const filenames = flags.strings('filename');
  if (filenames.length > 0) {
    for (const manifest of readManifests(filenames, input.files)) {
      const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
      const path = objectPath(manifest.type, object.metadata?.namespace ?? '', nameOf(manifest), subresource);
      requests.push(buildRequest(input, { method: 'GET', path, query: tableParams, accept }));
    }
    return requests;
  }

  if (input.args.length === 0) {
    throw new KubectlError(
      'error: Required resource not specified.',
      [
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
        "See 'kubectl get -h' for help and examples",
      ].join('\n'),
    );
  }
  const selections = parseResourceArgs(input.args);
  if (watch && (selections.length > 1 || (selections[0]?.names.length ?? 0) > 1)) {
    throw new KubectlError(
      `error: watch is only supported on individual resources and resource collections, but ${countObjects(selections)} resources were found`,
    );
  }

  const selectors: Array<[string, string]> = [];
  if (flags.string('selector') !== '') selectors.push(['labelSelector', flags.string('selector')]);
  if (flags.string('field-selector') !== '')
    selectors.push(['fieldSelector', flags.string('field-selector')]);
  const chunkSize = flags.int('chunk-size');

  for (const selection of selections) {
    if (selection.names.length > 0) {
      for (const name of selection.names) {
        // A named get ignores -A and uses the namespace it was given.
        const path = objectPath(selection.type, input.namespace, name, subresource);
        requests.push(buildRequest(input, { method: 'GET', path, query: tableParams, accept }));
        if (watch) {
          // cli-runtime helper.WatchSingle: a watch on the collection pinned to the name.
          requests.push(
            buildRequest(input, {
              method: 'GET',
              path: objectPath(selection.type, input.namespace),
              query: [
                ['fieldSelector', `metadata.name=${name}`],
                ['watch', 'true'],
              ],
              accept,
            }),
          );
        }
      }
    } else {
      const path = objectPath(selection.type, namespace);
      const limit: Array<[string, string]> = chunkSize > 0 ? [['limit', String(chunkSize)]] : [];
      requests.push(
        buildRequest(input, { method: 'GET', path, query: [...selectors, ...limit, ...tableParams], accept }),
      );
      if (watch) {
        requests.push(
          buildRequest(input, { method: 'GET', path, query: [...selectors, ['watch', 'true']], accept }),
        );
      }
    }
  }
  return requests;
}

function countObjects(selections: readonly ResourceSelection[]): number {
  return selections.reduce((n, s) => n + Math.max(1, s.names.length), 0);
}
