/**
 * `kubectl apply` (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go) and `kubectl replace`
 * (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go).
 */
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput, writeOptions } from './context';
import { KubectlError } from './errors';
import {
  DRY_RUN_FLAG,
  dryRunStrategy,
  FILENAME_FLAG,
  type FlagSpec,
  KUSTOMIZE_FLAG,
  PRINT_FLAGS,
  RECORD_FLAG,
  RECURSIVE_FLAG,
  SAVE_CONFIG_FLAG,
  SELECTOR_FLAG,
  VALIDATE_FLAG,
} from './flags';
import { ACCEPT, CONTENT_TYPE } from './headers';
import { goJson, type ManifestObject, nameOf, placeManifest, readManifests } from './objects';
import { objectPath } from './resolve';

export const APPLY_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  DRY_RUN_FLAG,
  VALIDATE_FLAG,
  RECORD_FLAG,
  { name: 'server-side', kind: 'bool' },
  { name: 'force-conflicts', kind: 'bool' },
  // The default depends on --server-side (apply.go GetApplyFieldManagerFlag).
  { name: 'field-manager', kind: 'string' },
  { name: 'overwrite', kind: 'bool', default: true },
  { name: 'prune', kind: 'bool' },
  { name: 'all', kind: 'bool' },
  { name: 'force', kind: 'bool' },
  { name: 'grace-period', kind: 'int', default: -1 },
  { name: 'timeout', kind: 'string' },
  { name: 'wait', kind: 'bool' },
  { name: 'cascade', kind: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'openapi-patch', kind: 'bool', default: true },
  { name: 'prune-allowlist', kind: 'stringArray' },
];

export const REPLACE_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  DRY_RUN_FLAG,
  VALIDATE_FLAG,
  SAVE_CONFIG_FLAG,
  RECORD_FLAG,
  { name: 'field-manager', kind: 'string', default: 'kubectl-replace' },
  { name: 'force', kind: 'bool' },
  { name: 'grace-period', kind: 'int', default: -1 },
  { name: 'cascade', kind: 'string', default: 'background', noOptDefault: 'background' },
  { name: 'timeout', kind: 'string' },
  { name: 'wait', kind: 'bool' },
  { name: 'raw', kind: 'string' },
  { name: 'subresource', kind: 'string' },
];

export function manifestsFor(input: CommandInput): ManifestObject[] {
  const filenames = input.flags.strings('filename');
  if (filenames.length === 0 && input.flags.string('kustomize') === '') {
    throw new KubectlError('error: must specify one of -f and -k');
  }
  if (input.flags.string('kustomize') !== '')
    throw new KubectlError('error: kustomize (-k) is not simulated');
  const manifests = readManifests(filenames, input.files);
  if (manifests.length === 0) throw new KubectlError('error: no objects passed to apply');
  for (const manifest of manifests) {
    if (nameOf(manifest) === '') {
      throw new KubectlError(
        `error: error when retrieving current configuration of:\nResource: "${manifest.type.resource}", GroupVersionKind: "${manifest.type.kind}"\nfrom server for: "${manifest.source}": resource name may not be empty`,
      );
    }
  }
  return manifests;
}

/**
 * `kubectl apply -f`. Client-side (the default) sends a GET per object; what follows depends on the
 * answer — a POST with fieldManager `kubectl-client-side-apply` on 404, else a strategic-merge PATCH
 * computed from the last-applied annotation — so only the GET is emitted. `--server-side` sends one
 * apply PATCH per object (fieldManager `kubectl`, `force=false` unless --force-conflicts).
 */
export function applyRequests(input: CommandInput): HttpRequest[] {
  const { flags } = input;
  const serverSide = flags.bool('server-side');
  if (flags.bool('force-conflicts') && !serverSide) {
    throw new KubectlError('error: --force-conflicts only works with --server-side');
  }
  const manifests = manifestsFor(input);
  const dryRun = dryRunStrategy(flags);
  if (serverSide && dryRun === 'client') {
    throw new KubectlError(
      "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
    );
  }
  // Client-side apply GETs the live object even with --dry-run=client: it needs it to compute the
  // patch it would send (apply.go applyOneObject calls info.Get() before checking the strategy).
  return manifests.map((manifest) => {
    const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
    const path = objectPath(manifest.type, object.metadata?.namespace ?? '', nameOf(manifest));
    if (!serverSide) return buildRequest(input, { method: 'GET', path, accept: ACCEPT.json });
    const query = writeOptions(input, {
      fieldManager: flags.string('field-manager') || 'kubectl',
      fieldValidation: true,
      dryRunServer: dryRun === 'server',
    });
    query.push(['force', String(flags.bool('force-conflicts'))]);
    return buildRequest(input, {
      method: 'PATCH',
      path,
      query,
      accept: ACCEPT.json,
      contentType: CONTENT_TYPE.applyPatch,
      // runtime.Encode(unstructured.UnstructuredJSONScheme, obj): JSON, which is valid YAML.
      body: goJson(object),
    });
  });
}

/**
 * `kubectl replace -f`: cli-runtime Helper.Replace GETs the live object to copy its
 * resourceVersion when the file has none, then PUTs. The PUT body here lacks that resourceVersion,
 * which only the GET's response carries. `--force` deletes and re-creates instead (not modelled).
 */
export function replaceRequests(input: CommandInput): HttpRequest[] {
  const { flags } = input;
  if (flags.bool('force')) throw new KubectlError('error: replace --force is not simulated');
  const manifests = manifestsFor(input);
  const dryRun = dryRunStrategy(flags);
  if (dryRun === 'client') return [];
  const requests: HttpRequest[] = [];
  for (const manifest of manifests) {
    const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
    const path = objectPath(manifest.type, object.metadata?.namespace ?? '', nameOf(manifest));
    if (typeof object.metadata?.resourceVersion !== 'string' || object.metadata.resourceVersion === '') {
      requests.push(buildRequest(input, { method: 'GET', path, accept: ACCEPT.json }));
    }
    requests.push(
      buildRequest(input, {
        method: 'PUT',
        path,
        query: writeOptions(input, {
          fieldManager: flags.string('field-manager'),
          fieldValidation: true,
          dryRunServer: dryRun === 'server',
        }),
        accept: ACCEPT.json,
        contentType: CONTENT_TYPE.json,
        body: goJson(object),
      }),
    );
  }
  return requests;
}
