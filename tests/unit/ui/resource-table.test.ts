import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../src/engine/resources';
import {
  DEFAULT_SORT,
  filterResourceRows,
  nextSort,
  resourceRows,
  sortResourceRows,
} from '../../../src/ui/panels/resources/resource-table';

const rows = resourceRows();
const names = (list: readonly { resource: string }[]) => list.map((r) => r.resource);

describe('The resources table', () => {
  it('has a row for every known resource, the core group shown as core', () => {
    expect(rows.length).toBe(RESOURCES.length);
    expect(rows.find((r) => r.resource === 'pods')).toMatchObject({
      group: 'core',
      isCoreGroup: true,
      apiVersion: 'v1',
      kind: 'Pod',
      namespaced: true,
      shortNames: ['po'],
    });
    expect(rows.find((r) => r.resource === 'deployments')).toMatchObject({
      group: 'apps',
      apiVersion: 'apps/v1',
    });
    expect(rows.find((r) => r.resource === 'namespaces')?.namespaced).toBe(false);
  });

  it('filters by name, short name, kind, group or scope, every word matching', () => {
    expect(names(filterResourceRows(rows, 'deploy'))).toEqual(['deployments']);
    expect(names(filterResourceRows(rows, 'PO'))).toContain('pods');
    expect(names(filterResourceRows(rows, 'apps'))).toEqual(
      expect.arrayContaining(['deployments', 'replicasets', 'daemonsets', 'statefulsets']),
    );
    const clusterRbac = filterResourceRows(rows, 'rbac cluster');
    expect(names(clusterRbac).sort()).toEqual(['clusterrolebindings', 'clusterroles']);
    expect(filterResourceRows(rows, '  ').length).toBe(rows.length);
    expect(filterResourceRows(rows, 'no-such-thing')).toEqual([]);
  });

  it('sorts by group with core first, keeping the table order within a group', () => {
    const sorted = sortResourceRows(rows, DEFAULT_SORT);
    expect(sorted[0]?.resource).toBe('pods');
    const coreCount = rows.filter((r) => r.isCoreGroup).length;
    expect(sorted.slice(0, coreCount).every((r) => r.isCoreGroup)).toBe(true);
  });

  it('sorts by name both ways, and flips direction on a second click', () => {
    const byName = nextSort(DEFAULT_SORT, 'resource');
    expect(byName).toEqual({ key: 'resource', direction: 'ascending' });
    const ascending = names(sortResourceRows(rows, byName));
    expect(ascending).toEqual([...ascending].sort());
    const descending = names(sortResourceRows(rows, nextSort(byName, 'resource')));
    expect(descending).toEqual([...ascending].reverse());
  });

  it('puts namespaced resources first when sorting by scope', () => {
    const sorted = sortResourceRows(rows, { key: 'namespaced', direction: 'ascending' });
    const firstCluster = sorted.findIndex((r) => !r.namespaced);
    expect(sorted.slice(firstCluster).every((r) => !r.namespaced)).toBe(true);
  });
});
