/**
 * RFC 6902 JSON Patch, as gopkg.in/evanphx/json-patch.v4 (the library the apiserver's patch handler
 * uses, staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go jsonPatcher) applies it.
 * Errors carry that library's wording; the apiserver hides most of them behind a generic 422 (see
 * decoding/patch.ts), so the text mainly shows up in the trace.
 */

export type PatchResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string; readonly kind: 'decode' | 'apply' };

type Json = unknown;
type Container = Record<string, Json> | Json[];

interface Operation {
  readonly op?: unknown;
  readonly path?: unknown;
  readonly from?: unknown;
  readonly value?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901 pointer → unescaped tokens (`~1` is `/`, `~0` is `~`). */
function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** findObject: the container that holds the pointer's last token, or undefined. */
function findParent(doc: Json, pointer: string): { container: Container; key: string } | undefined {
  const parts = tokens(pointer);
  if (parts.length === 0) return undefined;
  let current: Json = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(current)) {
      const index = Number(part);
      if (!/^\d+$/.test(part) || index >= current.length) return undefined;
      current = current[index];
    } else if (isObject(current)) {
      if (!Object.hasOwn(current, part)) return undefined;
      current = current[part];
    } else return undefined;
  }
  if (!Array.isArray(current) && !isObject(current)) return undefined;
  return { container: current, key: parts.at(-1) as string };
}

function getAt(container: Container, key: string): { found: boolean; value?: Json } {
  if (Array.isArray(container)) {
    const index = Number(key);
    if (!/^\d+$/.test(key) || index >= container.length) return { found: false };
    return { found: true, value: container[index] };
  }
  return Object.hasOwn(container, key) ? { found: true, value: container[key] } : { found: false };
}

function deepEqual(a: Json, b: Json): boolean {
  return JSON.stringify(sortDeep(a)) === JSON.stringify(sortDeep(b));
}

function sortDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (isObject(value)) {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortDeep(value[key]);
    return out;
  }
  return value;
}

function add(doc: Json, path: string, value: Json): Json {
  if (path === '') return structuredClone(value);
  const found = findParent(doc, path);
  if (found === undefined)
    throw new PatchError(`add operation does not apply: doc is missing path: "${path}": missing value`);
  const { container, key } = found;
  if (Array.isArray(container)) {
    if (key === '-') {
      container.push(structuredClone(value));
      return doc;
    }
    const index = Number(key);
    if (!/^\d+$/.test(key) || index > container.length) {
      throw new PatchError(
        `error in add for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`,
      );
    }
    container.splice(index, 0, structuredClone(value));
    return doc;
  }
  container[key] = structuredClone(value);
  return doc;
}

function remove(doc: Json, path: string): Json {
  const found = findParent(doc, path);
  if (found === undefined)
    throw new PatchError(`remove operation does not apply: doc is missing path: "${path}": missing value`);
  const { container, key } = found;
  if (Array.isArray(container)) {
    const index = Number(key);
    if (!/^\d+$/.test(key) || index >= container.length) {
      throw new PatchError(
        `error in remove for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`,
      );
    }
    container.splice(index, 1);
    return doc;
  }
  if (!Object.hasOwn(container, key)) {
    throw new PatchError(
      `error in remove for path: '${path}': Unable to remove nonexistent key: ${key}: missing value`,
    );
  }
  delete container[key];
  return doc;
}

function replace(doc: Json, path: string, value: Json): Json {
  if (path === '') return structuredClone(value);
  const found = findParent(doc, path);
  if (found === undefined)
    throw new PatchError(`replace operation does not apply: doc is missing path: ${path}: missing value`);
  const { container, key } = found;
  if (!getAt(container, key).found) {
    throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
  }
  if (Array.isArray(container)) container[Number(key)] = structuredClone(value);
  else container[key] = structuredClone(value);
  return doc;
}

function read(doc: Json, path: string): { found: boolean; value?: Json } {
  if (path === '') return { found: true, value: doc };
  const found = findParent(doc, path);
  return found === undefined ? { found: false } : getAt(found.container, found.key);
}

/** An error of one operation; caught in applyJsonPatch and returned as data. */
class PatchError extends Error {}

/** jsonpatch.DecodePatch + Patch.Apply. `patchText` is the raw body. */
export function applyJsonPatch(document: unknown, patchText: string): PatchResult {
  let ops: unknown;
  try {
    ops = JSON.parse(patchText);
  } catch (error) {
    return { ok: false, kind: 'decode', error: error instanceof Error ? error.message : String(error) };
  }
  if (!Array.isArray(ops)) {
    return {
      ok: false,
      kind: 'decode',
      error: `json: cannot unmarshal ${isObject(ops) ? 'object' : typeof ops} into Go value of type jsonpatch.Patch`,
    };
  }
  let doc: Json = structuredClone(document);
  try {
    for (const raw of ops as Operation[]) doc = applyOne(doc, isObject(raw) ? raw : {});
  } catch (error) {
    if (error instanceof PatchError) return { ok: false, kind: 'apply', error: error.message };
    throw error;
  }
  return { ok: true, value: doc };
}

function applyOne(doc: Json, op: Operation): Json {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  const path = typeof op.path === 'string' ? op.path : '';
  switch (kind) {
    case 'add':
      return add(doc, path, op.value ?? null);
    case 'remove':
      return remove(doc, path);
    case 'replace':
      return replace(doc, path, op.value ?? null);
    case 'move':
    case 'copy': {
      const from = typeof op.from === 'string' ? op.from : '';
      const source = read(doc, from);
      if (!source.found) {
        throw new PatchError(
          `${kind} operation does not apply: doc is missing from path: ${from}: missing value`,
        );
      }
      const next = kind === 'move' ? remove(doc, from) : doc;
      return add(next, path, source.value);
    }
    case 'test': {
      const current = read(doc, path);
      const expected = op.value ?? null;
      const equal = current.found ? deepEqual(current.value, expected) : expected === null;
      if (!equal) throw new PatchError(`testing value ${path} failed: test failed`);
      return doc;
    }
    default:
      throw new PatchError(`Unexpected kind: ${kind}`);
  }
}
