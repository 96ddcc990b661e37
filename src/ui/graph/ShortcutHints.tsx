import { Panel } from '@xyflow/react';
import { useT } from '../../i18n';
import { OPERATIONS } from '../../store/operations';

/** The keyboard shortcuts, in the corner of the pane; only where there is height to spare below the nodes. */
export function ShortcutHints() {
  const t = useT();
  return (
    <Panel
      className="!m-2 hidden rounded-lg border border-border bg-panel/90 px-2.5 py-1.5 [@media(min-width:768px)_and_(min-height:880px)]:block"
      position="bottom-left"
    >
      <h3 className="sr-only">{t('shortcuts.title')}</h3>
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted">
        {OPERATIONS.filter((op) => op.shortcut !== undefined && op.hideHint !== true).map((op) => (
          <li className="flex items-center gap-1" key={op.id}>
            <kbd className="rounded border border-border bg-subtle px-1 font-mono text-[11px] text-text">
              {op.shortcut?.display}
            </kbd>
            {t(op.labelKey)}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
