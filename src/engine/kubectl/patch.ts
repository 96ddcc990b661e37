/**
 * Commands that modify existing objects in place: `kubectl patch`
 * (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go), `kubectl label` (cmd/label/label.go),
 * `kubectl annotate` (cmd/annotate/annotate.go) and `kubectl scale` (cmd/scale/scale.go with
 * staging/src/k8s.io/kubectl/pkg/scale/scale.go ScaleSimple).
 */

import type { ResourceType } from '../resources';
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput, writeOptions } from './context';
import { KubectlError } from './errors';
import {
  ALL_NAMESPACES_FLAG,
  DRY_RUN_FLAG,
  dryRunStrategy,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  type FlagSpec,
  fieldManagerFlag,
  KUSTOMIZE_FLAG,
  PRINT_FLAGS,
  RECORD_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
} from './flags';
import { ACCEPT, CONTENT_TYPE } from './headers';
import { goJson, nameOf, parseYamlDocuments, placeManifest, readManifests } from './objects';
import { objectPath, parseResourceArgs, requireNames } from './resolve';

export const PATCH_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  DRY_RUN_FLAG,
  RECORD_FLAG,
  fieldManagerFlag('kubectl-patch'),
  { name: 'patch', short: 'p', kind: 'string' },
  { name: 'patch-file', kind: 'string' },
  { name: 'type', kind: 'string', default: 'strategic' },
  { name: 'local', kind: 'bool' },
  { name: 'subresource', kind: 'string' },
];

const PATCH_CONTENT_TYPES: Readonly<Record<string, string>> = {
  json: CONTENT_TYPE.jsonPatch,
  merge: CONTENT_TYPE.mergePatch,
  strategic: CONTENT_TYPE.strategicMergePatch,
};

/** One target of a modifying command: a type and a name (or none for a selector/--all list). */
export interface Target {
  readonly type: ResourceType;
  readonly namespace: string;
  readonly name?: string;
}

/** The objects named by -f files or TYPE NAME arguments; `allowSelector` lets TYPE alone through (--all, -l). */
export function targets(input: CommandInput, args: readonly string[], allowSelector: boolean): Target[] {
  const filenames = input.flags.strings('filename');
  if (filenames.length > 0) {
    return readManifests(filenames, input.files).map((manifest) => {
      const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
      return { type: manifest.type, namespace: object.metadata?.namespace ?? '', name: nameOf(manifest) };
    });
  }
  const selections = parseResourceArgs(args);
  if (!allowSelector) requireNames(selections);
  const allNamespaces = input.flags.has('all-namespaces') && input.flags.bool('all-namespaces');
  return selections.flatMap((s) =>
    s.names.length === 0
      ? [{ type: s.type, namespace: allNamespaces ? '' : input.namespace }]
      : s.names.map((name) => ({ type: s.type, namespace: input.namespace, name })),
  );
}

