/**
 * The Resources panel's table, from the simulator's resource table (src/engine/resources.ts, the
 * same one its discovery documents and `kubectl api-resources` come from). Pure: rows, a filter
 * and a sort.
 */
import { RESOURCES, type ResourceType } from '../../../engine';

export interface ResourceRow {
  /** Plural name, as in URLs and RBAC rules: the row's identity. */
  readonly resource: string;
  readonly singular: string;
  readonly kind: string;
  /** The API group as shown: `core` for the legacy group (whose real name is the empty string). */
  readonly group: string;
  readonly isCoreGroup: boolean;
  readonly version: string;
  /** `v1` or `apps/v1`. */
  readonly apiVersion: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly verbs: readonly string[];
}

export type ResourceSortKey = 'resource' | 'shortNames' | 'group' | 'version' | 'kind' | 'namespaced';
export type SortDirection = 'ascending' | 'descending';

export interface ResourceSort {
  readonly key: ResourceSortKey;
  readonly direction: SortDirection;
}

/** kubectl api-resources' order: by group (core first), then as the table lists them. */
export const DEFAULT_SORT: ResourceSort = { key: 'group', direction: 'ascending' };

export const CORE_GROUP_LABEL = 'core';

export function toResourceRow(type: ResourceType): ResourceRow {
  const isCoreGroup = type.group === '';
  return {
    resource: type.resource,
    singular: type.singular,
    kind: type.kind,
    group: isCoreGroup ? CORE_GROUP_LABEL : type.group,
    isCoreGroup,
    version: type.version,
    apiVersion: isCoreGroup ? type.version : `${type.group}/${type.version}`,
    namespaced: type.namespaced,
    shortNames: type.shortNames,
    verbs: type.verbs,
  };
}

export function resourceRows(resources: readonly ResourceType[] = RESOURCES): ResourceRow[] {
  return resources.map(toResourceRow);
}

/**
 * Keeps the rows every word of `query` matches (case-insensitive): a word matches the name,
 * singular, kind, a short name, the group or a verb; `namespaced` and `cluster` match the scope.
 */
export function filterResourceRows(rows: readonly ResourceRow[], query: string): ResourceRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = [
      row.resource,
      row.singular,
      row.kind.toLowerCase(),
      row.group.toLowerCase(),
      row.apiVersion.toLowerCase(),
      ...row.shortNames,
      ...row.verbs,
      row.namespaced ? 'namespaced' : 'cluster-scoped',
    ];
    return words.every((word) => haystack.some((text) => text.includes(word)));
  });
}

function sortValue(row: ResourceRow, key: ResourceSortKey): string {
  switch (key) {
    case 'shortNames':
      return row.shortNames.join(',');
    case 'namespaced':
      return row.namespaced ? '0' : '1';
    case 'group':
      // The core group sorts first, as kubectl api-resources lists it.
      return row.isCoreGroup ? '' : row.group;
    default:
      return row[key];
  }
}

/** A stable sort by one column; ties keep the table's order. */
export function sortResourceRows(rows: readonly ResourceRow[], sort: ResourceSort): ResourceRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const av = sortValue(a.row, sort.key);
      const bv = sortValue(b.row, sort.key);
      if (av !== bv) return (av < bv ? -1 : 1) * sign;
      return a.index - b.index;
    })
    .map(({ row }) => row);
}

/** Clicking a column header: the same column flips direction, another starts ascending. */
export function nextSort(current: ResourceSort, key: ResourceSortKey): ResourceSort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
