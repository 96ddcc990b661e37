import type { JsonPatchOperation } from '../types';

/**
 * RFC 6902 JSON Patch, as admission applies a webhook's or policy's patch
 * (evanphx/json-patch via webhook/mutating/dispatcher.go). Returns the patched copy or the error.
 */

export type AnyPatchOperation =
  | JsonPatchOperation
  | { readonly op: 'move' | 'copy'; readonly from: string; readonly path: string }
  | { readonly op: 'test'; readonly path: string; readonly value: unknown };

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`invalid JSON pointer ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function parentOf(doc: unknown, path: string): { parent: Container; key: string } {
  const t = tokens(path);
  const key = t.pop();
  if (key === undefined) throw new Error('cannot address the document root here');
  let node = doc;
  for (const k of t) {
    if (Array.isArray(node)) node = node[Number(k)];
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[k];
    else node = undefined;
    if (node === undefined) throw new Error(`doc is missing path: ${JSON.stringify(path)}`);
  }
  if (typeof node !== 'object' || node === null)
    throw new Error(`doc is missing path: ${JSON.stringify(path)}`);
  return { parent: node as Container, key };
}

function get(doc: unknown, path: string): unknown {
  let node = doc;
  for (const k of tokens(path)) {
    if (Array.isArray(node)) node = node[Number(k)];
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[k];
    else node = undefined;
    if (node === undefined) throw new Error(`doc is missing path: ${JSON.stringify(path)}`);
  }
  return node;
}

function add(doc: unknown, path: string, value: unknown): unknown {
  if (path === '') return value;
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length)
      throw new Error(`index out of bounds: ${key}`);
    parent.splice(index, 0, value);
  } else parent[key] = value;
  return doc;
}

function remove(doc: unknown, path: string): unknown {
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= parent.length)
      throw new Error(`index out of bounds: ${key}`);
    parent.splice(index, 1);
  } else {
    if (!Object.hasOwn(parent, key)) throw new Error(`doc is missing path: ${JSON.stringify(path)}`);
    delete parent[key];
  }
  return doc;
}

export function applyPatch(
  document: unknown,
  patch: readonly AnyPatchOperation[],
): { ok: true; value: unknown } | { ok: false; error: string } {
  let doc = JSON.parse(JSON.stringify(document ?? null)) as unknown;
  try {
    for (const op of patch) {
      const value = 'value' in op ? JSON.parse(JSON.stringify(op.value ?? null)) : undefined;
      switch (op.op) {
        case 'add':
          doc = add(doc, op.path, value);
          break;
        case 'remove':
          doc = remove(doc, op.path);
          break;
        case 'replace':
          doc = remove(doc, op.path);
          doc = add(doc, op.path, value);
          break;
        case 'move': {
          const moved = get(doc, op.from);
          doc = remove(doc, op.from);
          doc = add(doc, op.path, moved);
          break;
        }
        case 'copy':
          doc = add(doc, op.path, JSON.parse(JSON.stringify(get(doc, op.from))));
          break;
        case 'test':
          if (JSON.stringify(get(doc, op.path)) !== JSON.stringify(value))
            throw new Error(`testing value ${op.path} failed`);
          break;
        default:
          throw new Error(`Unexpected kind: ${String((op as { op: unknown }).op)}`);
      }
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, value: doc };
}
