/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), after
 * staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go. Lists merge according to the
 * Go struct tags of k8s.io/api (`patchStrategy:"merge" patchMergeKey:"name"`); the simulator has no
 * schema, so PATCH_META below lists the common lists by field name and position. Lists it does not
 * know are replaced whole, which is also what the real code does for lists without a strategy
 * (tolerations, args, command, rules, subjects…).
 *
 * Directives handled: `$patch: replace|delete` (maps and list elements), `$setElementOrder/<list>`,
 * `$deleteFromPrimitiveList/<list>` and `$retainKeys`.
 */

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortDeep(a)) === JSON.stringify(sortDeep(b));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (isObject(value)) {
    const out: Obj = {};
    for (const key of Object.keys(value).sort()) out[key] = sortDeep(value[key]);
    return out;
  }
  return value;
}

/** How a list merges: by a key field, as a set of primitives, or (undefined) replaced whole. */
export type ListStrategy = { readonly mergeKey: string } | { readonly primitiveMerge: true } | undefined;

/**
 * The merge strategy of the list at `path` (field names from the object root, list indices left out).
 * From the patch tags in k8s.io/api/core/v1/types.go and k8s.io/apimachinery meta/v1/types.go.
 */
export function listStrategy(path: readonly string[]): ListStrategy {
  const field = path.at(-1) ?? '';
  const inContainer = path.some(
    (p) => p === 'containers' || p === 'initContainers' || p === 'ephemeralContainers',
  );
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'env':
    case 'imagePullSecrets':
    case 'resourceClaims':
      return { mergeKey: 'name' };
    case 'secrets':
      // ServiceAccount.secrets: patchMergeKey name.
      return path.length === 1 ? { mergeKey: 'name' } : undefined;
    case 'volumeMounts':
      return { mergeKey: 'mountPath' };
    case 'volumeDevices':
      return { mergeKey: 'devicePath' };
    case 'ports':
      // ContainerPort merges on containerPort; ServicePort on port.
      return inContainer ? { mergeKey: 'containerPort' } : { mergeKey: 'port' };
    case 'hostAliases':
      return { mergeKey: 'ip' };
    case 'topologySpreadConstraints':
      return { mergeKey: 'topologyKey' };
    case 'ownerReferences':
      return path.length === 2 && path[0] === 'metadata' ? { mergeKey: 'uid' } : undefined;
    case 'finalizers':
      return path.length === 2 && path[0] === 'metadata' ? { primitiveMerge: true } : undefined;
    case 'conditions':
      return path[0] === 'status' ? { mergeKey: 'type' } : undefined;
    default:
      return undefined;
  }
}

const SET_ORDER = '$setElementOrder/';
const DELETE_FROM_PRIMITIVE = '$deleteFromPrimitiveList/';

/** StrategicMergePatch: applies `patch` to `original`; neither is changed. */
export function applyStrategicMergePatch(original: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  return mergeMap(isObject(original) ? original : {}, patch, []);
}

function mergeMap(original: Obj, patch: Obj, path: readonly string[]): Obj {
  const directive = patch.$patch;
  if (directive === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return clone(rest);
  }
  let out: Obj = clone(original);
  const retainKeys = patch.$retainKeys;
  if (Array.isArray(retainKeys)) {
    const keep = new Set(retainKeys.map(String));
    out = Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k)));
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith(SET_ORDER)) continue;
    if (key.startsWith(DELETE_FROM_PRIMITIVE)) {
      const field = key.slice(DELETE_FROM_PRIMITIVE.length);
      const current = out[field];
      if (Array.isArray(current) && Array.isArray(value)) {
        out[field] = current.filter((item) => !value.some((v) => equal(v, item)));
      }
      continue;
    }
    if (value === null) {
      delete out[key];
      continue;
    }
    const childPath = [...path, key];
    const current = out[key];
    if (isObject(value)) {
      if (value.$patch === 'delete') delete out[key];
      else out[key] = mergeMap(isObject(current) ? current : {}, value, childPath);
    } else if (Array.isArray(value)) {
      out[key] = mergeList(Array.isArray(current) ? current : [], value, childPath);
    } else out[key] = clone(value);
  }
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(SET_ORDER) || !Array.isArray(order)) continue;
    const field = key.slice(SET_ORDER.length);
    const list = out[field];
    if (Array.isArray(list)) out[field] = reorder(list, order, listStrategy([...path, field]));
  }
  return out;
}

function mergeList(
  original: readonly unknown[],
  patch: readonly unknown[],
  path: readonly string[],
): unknown[] {
  const strategy = listStrategy(path);
  if (patch.some((item) => isObject(item) && item.$patch === 'replace')) {
    return clone(patch.filter((item) => !(isObject(item) && item.$patch === 'replace')));
  }
  if (strategy === undefined) return clone([...patch]);
  if ('primitiveMerge' in strategy) {
    const out = [...original];
    for (const item of patch) if (!out.some((o) => equal(o, item))) out.push(clone(item));
    return out;
  }
  const key = strategy.mergeKey;
  const out: unknown[] = clone([...original]);
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = out.findIndex((o) => isObject(o) && equal(o[key], item[key]));
    if (item.$patch === 'delete') {
      if (index !== -1) out.splice(index, 1);
      continue;
    }
    if (index === -1) {
      const { $patch: _p, ...rest } = item;
      out.push(clone(rest));
    } else out[index] = mergeMap(out[index] as Obj, item, path);
  }
  return out;
}

