/**
 * RFC 7386 JSON Merge Patch, as gopkg.in/evanphx/json-patch.v4 MergePatch applies it for
 * `application/merge-patch+json` (endpoints/handlers/patch.go jsonPatcher): objects merge key by
 * key, `null` deletes a key, anything else (lists included) replaces the old value whole.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns a new document; neither argument is changed. */
export function applyMergePatch(document: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObject(document) ? structuredClone(document) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

/** jsonpatch.CreateMergePatch: the merge patch that turns `original` into `modified`. */
export function createMergePatch(original: unknown, modified: unknown): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const before = isObject(original) ? original : {};
  const after = isObject(modified) ? modified : {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (isObject(value) && isObject(old)) {
      const sub = createMergePatch(old, value);
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (JSON.stringify(value) !== JSON.stringify(old)) patch[key] = structuredClone(value);
  }
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) patch[key] = null;
  return patch;
}
