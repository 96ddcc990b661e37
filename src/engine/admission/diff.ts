import type { JsonPatchOperation } from '../types';

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The RFC 6902 JSON Patch that turns `before` into `after`: add / remove / replace, objects
 * compared key by key, arrays index by index (extra items are added at the end or removed from
 * the end, last first, so every path is valid when the operations are applied in order).
 * This is the form a mutating webhook returns its changes in (admission/v1 AdmissionResponse.patch).
 */
export function diffJson(before: unknown, after: unknown, path = ''): JsonPatchOperation[] {
  if (sameJson(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const ops: JsonPatchOperation[] = [];
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) ops.push({ op: 'remove', path: `${path}/${escapePointer(key)}` });
    }
    for (const [key, value] of Object.entries(after)) {
      const child = `${path}/${escapePointer(key)}`;
      if (!Object.hasOwn(before, key)) ops.push({ op: 'add', path: child, value });
      else ops.push(...diffJson(before[key], value, child));
    }
    return ops;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const ops: JsonPatchOperation[] = [];
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) ops.push(...diffJson(before[i], after[i], `${path}/${i}`));
    for (let i = common; i < after.length; i++)
      ops.push({ op: 'add', path: `${path}/${i}`, value: after[i] });
    for (let i = before.length - 1; i >= common; i--) ops.push({ op: 'remove', path: `${path}/${i}` });
    return ops;
  }
  return [{ op: 'replace', path: path === '' ? '' : path, value: after }];
}
