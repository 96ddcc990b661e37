import type { KeyboardEvent } from 'react';
import { useT } from '../../../i18n';
import { useAppStore, useAppStoreApi } from '../../../store/context';
import { selectDetailsTab } from '../../../store/selectors';
import { DETAILS_TABS, panelId, tabForKey, tabId } from './tabs';

const TAB_IDS = DETAILS_TABS.map((tab) => tab.id);

/** The details area's tab list: one tab stop, arrows move between tabs and show them at once. */
export function DetailsTabList({ labelledBy }: { readonly labelledBy: string }) {
  const t = useT();
  const store = useAppStoreApi();
  const current = useAppStore(selectDetailsTab);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = tabForKey(TAB_IDS, current, event.key);
    if (next === undefined) return;
    event.preventDefault();
    // Keep the app's own shortcuts (→ steps the animation) from seeing the arrow too.
    event.stopPropagation();
    store.getState().setDetailsTab(next);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div
      aria-labelledby={labelledBy}
      className="flex min-w-0 flex-wrap gap-0.5"
      onKeyDown={onKeyDown}
      role="tablist"
    >
      {DETAILS_TABS.map(({ id, labelKey }) => {
        const isSelected = id === current;
        return (
          <button
            aria-controls={panelId(id)}
            aria-selected={isSelected}
            className={`h-8 shrink-0 rounded-md px-2 text-sm font-medium whitespace-nowrap ${
              isSelected
                ? 'bg-accent-soft text-accent shadow-[inset_0_-2px_0_var(--color-accent)]'
                : 'text-muted hover:bg-subtle hover:text-text'
            }`}
            data-tab={id}
            data-testid="details-tab"
            id={tabId(id)}
            key={id}
            onClick={() => store.getState().setDetailsTab(id)}
            role="tab"
            tabIndex={isSelected ? 0 : -1}
            type="button"
          >
            {t(labelKey)}
          </button>
        );
      })}
    </div>
  );
}
