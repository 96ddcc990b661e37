import { type ComponentType, lazy, Suspense, useState } from 'react';
import { useT } from '../../../i18n';
import { useAppStore } from '../../../store/context';
import { selectDetailsTab, selectWorldVersion } from '../../../store/selectors';
import type { DetailsTab } from '../../../store/types';
import { Card } from '../../components/Card';
import { Inspector } from '../Inspector';
import { DetailsTabList } from './DetailsTabList';
import { DETAILS_TABS, panelId, tabId } from './tabs';

/** The tab panels other than the inspector, fetched together when a first one is opened. */
const loadPanels = () => import('../../../start-up').then((m) => m.loadDetailsPanels());

/** The inspector is in the entry chunk (it shows from the first send); the rest load on first open. */
const PANELS: Readonly<Record<DetailsTab, ComponentType>> = {
  inspector: Inspector,
  etcd: lazy(() => loadPanels().then((m) => ({ default: m.EtcdTab }))),
  watch: lazy(() => loadPanels().then((m) => ({ default: m.WatchTab }))),
  resources: lazy(() => loadPanels().then((m) => ({ default: () => <m.ResourcesPanel /> }))),
  log: lazy(() => loadPanels().then((m) => ({ default: m.LogTab }))),
  access: lazy(() => loadPanels().then((m) => ({ default: m.AccessTab }))),
};

function PanelLoading() {
  const t = useT();
  return <p className="text-sm text-muted">{t('panels.loading')}</p>;
}

/**
 * The area beside the response: one card whose header is a tab list (Inspector, etcd, Watch,
 * Resources, Log, Access). A tab's panel is loaded when first opened and then kept, hidden, so
 * a watch keeps its feed and etcd its selection while the learner looks elsewhere. Panels of
 * the world start afresh when it is rebuilt.
 */
export function DetailsArea() {
  const t = useT();
  const current = useAppStore(selectDetailsTab);
  const worldVersion = useAppStore(selectWorldVersion);
  const [opened, setOpened] = useState<ReadonlySet<DetailsTab>>(() => new Set([current]));
  if (!opened.has(current)) setOpened(new Set([...opened, current]));

  return (
    <Card
      actions={<DetailsTabList labelledBy="details-title" />}
      className="h-full"
      hideTitle
      labelId="details-title"
      testId="details"
      title={t('panels.tabs')}
    >
      {DETAILS_TABS.filter(({ id }) => opened.has(id)).map(({ id }) => {
        const Panel = PANELS[id];
        return (
          <div
            aria-labelledby={tabId(id)}
            data-panel={id}
            hidden={id !== current}
            id={panelId(id)}
            key={id === 'inspector' ? id : `${id}-${worldVersion}`}
            role="tabpanel"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: APG tabs: the panel is a tab stop when it holds no focusable content.
            tabIndex={0}
          >
            <Suspense fallback={<PanelLoading />}>
              <Panel />
            </Suspense>
          </div>
        );
      })}
    </Card>
  );
}
