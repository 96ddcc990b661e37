import { useT } from '../../../i18n';
import { useAppStore, useAppStoreApi } from '../../../store/context';
import { selectComposerMode } from '../../../store/selectors';
import type { ComposerMode } from '../../../store/types';

const MODES: readonly {
  readonly mode: ComposerMode;
  readonly labelKey: 'raw.mode.kubectl' | 'raw.mode.raw';
}[] = [
  { mode: 'kubectl', labelKey: 'raw.mode.kubectl' },
  { mode: 'raw', labelKey: 'raw.mode.raw' },
];

/** kubectl command line or raw HTTP: a two-button switch (each button says whether it is on). */
export function ComposerModeToggle() {
  const t = useT();
  const store = useAppStoreApi();
  const current = useAppStore(selectComposerMode);
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-sm font-medium text-text">{t('raw.mode.label')}</legend>
      <div className="grid grid-cols-2 gap-1 rounded-lg border border-border bg-subtle p-1">
        {MODES.map(({ mode, labelKey }) => (
          <button
            aria-pressed={mode === current}
            className={`h-8 rounded-md text-sm font-medium ${
              mode === current ? 'bg-panel text-text shadow-sm' : 'text-muted hover:text-text'
            }`}
            data-mode={mode}
            data-testid="composer-mode"
            key={mode}
            onClick={() => store.getState().setComposerMode(mode)}
            type="button"
          >
            {t(labelKey)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
