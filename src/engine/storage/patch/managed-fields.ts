/**
 * metadata.managedFields, simplified from staging/src/k8s.io/apimachinery/pkg/util/managedfields
 * and sigs.k8s.io/structured-merge-diff. Each entry says which manager last set which fields, in
 * the FieldsV1 format (`f:<field>`, `k:{"name":"x"}` for list items merged by key, `v:<value>` for
 * set items, `.` for "this node itself").
 *
 * Simplifications (stated so the UI can say them): the simulator has no OpenAPI schema, so field
 * sets are derived from the JSON shape and the patch-merge keys in strategic-merge.ts; a map gets
 * `.` only when it is a string map (labels, annotations, data…) or a keyed list item, as real
 * entries show; `status` is never owned through the main resource; ownership moves to a manager
 * for every leaf it changes (Update) or sends (Apply).
 */
import type { KubeObject } from '../../types';
import { listStrategy } from './strategic-merge';

type Obj = Record<string, unknown>;
/** A FieldsV1 set: nested `f:`/`k:`/`v:` keys, `{}` for a leaf. */
export type FieldSet = Obj;

export interface ManagedFieldsEntry {
  readonly manager: string;
  readonly operation: 'Apply' | 'Update';
  readonly apiVersion: string;
  readonly time: string;
  readonly fieldsType: 'FieldsV1';
  readonly fieldsV1: FieldSet;
  readonly subresource?: string;
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields the field manager never tracks (managedfields internal/stripmeta.go). */
const STRIPPED_META = [
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
];

/** Maps whose keys are data, not schema fields (map[string]string in k8s.io/api). */
const STRING_MAPS = new Set([
  'labels',
  'annotations',
  'data',
  'stringData',
  'binaryData',
  'nodeSelector',
  'matchLabels',
  'selector',
]);

/** The FieldsV1 set of every field present in `object`. */
export function fieldSetOf(object: KubeObject): FieldSet {
  const { apiVersion: _a, kind: _k, status: _s, metadata, ...rest } = object;
  const out = mapSet(rest, []);
  if (isObject(metadata)) {
    const meta = Object.fromEntries(Object.entries(metadata).filter(([k]) => !STRIPPED_META.includes(k)));
    const metaSet = mapSet(meta, ['metadata']);
    if (Object.keys(metaSet).length > 0) out['f:metadata'] = metaSet;
  }
  return sortSet(out);
}

function mapSet(map: Obj, path: readonly string[]): FieldSet {
  const out: FieldSet = {};
  for (const [key, value] of Object.entries(map)) out[`f:${key}`] = valueSet(value, [...path, key]);
  return out;
}

function valueSet(value: unknown, path: readonly string[]): FieldSet {
  if (isObject(value)) {
    if (Object.keys(value).length === 0) return {};
    const children = mapSet(value, path);
    return STRING_MAPS.has(path.at(-1) ?? '') ? { '.': {}, ...children } : children;
  }
  if (Array.isArray(value)) {
    const strategy = listStrategy(path);
    if (strategy === undefined) return {};
    const out: FieldSet = {};
    for (const item of value) {
      if ('primitiveMerge' in strategy) out[`v:${JSON.stringify(item)}`] = {};
      else if (isObject(item)) {
        out[`k:${JSON.stringify({ [strategy.mergeKey]: item[strategy.mergeKey] })}`] = {
          '.': {},
          ...mapSet(item, path),
        };
      }
    }
    return out;
  }
  return {};
}

function sortSet(set: FieldSet): FieldSet {
  const out: FieldSet = {};
  for (const key of Object.keys(set).sort()) out[key] = sortSet(set[key] as FieldSet);
  return out;
}

/** Leaf paths of a set (`f:spec/f:replicas`), for set arithmetic. */
function leaves(set: FieldSet, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries(set)) {
    const path = prefix === '' ? key : `${prefix}\u0000${key}`;
    if (Object.keys(child as FieldSet).length === 0) out.push(path);
    else out.push(...leaves(child as FieldSet, path));
  }
  return out;
}

function fromLeaves(paths: readonly string[]): FieldSet {
  const out: FieldSet = {};
  for (const path of paths) {
    let node = out;
    for (const part of path.split('\u0000')) {
      node[part] ??= {};
      node = node[part] as FieldSet;
    }
  }
  return sortSet(out);
}

/** The leaves of `next` whose value differs from `previous` (what an Update takes ownership of). */
export function changedFieldSet(previous: KubeObject | undefined, next: KubeObject): FieldSet {
  // On create every leaf is new, and rebuilding a set from all its leaves gives the set itself.
  if (previous === undefined) return fieldSetOf(next);
  const before = new Set(previous === undefined ? [] : leaves(fieldSetOf(previous)));
  const after = leaves(fieldSetOf(next));
  const changed = after.filter(
    (leaf) => !before.has(leaf) || valueAt(previous, leaf) !== valueAt(next, leaf),
  );
  return fromLeaves(changed);
}

/** The JSON of the value a leaf path points at, for comparison. */
function valueAt(object: KubeObject | undefined, leaf: string): string {
  let current: unknown = object;
  for (const part of leaf.split('\u0000')) {
    if (part === '.') break;
    if (part.startsWith('f:') && isObject(current)) current = current[part.slice(2)];
    else if (part.startsWith('k:') && Array.isArray(current)) {
      const key = JSON.parse(part.slice(2)) as Obj;
      current = current.find(
        (item) => isObject(item) && Object.entries(key).every(([k, v]) => item[k] === v),
      );
    } else if (part.startsWith('v:')) return part;
    else return '';
  }
  return JSON.stringify(current);
}

