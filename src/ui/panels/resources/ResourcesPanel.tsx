import { ArrowDown, ArrowUp, ArrowUpDown, Globe, Search, SquareDashed } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import type { ResourceType } from '../../../engine';
import { type MessageKey, useT } from '../../../i18n';
import {
  DEFAULT_SORT,
  filterResourceRows,
  nextSort,
  type ResourceRow,
  type ResourceSort,
  type ResourceSortKey,
  resourceRows,
  sortResourceRows,
} from './resource-table';

interface ResourcesPanelProps {
  /** The table to show; the simulator's RESOURCES by default. */
  readonly resources?: readonly ResourceType[];
}

interface Column {
  readonly key: ResourceSortKey | 'verbs';
  readonly label: MessageKey;
  readonly sortable: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'resource', label: 'resources.col.resource', sortable: true },
  { key: 'shortNames', label: 'resources.col.shortNames', sortable: true },
  { key: 'group', label: 'resources.col.group', sortable: true },
  { key: 'version', label: 'resources.col.version', sortable: true },
  { key: 'kind', label: 'resources.col.kind', sortable: true },
  { key: 'namespaced', label: 'resources.col.namespaced', sortable: true },
  { key: 'verbs', label: 'resources.col.verbs', sortable: false },
];

function SortIcon({ direction }: { readonly direction?: 'ascending' | 'descending' }) {
  if (direction === 'ascending') return <ArrowUp aria-hidden="true" className="size-4 shrink-0" />;
  if (direction === 'descending') return <ArrowDown aria-hidden="true" className="size-4 shrink-0" />;
  return <ArrowUpDown aria-hidden="true" className="size-4 shrink-0 opacity-50" />;
}

function Scope({ row }: { readonly row: ResourceRow }) {
  const t = useT();
  return row.namespaced ? (
    <span className="inline-flex items-center gap-1 text-text">
      <SquareDashed aria-hidden="true" className="size-4 shrink-0 text-accent" />
      {t('resources.namespaced.yes')}
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 text-muted">
      <Globe aria-hidden="true" className="size-4 shrink-0" />
      {t('resources.namespaced.no')}
    </span>
  );
}

/**
 * The resources the simulated apiserver knows, as `kubectl api-resources` lists them: scope,
 * group, version, kind, short names and verbs; filtered by a search box, sorted by any column.
 */
export function ResourcesPanel({ resources }: ResourcesPanelProps) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ResourceSort>(DEFAULT_SORT);
  const all = useMemo(() => resourceRows(resources), [resources]);
  const rows = useMemo(() => sortResourceRows(filterResourceRows(all, query), sort), [all, query, sort]);

  return (
    <div className="flex min-h-0 flex-col gap-3" data-testid="resources-panel">
      <p className="text-sm text-muted">{t('resources.caption')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-48 flex-1 flex-col gap-1.5">
          <label className="text-sm font-medium text-text" htmlFor={`${id}-filter`}>
            {t('resources.filter')}
          </label>
          <div className="relative">
            <Search
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 left-2 size-4 -translate-y-1/2 text-muted"
            />
            <input
              aria-controls={`${id}-table`}
              className="h-10 w-full rounded-lg border border-border-strong bg-panel pr-2 pl-8 text-sm text-text"
              data-testid="resources-filter"
              id={`${id}-filter`}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('resources.filter.placeholder')}
              type="search"
              value={query}
            />
          </div>
        </div>
        <p aria-live="polite" className="pb-2 text-sm text-muted" data-testid="resources-count">
          {t('resources.count', { shown: rows.length, total: all.length })}
        </p>
      </div>
      <div className="min-h-0 overflow-auto rounded-lg border border-border">
        <table className="w-full border-collapse text-left text-sm" id={`${id}-table`}>
          <caption className="sr-only">{t('resources.caption')}</caption>
          <thead className="sticky top-0 bg-subtle">
            <tr>
              {COLUMNS.map((column) => {
                const label = t(column.label);
                const direction = sort.key === column.key ? sort.direction : undefined;
                return (
                  <th
                    aria-sort={column.sortable ? (direction ?? 'none') : undefined}
                    className="border-b border-border px-3 py-2 font-semibold whitespace-nowrap text-text"
                    key={column.key}
                    scope="col"
                  >
                    {column.sortable ? (
                      <button
                        className="inline-flex items-center gap-1 rounded hover:text-accent"
                        data-sort-key={column.key}
                        onClick={() => setSort(nextSort(sort, column.key as ResourceSortKey))}
                        title={t('resources.sortBy', { column: label })}
                        type="button"
                      >
                        {label}
                        <SortIcon direction={direction} />
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                className="border-b border-border last:border-b-0 hover:bg-subtle"
                data-namespaced={row.namespaced ? 'true' : 'false'}
                data-resource={row.resource}
                key={`${row.group}/${row.resource}`}
              >
                <th className="px-3 py-2 font-mono font-medium text-text" scope="row">
                  {row.resource}
                </th>
                <td className="px-3 py-2 font-mono text-text">{row.shortNames.join(', ')}</td>
                <td className={`px-3 py-2 font-mono ${row.isCoreGroup ? 'text-muted italic' : 'text-text'}`}>
                  {row.group}
                </td>
                <td className="px-3 py-2 font-mono text-text">{row.version}</td>
                <td className="px-3 py-2 font-mono text-text">{row.kind}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Scope row={row} />
                </td>
                <td className="px-3 py-2 font-mono text-xs text-muted">{row.verbs.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="p-4 text-sm text-muted" role="status">
            {t('resources.none', { query })}
          </p>
        )}
      </div>
    </div>
  );
}
