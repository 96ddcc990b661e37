import type { MessageKey } from '../../../i18n';
import type { DetailsTab } from '../../../store/types';

/** The details area's tabs, in order: the inspector first, the access matrix last. */
export const DETAILS_TABS: readonly { readonly id: DetailsTab; readonly labelKey: MessageKey }[] = [
  { id: 'inspector', labelKey: 'panels.tab.inspector' },
  { id: 'etcd', labelKey: 'panels.tab.etcd' },
  { id: 'watch', labelKey: 'panels.tab.watch' },
  { id: 'resources', labelKey: 'panels.tab.resources' },
  { id: 'log', labelKey: 'panels.tab.log' },
  { id: 'access', labelKey: 'panels.tab.access' },
];

export const tabId = (tab: DetailsTab) => `details-tab-${tab}`;
export const panelId = (tab: DetailsTab) => `details-panel-${tab}`;

/**
 * The tab a key press moves to in a horizontal tab list (WAI-ARIA APG "Tabs"): arrows wrap,
 * Home and End jump to the ends. Undefined for any other key.
 */
export function tabForKey(
  tabs: readonly DetailsTab[],
  current: DetailsTab,
  key: string,
): DetailsTab | undefined {
  const index = tabs.indexOf(current);
  if (index === -1 || tabs.length === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
      return tabs[(index + 1) % tabs.length];
    case 'ArrowLeft':
      return tabs[(index - 1 + tabs.length) % tabs.length];
    case 'Home':
      return tabs[0];
    case 'End':
      return tabs[tabs.length - 1];
    default:
      return undefined;
  }
}
