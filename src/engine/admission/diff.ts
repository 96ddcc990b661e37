import type { JsonPatchOperation } from '../types';

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function escapePointer(token: string): string {
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What JSON.stringify leaves out of an object and writes as `null` in an array. */
function isUnserialisable(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function serialisedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => !isUnserialisable(value[key]));
}

/**
 * `JSON.stringify(a) === JSON.stringify(b)`, decided by walking both values instead of writing
 * them out: diffJson asks at every level, and re-serialising each subtree per level made it
 * quadratic in depth. Anything beyond plain JSON data (toJSON, NaN…) falls back to stringify.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    if (a === b) return true;
    if (typeof a === 'string' && typeof b === 'string') return false;
    return JSON.stringify(a) === JSON.stringify(b);
  }
  if (a === b) return true;
  if (hasToJson(a) || hasToJson(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!sameJson(isUnserialisable(a[i]) ? null : a[i], isUnserialisable(b[i]) ? null : b[i])) return false;
    }
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = serialisedKeys(left);
  const otherKeys = serialisedKeys(right);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    // JSON text lists keys in order, so the same keys in another order are different text.
    if (key !== otherKeys[i] || !sameJson(left[key], right[key])) return false;
  }
  return true;
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/**
 * The RFC 6902 JSON Patch that turns `before` into `after`: add / remove / replace, objects
 * compared key by key, arrays index by index (extra items are added at the end or removed from
 * the end, last first, so every path is valid when the operations are applied in order).
 * This is the form a mutating webhook returns its changes in (admission/v1 AdmissionResponse.patch).
 */
export function diffJson(before: unknown, after: unknown, path = ''): JsonPatchOperation[] {
  const ops = walkDiff(before, after, path);
  // The walk compares structure; a difference JSON text cannot show (a key holding undefined,
  // NaN against null) is no difference. Only checked where the walk found one, not at every level.
  return ops.length > 0 && sameJson(before, after) ? [] : ops;
}

function walkDiff(before: unknown, after: unknown, path: string): JsonPatchOperation[] {
  if (before === after) return [];
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
