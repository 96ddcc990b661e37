import { TerminalSquare } from 'lucide-react';
import { useId } from 'react';
import { useT } from '../../../i18n';
import { useAppStore, useAppStoreApi } from '../../../store/context';
import { sendOperation } from '../../../store/operations';
import { selectCommand, selectDerived } from '../../../store/selectors';

/**
 * The kubectl command line: a two-row textarea so long commands stay readable in a narrow column.
 * Enter sends (a command is one line); a kubectl error shows below without losing the text.
 */
export function CommandField() {
  const t = useT();
  const store = useAppStoreApi();
  const command = useAppStore(selectCommand);
  const derived = useAppStore(selectDerived);
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const error = derived.ok ? undefined : derived.error;
  return (
    <div className="flex flex-col gap-1.5">
      <label className="text-sm font-medium text-text" htmlFor={id}>
        {t('composer.command')}
      </label>
      <div className="relative">
        <TerminalSquare
          aria-hidden="true"
          className="pointer-events-none absolute top-3.5 left-3 size-4 text-muted"
        />
        <textarea
          aria-describedby={error === undefined ? hintId : `${errorId} ${hintId}`}
          aria-invalid={error !== undefined}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          className={`block w-full resize-none rounded-lg border bg-panel py-2.5 pr-3 pl-9 font-mono text-sm leading-normal text-text placeholder:text-muted ${error === undefined ? 'border-border-strong' : 'border-failed'}`}
          data-testid="command-input"
          id={id}
          onChange={(e) => store.getState().setCommand(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            // Handled here (plain Enter and Ctrl/⌘+Enter); the global shortcut sees defaultPrevented.
            e.preventDefault();
            if (sendOperation.isEnabled(store.getState())) sendOperation.perform(store);
          }}
          placeholder={t('composer.command.placeholder')}
          rows={2}
          spellCheck={false}
          value={command}
        />
      </div>
      {error !== undefined && (
        <p
          className="rounded-lg border border-failed bg-failed-soft px-3 py-2 font-mono text-[0.8125rem] whitespace-pre-wrap text-failed"
          data-testid="kubectl-error"
          id={errorId}
          role="alert"
        >
          {error}
        </p>
      )}
      <p className="text-xs text-muted" id={hintId}>
        {t('composer.command.hint', { shortcut: sendOperation.shortcut?.display ?? '' })}
      </p>
    </div>
  );
}