/** `.spec.replicas`, `.spec.containers[name="nginx"].image`: fieldpath.Path.String(). */
export function leafToPath(leaf: string): string {
  return leaf
    .split('\u0000')
    .filter((p) => p !== '.')
    .map((p) => {
      if (p.startsWith('f:')) return `.${p.slice(2)}`;
      if (p.startsWith('k:')) {
        const key = JSON.parse(p.slice(2)) as Obj;
        return `[${Object.entries(key)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(',')}]`;
      }
      return `[=${p.slice(2)}]`;
    })
    .join('');
}

export interface ManagerUpdate {
  readonly manager: string;
  readonly operation: 'Apply' | 'Update';
  readonly apiVersion: string;
  readonly time: string;
  /** The fields this write owns: what an Update changed, or all an Apply sent. */
  readonly owned: FieldSet;
  readonly subresource?: string;
}

/**
 * The entries after one write: the writer's entry gains `owned` (Apply replaces its set), every
 * other entry loses those fields, and entries left empty are dropped.
 */
export function updateManagedFields(
  entries: readonly ManagedFieldsEntry[],
  update: ManagerUpdate,
): ManagedFieldsEntry[] {
  const taken = new Set(leaves(update.owned));
  const out: ManagedFieldsEntry[] = [];
  let mine: ManagedFieldsEntry | undefined;
  for (const entry of entries) {
    if (
      entry.manager === update.manager &&
      entry.operation === update.operation &&
      entry.subresource === update.subresource
    ) {
      mine = entry;
      continue;
    }
    const rest = leaves(entry.fieldsV1).filter((leaf) => !taken.has(leaf));
    if (rest.length > 0) out.push({ ...entry, fieldsV1: fromLeaves(rest) });
  }
  const previous = mine === undefined || update.operation === 'Apply' ? [] : leaves(mine.fieldsV1);
  // With nothing owned before, the set is just what this write owns (a set rebuilt from all its
  // leaves is the set itself, sorted).
  const set =
    previous.length === 0 ? sortSet(update.owned) : fromLeaves([...new Set([...previous, ...taken])]);
  if (Object.keys(set).length > 0 || update.operation === 'Apply') {
    out.push({
      manager: update.manager,
      operation: update.operation,
      apiVersion: update.apiVersion,
      time: update.time,
      fieldsType: 'FieldsV1',
      fieldsV1: set,
      ...(update.subresource === undefined ? {} : { subresource: update.subresource }),
    });
  }
  return out;
}

/** A field another manager owns whose value an apply would change (merge.Conflict). */
export interface ApplyConflict {
  readonly manager: string;
  /** Set when the manager wrote through a subresource (`scale`, `status`). */
  readonly subresource?: string;
  readonly operation: 'Apply' | 'Update';
  readonly apiVersion: string;
  /** fieldpath.Path.String(), e.g. `.spec.replicas`. */
  readonly path: string;
}

/** The fields of `applied` that other managers own and whose value would change. */
export function findApplyConflicts(
  entries: readonly ManagedFieldsEntry[],
  manager: string,
  live: KubeObject,
  merged: KubeObject,
  applied: FieldSet,
): ApplyConflict[] {
  const sent = new Set(leaves(applied));
  const conflicts: ApplyConflict[] = [];
  for (const entry of entries) {
    // Managers are (name, operation, subresource): `kubectl scale` (an Update of /scale) is another manager than `kubectl apply --server-side`.
    if (entry.manager === manager && entry.operation === 'Apply' && entry.subresource === undefined) continue;
    for (const leaf of leaves(entry.fieldsV1)) {
      if (!sent.has(leaf) || leaf.endsWith('\u0000.')) continue;
      if (valueAt(live, leaf) === valueAt(merged, leaf)) continue;
      conflicts.push({
        manager: entry.manager,
        operation: entry.operation,
        apiVersion: entry.apiVersion,
        path: leafToPath(leaf),
        ...(entry.subresource === undefined ? {} : { subresource: entry.subresource }),
      });
    }
  }
  return conflicts;
}

/**
 * internal/conflict.go printManager: `"kubectl-edit" using apps/v1` for Update,
 * `"kubectl" with subresource "scale" using apps/v1` through a subresource, `"kubectl"` for Apply.
 */
export function printManager(c: ApplyConflict): string {
  const sub = c.subresource === undefined ? '' : ` with subresource ${JSON.stringify(c.subresource)}`;
  return c.operation === 'Update'
    ? `${JSON.stringify(c.manager)}${sub} using ${c.apiVersion}`
    : `${JSON.stringify(c.manager)}${sub}`;
}

/** internal/conflict.go getConflictMessage. */
export function conflictMessage(conflicts: readonly ApplyConflict[]): string {
  if (conflicts.length === 1) {
    const c = conflicts[0] as ApplyConflict;
    return `Apply failed with 1 conflict: conflict with ${printManager(c)}: ${c.path}`;
  }
  const byManager = new Map<string, ApplyConflict[]>();
  for (const c of conflicts) byManager.set(printManager(c), [...(byManager.get(printManager(c)) ?? []), c]);
  const lines: string[] = [];
  for (const manager of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${manager}`);
    for (const c of byManager.get(manager) ?? []) lines.push(`- ${c.path}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** managerOrUserAgent (endpoints/handlers/rest.go): the fieldManager, else the User-Agent up to its first `/`. */
export function managerOrUserAgent(fieldManager: string | null, userAgent: string): string {
  if (fieldManager !== null && fieldManager !== '') return fieldManager;
  const prefix = userAgent.split('/')[0] ?? '';
  return prefix.slice(0, 128);
}
