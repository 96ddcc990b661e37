import { useT } from '../../i18n';
import type { NodeOutcome } from '../../store/path';
import { OUTCOME_STYLES } from './outcome-style';

interface OutcomeBadgeProps {
  readonly outcome: NodeOutcome;
  /** Replaces the outcome word, e.g. `403 Forbidden`; the icon and colour still say the outcome. */
  readonly text?: string;
  readonly size?: 'sm' | 'md';
}

/** A small pill: icon + word + colour for one outcome. */
export function OutcomeBadge({ outcome, text, size = 'md' }: OutcomeBadgeProps) {
  const t = useT();
  const style = OUTCOME_STYLES[outcome];
  const Icon = style.icon;
  const spin = outcome === 'active' ? 'motion-safe:animate-spin' : '';
  const sizing = size === 'sm' ? 'gap-1 px-2 py-0.5 text-xs' : 'gap-1.5 px-2.5 py-1 text-sm';
  return (
    <span
      className={`inline-flex items-center rounded-full border font-medium ${sizing} ${style.text} ${style.soft} ${style.border}`}
      data-outcome-badge={outcome}
    >
      <Icon aria-hidden="true" className={`size-4 shrink-0 ${spin}`} />
      <span>{text ?? t(`outcome.${outcome}`)}</span>
    </span>
  );
}