/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`: per object a GET, then the PATCH.
 * patch.go's builder leaves requireObject at its default (true), so cli-runtime
 * pkg/resource/builder.go Do() adds RetrieveLazy, which GETs each named object (its subresource
 * with --subresource) before the visitor patches it. --local builds no server request;
 * --dry-run=client still GETs, then patches the copy it got.
 */
export function patchRequests(input: CommandInput): HttpRequest[] {
  const { flags } = input;
  const patch = flags.string('patch');
  const patchFile = flags.string('patch-file');
  if (patch !== '' && patchFile !== '')
    throw new KubectlError('error: cannot specify --patch and --patch-file together');
  if (patch === '' && patchFile === '') {
    throw new KubectlError(
      'error: must specify --patch or --patch-file containing the contents of the patch',
    );
  }
  const patchType = flags.string('type').toLowerCase();
  const contentType = PATCH_CONTENT_TYPES[patchType];
  if (contentType === undefined) {
    throw new KubectlError(
      `error: --type must be one of [json merge strategic], not "${flags.string('type')}"`,
    );
  }
  let text = patch;
  if (patchFile !== '') {
    const contents = input.files[patchFile];
    if (contents === undefined) {
      throw new KubectlError(
        `error: unable to read patch file: open ${patchFile}: no such file or directory`,
      );
    }
    text = contents;
  }
  const body = patchToJson(text, patch);
  const dryRun = dryRunStrategy(flags);
  if (flags.bool('local')) {
    if (input.args.length > 0) throw new KubectlError('error: cannot specify --local and server resources');
    return [];
  }
  const all = targets(input, input.args, false);
  const subresource = flags.string('subresource') || undefined;
  return all.flatMap((t) => {
    const path = objectPath(t.type, t.namespace, t.name, subresource);
    const get = buildRequest(input, { method: 'GET', path, accept: ACCEPT.json });
    if (dryRun === 'client') return [get];
    return [
      get,
      buildRequest(input, {
        method: 'PATCH',
        path,
        query: writeOptions(input, {
          fieldManager: flags.string('field-manager'),
          dryRunServer: dryRun === 'server',
        }),
        accept: ACCEPT.json,
        contentType,
        body,
      }),
    ];
  });
}

/**
 * apimachinery util/yaml.ToJSON: text that already looks like JSON is sent as written; YAML is
 * converted (sigs.k8s.io/yaml, keys sorted, compact).
 */
function patchToJson(text: string, shown: string): string {
  if (/^\s*[{[]/.test(text)) return text;
  try {
    const docs = parseYamlDocuments(text, 'patch');
    return goJson(docs[0] ?? null);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^error: /, '') : String(error);
    throw new KubectlError(`error: unable to parse "${shown}": ${message}`);
  }
}

const METADATA_MAP_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  FIELD_SELECTOR_FLAG,
  ALL_NAMESPACES_FLAG,
  DRY_RUN_FLAG,
  RECORD_FLAG,
  { name: 'overwrite', kind: 'bool' },
  { name: 'list', kind: 'bool' },
  { name: 'local', kind: 'bool' },
  { name: 'all', kind: 'bool' },
  { name: 'resource-version', kind: 'string' },
];

export const LABEL_FLAGS: readonly FlagSpec[] = [...METADATA_MAP_FLAGS, fieldManagerFlag('kubectl-label')];
export const ANNOTATE_FLAGS: readonly FlagSpec[] = [
  ...METADATA_MAP_FLAGS,
  fieldManagerFlag('kubectl-annotate'),
];

/**
 * `kubectl label` / `kubectl annotate`: the builder GETs each object (Latest), then a JSON merge
 * patch computed from the old and new object (jsonpatch.CreateMergePatch) carries only the changed
 * keys, removals as `null`. The patch assumes every given key changes; if a label already has the
 * value, real kubectl sends `{}`. With --all/-l only the list is emitted (the items come from its
 * response).
 */
export function metadataMapRequests(input: CommandInput, field: 'labels' | 'annotations'): HttpRequest[] {
  const { flags } = input;
  const what = field === 'labels' ? 'label' : 'annotation';
  // cmdutil.GetResourcesAndPairs: resources first, then key=value / key- pairs.
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of input.args) {
    if (arg.includes('=') || arg.endsWith('-')) pairs.push(arg);
    else if (pairs.length > 0) {
      throw new KubectlError(`error: all resources must be specified before ${what} changes: ${arg}`);
    } else resources.push(arg);
  }
  if (resources.length === 0 && flags.strings('filename').length === 0) {
    throw new KubectlError(
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  }
  const changes = parsePairs(pairs, what);
  if (Object.keys(changes).length === 0 && !flags.bool('list')) {
    throw new KubectlError(`error: at least one ${what} update is required`);
  }
  if (flags.bool('local')) return [];
  const all = flags.bool('all') || flags.string('selector') !== '' || flags.string('field-selector') !== '';
  const dryRun = dryRunStrategy(flags);
  const metadata: Record<string, unknown> = { [field]: changes };
  const resourceVersion = flags.string('resource-version');
  if (resourceVersion !== '') metadata.resourceVersion = resourceVersion;
  const body = goJson({ metadata });
  const requests: HttpRequest[] = [];
  for (const t of targets(input, resources, all)) {
    if (t.name === undefined) {
      requests.push(listRequest(input, t));
      continue;
    }
    const path = objectPath(t.type, t.namespace, t.name);
    requests.push(buildRequest(input, { method: 'GET', path, accept: ACCEPT.json }));
    if (dryRun === 'client' || flags.bool('list')) continue;
    requests.push(
      buildRequest(input, {
        method: 'PATCH',
        path,
        query: writeOptions(input, {
          fieldManager: flags.string('field-manager'),
          dryRunServer: dryRun === 'server',
        }),
        accept: ACCEPT.json,
        contentType: CONTENT_TYPE.mergePatch,
        body,
      }),
    );
  }
  return requests;
}

/** label.go parseLabels / annotate.go parseAnnotations: `k=v` sets, `k-` removes (null in the merge patch). */
export function parsePairs(pairs: readonly string[], what: string): Record<string, string | null> {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=')) {
      const parts = pair.split('=');
      if (what === 'label' && parts.length !== 2)
        throw new KubectlError(`error: invalid label spec: ${pair}`);
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq);
      if (key === '') throw new KubectlError(`error: invalid ${what} format: ${pair}`);
      set.set(key, pair.slice(eq + 1));
    } else if (pair.endsWith('-')) {
      remove.push(pair.slice(0, -1));
    } else {
      throw new KubectlError(`error: unknown ${what} spec: ${pair}`);
    }
  }
  for (const key of remove) {
    if (set.has(key))
      throw new KubectlError(
        `error: can not both modify and remove ${what === 'label' ? 'a label' : 'an annotation'} in the same command`,
      );
  }
  const out: Record<string, string | null> = {};
  for (const [key, value] of set) out[key] = value;
  for (const key of remove) out[key] = null;
  return out;
}

export function listRequest(input: CommandInput, t: Target): HttpRequest {
  const query: Array<[string, string]> = [];
  if (input.flags.string('selector') !== '') query.push(['labelSelector', input.flags.string('selector')]);
  if (input.flags.has('field-selector') && input.flags.string('field-selector') !== '') {
    query.push(['fieldSelector', input.flags.string('field-selector')]);
  }
  return buildRequest(input, {
    method: 'GET',
    path: objectPath(t.type, t.namespace),
    query,
    accept: ACCEPT.json,
  });
}

export const SCALE_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  DRY_RUN_FLAG,
  RECORD_FLAG,
  { name: 'replicas', kind: 'int', default: -1 },
  { name: 'current-replicas', kind: 'int', default: -1 },
  { name: 'resource-version', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'timeout', kind: 'string' },
];

/**
 * `kubectl scale TYPE NAME --replicas=N`: the builder GETs the object, then the scale client sends
 * a merge patch `{"spec":{"replicas":N}}` to the `scale` subresource. With --current-replicas or
 * --resource-version kubectl instead GETs the Scale and PUTs it back; only the GETs are emitted then.
 */
export function scaleRequests(input: CommandInput): HttpRequest[] {
  const { flags } = input;
  if (!flags.has('replicas')) throw new KubectlError('error: required flag(s) "replicas" not set');
  const replicas = flags.int('replicas');
  if (replicas < 0) {
    throw new KubectlError(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  }
  if (flags.int('current-replicas') < -1) {
    throw new KubectlError('error: The --current-replicas must specify an integer of -1 or greater');
  }
  const dryRun = dryRunStrategy(flags);
  const precondition = flags.int('current-replicas') !== -1 || flags.string('resource-version') !== '';
  const all = flags.bool('all') || flags.string('selector') !== '';
  const requests: HttpRequest[] = [];
  for (const t of targets(input, input.args, all)) {
    if (t.name === undefined) {
      requests.push(listRequest(input, t));
      continue;
    }
    requests.push(
      buildRequest(input, {
        method: 'GET',
        path: objectPath(t.type, t.namespace, t.name),
        accept: ACCEPT.json,
      }),
    );
    if (dryRun === 'client') continue;
    const scalePath = objectPath(t.type, t.namespace, t.name, 'scale');
    if (precondition) {
      requests.push(buildRequest(input, { method: 'GET', path: scalePath, accept: ACCEPT.typed }));
      continue;
    }
    requests.push(
      buildRequest(input, {
        method: 'PATCH',
        path: scalePath,
        query: dryRun === 'server' ? [['dryRun', 'All']] : [],
        accept: ACCEPT.typed,
        contentType: CONTENT_TYPE.mergePatch,
        body: `{"spec":{"replicas":${replicas}}}`,
      }),
    );
  }
  return requests;
}
