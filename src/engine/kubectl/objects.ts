/**
 * Manifests and request bodies. Objects read from files are unstructured maps in kubectl, so
 * encoding/json writes their keys sorted; `goJson` reproduces that. Objects kubectl builds itself
 * (run, create deployment…) are Go structs and keep struct field order; those are written with
 * JSON.stringify from literals laid out in that order.
 */
import { parseAllDocuments } from 'yaml';
import { yamlToJs } from '../decoding/yaml-errors';
import { apiVersionOf, RESOURCES, type ResourceType } from '../resources';
import type { KubeObject } from '../types';
import { KubectlError } from './errors';

/** JSON with object keys sorted at every level, as Go's encoding/json writes map[string]interface{}. */
export function goJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * Parses YAML or JSON text (several `---` documents allowed) the way sigs.k8s.io/yaml does: YAML 1.1,
 * so `yes`/`on` are booleans, but timestamps and base-60 numbers stay strings as they do when go-yaml
 * decodes into interface{}. Empty documents are skipped.
 */
export function parseYamlDocuments(text: string, source: string): unknown[] {
  const docs = parseAllDocuments(text, {
    version: '1.1',
    customTags: (tags) =>
      tags.filter(
        (t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'),
      ),
  });
  const values: unknown[] = [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error !== undefined) {
      const line = error.linePos?.[0].line;
      throw new KubectlError(
        `error: error parsing ${source}: error converting YAML to JSON: yaml: ${line === undefined ? '' : `line ${line}: `}${error.message.split('\n')[0]}`,
      );
    }
    const converted = yamlToJs(doc);
    if (!converted.ok) {
      throw new KubectlError(
        `error: error parsing ${source}: error converting YAML to JSON: yaml: ${converted.error}`,
      );
    }
    const value = converted.value;
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

export interface ManifestObject {
  readonly object: KubeObject;
  readonly type: ResourceType;
  readonly source: string;
}

/** Reads every object of the `-f` files (a `kind: …List` is flattened into its items, as the builder's Flatten does). */
export function readManifests(
  filenames: readonly string[],
  files: Readonly<Record<string, string>>,
): ManifestObject[] {
  const objects: ManifestObject[] = [];
  for (const filename of filenames) {
    const text = files[filename];
    if (text === undefined) throw new KubectlError(`error: the path "${filename}" does not exist`);
    for (const value of parseYamlDocuments(text, filename)) {
      for (const object of flatten(value))
        objects.push({ object, type: typeOf(object, filename), source: filename });
    }
  }
  return objects;
}

function flatten(value: unknown): KubeObject[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [value as KubeObject];
  const object = value as KubeObject;
  if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items)) {
    return (object.items as unknown[]).flatMap(flatten);
  }
  return [object];
}

function typeOf(object: KubeObject, source: string): ResourceType {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    throw new KubectlError(
      `error: error validating "${source}": error validating data: invalid object to validate`,
    );
  }
  const { apiVersion, kind } = object;
  if (typeof kind !== 'string' || kind === '') {
    throw new KubectlError(`error: error validating "${source}": error validating data: kind not set`);
  }
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    throw new KubectlError(`error: error validating "${source}": error validating data: apiVersion not set`);
  }
  const type = RESOURCES.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
  if (type === undefined) {
    const slash = apiVersion.indexOf('/');
    const group = slash === -1 ? '' : apiVersion.slice(0, slash);
    const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
    throw new KubectlError(
      `error: resource mapping not found for name: "${object.metadata?.name ?? ''}" namespace: "${object.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${kind}" in version "${group === '' ? version : `${group}/${version}`}"\nensure CRDs are installed first`,
    );
  }
  return type;
}

/** The object's name; the builder refuses objects without one for commands that address them by name. */
export function nameOf(manifest: ManifestObject): string {
  const name = manifest.object.metadata?.name;
  return typeof name === 'string' ? name : '';
}

/**
 * The namespace a manifest's request goes to (cli-runtime visitor.go SetNamespace / RequireNamespace):
 * its own metadata.namespace, else the command's. With an explicit -n that differs, kubectl refuses.
 * For namespaced objects missing one, kubectl also writes it into the object.
 */
export function placeManifest(
  manifest: ManifestObject,
  namespace: string,
  explicitNamespace: boolean,
): KubeObject {
  if (!manifest.type.namespaced) return manifest.object;
  const own = manifest.object.metadata?.namespace;
  if (typeof own === 'string' && own !== '') {
    if (explicitNamespace && own !== namespace) {
      throw new KubectlError(
        `error: the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`,
      );
    }
    return manifest.object;
  }
  return { ...manifest.object, metadata: { ...manifest.object.metadata, namespace } };
}

/** metadata.namespace after placeManifest (or '' for cluster-scoped objects). */
export function namespaceOfObject(object: KubeObject): string {
  const ns = object.metadata?.namespace;
  return typeof ns === 'string' ? ns : '';
}