/** `$setElementOrder`: items named in `order` first, in that order; the rest keep theirs after. */
function reorder(list: readonly unknown[], order: readonly unknown[], strategy: ListStrategy): unknown[] {
  const keyOf = (item: unknown): unknown =>
    strategy !== undefined && 'mergeKey' in strategy && isObject(item) ? item[strategy.mergeKey] : item;
  const ordered: unknown[] = [];
  for (const entry of order) {
    const wanted = keyOf(entry);
    const found = list.find((item) => equal(keyOf(item), wanted));
    if (found !== undefined && !ordered.includes(found)) ordered.push(found);
  }
  return [...ordered, ...list.filter((item) => !ordered.includes(item))];
}

interface DiffOptions {
  readonly ignoreDeletions: boolean;
  readonly ignoreChangesAndAdditions: boolean;
  readonly setElementOrder: boolean;
}

/** strategicpatch diffMaps. */
function diffMaps(original: Obj, modified: Obj, path: readonly string[], options: DiffOptions): Obj {
  const patch: Obj = {};
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) patch[key] = null;
  }
  for (const [key, value] of Object.entries(modified)) {
    const childPath = [...path, key];
    if (!Object.hasOwn(original, key)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = clone(value);
      continue;
    }
    const old = original[key];
    if (isObject(old) && isObject(value)) {
      const sub = diffMaps(old, value, childPath, options);
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (Array.isArray(old) && Array.isArray(value) && listStrategy(childPath) !== undefined) {
      diffList(key, old, value, childPath, options, patch);
    } else if (!equal(old, value) && !options.ignoreChangesAndAdditions) {
      patch[key] = clone(value);
    }
  }
  return patch;
}

/** strategicpatch handleSliceDiff / diffLists for lists with a merge strategy. */
function diffList(
  key: string,
  original: readonly unknown[],
  modified: readonly unknown[],
  path: readonly string[],
  options: DiffOptions,
  patch: Obj,
): void {
  const strategy = listStrategy(path);
  if (strategy === undefined) return;
  if ('primitiveMerge' in strategy) {
    const added = options.ignoreChangesAndAdditions
      ? []
      : modified.filter((m) => !original.some((o) => equal(o, m)));
    const removed = options.ignoreDeletions ? [] : original.filter((o) => !modified.some((m) => equal(o, m)));
    if (added.length > 0) patch[key] = clone(added);
    if (removed.length > 0) patch[`${DELETE_FROM_PRIMITIVE}${key}`] = clone(removed);
    if (options.setElementOrder && (added.length > 0 || removed.length > 0))
      patch[`${SET_ORDER}${key}`] = clone([...modified]);
    return;
  }
  const mergeKey = strategy.mergeKey;
  const list: unknown[] = [];
  for (const item of modified) {
    if (!isObject(item)) continue;
    const old = original.find((o) => isObject(o) && equal(o[mergeKey], item[mergeKey]));
    if (old === undefined) {
      if (!options.ignoreChangesAndAdditions) list.push(clone(item));
      continue;
    }
    const sub = diffMaps(old as Obj, item, path, options);
    if (Object.keys(sub).length > 0) list.push({ ...sub, [mergeKey]: item[mergeKey] });
  }
  if (!options.ignoreDeletions) {
    for (const old of original) {
      if (!isObject(old) || modified.some((m) => isObject(m) && equal(m[mergeKey], old[mergeKey]))) continue;
      list.push({ $patch: 'delete', [mergeKey]: old[mergeKey] });
    }
  }
  if (list.length === 0) return;
  patch[key] = list;
  if (options.setElementOrder) {
    patch[`${SET_ORDER}${key}`] = modified.filter(isObject).map((item) => ({ [mergeKey]: item[mergeKey] }));
  }
}

/** strategicpatch.CreateTwoWayMergePatch: the patch that turns `original` into `modified` (kubectl edit). */
export function createTwoWayMergePatch(original: Obj, modified: Obj): Obj {
  return diffMaps(original, modified, [], {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: false,
    setElementOrder: true,
  });
}

/**
 * strategicpatch.CreateThreeWayMergePatch (kubectl apply): changes and additions come from
 * current → modified (fields the server or others set are left alone), deletions from
 * original (the last-applied configuration) → modified.
 */
export function createThreeWayMergePatch(original: Obj, modified: Obj, current: Obj): Obj {
  const delta = diffMaps(current, modified, [], {
    ignoreDeletions: true,
    ignoreChangesAndAdditions: false,
    setElementOrder: true,
  });
  const deletions = diffMaps(original, modified, [], {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: true,
    setElementOrder: false,
  });
  return mergePatches(deletions, delta);
}

/** mergeMap(deletionsMap, deltaMap) for two patches: nested maps and lists are combined. */
function mergePatches(a: Obj, b: Obj): Obj {
  const out: Obj = clone(a);
  for (const [key, value] of Object.entries(b)) {
    const current = out[key];
    if (isObject(current) && isObject(value)) out[key] = mergePatches(current, value);
    else if (Array.isArray(current) && Array.isArray(value)) out[key] = [...current, ...clone(value)];
    else out[key] = clone(value);
  }
  return out;
}
