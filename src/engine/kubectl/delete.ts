/**
 * `kubectl delete` (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go): one DELETE per object with
 * a metav1.DeleteOptions body. The body goes through cli-runtime's unstructured codec, which writes
 * the struct as-is, without kind/apiVersion (`{"propagationPolicy":"Background"}`, as `kubectl -v=8`
 * shows); server-side dry run puts `dryRun: ["All"]` in that body (resource.Helper.DeleteWithOptions),
 * not in the query.
 */
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput } from './context';
import { KubectlError, NO_RESOURCES_MESSAGE } from './errors';
import {
  ALL_NAMESPACES_FLAG,
  DRY_RUN_FLAG,
  dryRunStrategy,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  type FlagSpec,
  KUSTOMIZE_FLAG,
  OUTPUT_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
} from './flags';
import { ACCEPT, CONTENT_TYPE } from './headers';
import { nameOf, placeManifest, readManifests } from './objects';
import { objectPath, parseResourceArgs, requireNames } from './resolve';

export const DELETE_FLAGS: readonly FlagSpec[] = [
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  FIELD_SELECTOR_FLAG,
  ALL_NAMESPACES_FLAG,
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'all', kind: 'bool' },
  { name: 'grace-period', kind: 'int', default: -1 },
  { name: 'force', kind: 'bool' },
  { name: 'now', kind: 'bool' },
  { name: 'cascade', kind: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'wait', kind: 'bool', default: true },
  { name: 'timeout', kind: 'string' },
  { name: 'ignore-not-found', kind: 'bool' },
  { name: 'interactive', short: 'i', kind: 'bool' },
  { name: 'raw', kind: 'string' },
];

/**
 * The requests of `kubectl delete`. Simplifications: with --all, -l or --field-selector kubectl lists
 * the objects and then sends one DELETE per item; only the list is emitted, as the items are known
 * only from its response. After deleting, kubectl (--wait=true) watches each object until it is
 * gone; that wait is not emitted either.
 */
export function deleteRequests(input: CommandInput): HttpRequest[] {
  const { flags } = input;
  const body = deleteOptionsBody(input);
  const dryRun = dryRunStrategy(flags);
  const deleteOne = (path: string): HttpRequest =>
    buildRequest(input, {
      method: 'DELETE',
      path,
      accept: ACCEPT.json,
      contentType: CONTENT_TYPE.json,
      body,
    });

  const filenames = flags.strings('filename');
  if (filenames.length > 0) {
    if (dryRun === 'client') return [];
    return readManifests(filenames, input.files).map((manifest) => {
      const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
      return deleteOne(objectPath(manifest.type, object.metadata?.namespace ?? '', nameOf(manifest)));
    });
  }
  if (input.args.length === 0) throw new KubectlError(NO_RESOURCES_MESSAGE);

  const all = flags.bool('all');
  const labelSelector = flags.string('selector');
  const fieldSelector = flags.string('field-selector');
  if (all && labelSelector !== '')
    throw new KubectlError('error: cannot set --all and --selector at the same time');
  if (all && fieldSelector !== '') {
    throw new KubectlError('error: cannot set --all and --field-selector at the same time');
  }
  const selections = parseResourceArgs(input.args);
  const bySelector = all || labelSelector !== '' || fieldSelector !== '';
  if (!bySelector) requireNames(selections);

  const requests: HttpRequest[] = [];
  for (const selection of selections) {
    if (selection.names.length === 0) {
      // cli-runtime helper.List with the selectors (no limit: delete does not chunk). The builder
      // lists even for --dry-run=client, to know what it would delete.
      const namespace = flags.bool('all-namespaces') ? '' : input.namespace;
      const query: Array<[string, string]> = [];
      if (labelSelector !== '') query.push(['labelSelector', labelSelector]);
      if (fieldSelector !== '') query.push(['fieldSelector', fieldSelector]);
      requests.push(
        buildRequest(input, {
          method: 'GET',
          path: objectPath(selection.type, namespace),
          query,
          accept: ACCEPT.json,
        }),
      );
    } else {
      // --dry-run=client prints what would be deleted without sending anything.
      if (dryRun === 'client') continue;
      for (const name of selection.names)
        requests.push(deleteOne(objectPath(selection.type, input.namespace, name)));
    }
  }
  return requests;
}

/** DeleteOptions as delete.go Complete/DeleteResult build it, in Go struct field order. */
export function deleteOptionsBody(input: CommandInput): string {
  const { flags } = input;
  let gracePeriod = flags.int('grace-period');
  const force = flags.bool('force');
  if (flags.bool('now')) {
    if (gracePeriod !== -1)
      throw new KubectlError('error: --now and --grace-period cannot be specified together');
    gracePeriod = 1;
  }
  // "To preserve backwards compatibility, but prevent accidental data loss, we convert
  // --grace-period=0 into --grace-period=1. Users may provide --force to bypass this conversion."
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  if (force && gracePeriod > 0) {
    throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together');
  }
  const options: Record<string, unknown> = {};
  if (gracePeriod >= 0) options.gracePeriodSeconds = gracePeriod;
  options.propagationPolicy = cascadingStrategy(flags.string('cascade'));
  if (dryRunStrategy(flags) === 'server') options.dryRun = ['All'];
  return JSON.stringify(options);
}

/** delete_flags.go GetCascadingStrategy. */
function cascadingStrategy(cascade: string): string {
  switch (cascade) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new KubectlError(
        `error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`,
      );
  }
}
