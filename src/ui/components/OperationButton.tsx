import type { LucideIcon } from 'lucide-react';
import { useCallback } from 'react';
import { type MessageKey, useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { Operation } from '../../store/operations';
import type { AppState } from '../../store/types';

interface OperationButtonProps {
  readonly operation: Operation;
  readonly icon: LucideIcon;
  /** Overrides the operation's label (Play ↔ Pause share one operation). */
  readonly labelKey?: MessageKey;
  readonly variant?: 'primary' | 'secondary';
  readonly className?: string;
  readonly testId?: string;
  /** Runs after a click performed the operation (focus management). */
  readonly onPerformed?: () => void;
}

const VARIANTS = {
  primary:
    'bg-accent text-accent-fg border-accent hover:bg-accent-hover disabled:bg-subtle disabled:text-muted disabled:border-border',
  secondary: 'bg-panel text-text border-border hover:bg-subtle disabled:text-muted disabled:opacity-60',
} as const;

/** A button bound to an Operation: same label, shortcut and predicate as the keyboard path. */
export function OperationButton({
  operation,
  icon: Icon,
  labelKey,
  variant = 'secondary',
  className = '',
  testId,
  onPerformed,
}: OperationButtonProps) {
  const t = useT();
  const store = useAppStoreApi();
  const isEnabled = useAppStore(useCallback((s: AppState) => operation.isEnabled(s), [operation]));
  const label = t(labelKey ?? operation.labelKey);
  const shortcut = operation.shortcut;
  return (
    <button
      aria-keyshortcuts={shortcut?.keys
        .map((k) => (shortcut.mod ? `Control+${k}` : k === ' ' ? 'Space' : k))
        .join(' ')}
      className={`inline-flex h-9 items-center justify-center gap-1.5 rounded-lg border px-3 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      data-operation={operation.id}
      data-testid={testId}
      disabled={!isEnabled}
      onClick={() => {
        operation.perform(store);
        onPerformed?.();
      }}
      title={shortcut === undefined ? label : t('op.shortcut', { label, shortcut: shortcut.display })}
      type="button"
    >
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      <span>{label}</span>
    </button>
  );
}
