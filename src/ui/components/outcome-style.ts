import { CircleCheck, CircleDashed, CircleX, LoaderCircle, type LucideIcon, SkipForward } from 'lucide-react';
import type { NodeOutcome } from '../../store/path';

/** Colour, icon and text always travel together, so no state relies on colour alone. */
export interface OutcomeStyle {
  readonly icon: LucideIcon;
  /** Foreground colour for text and icon. */
  readonly text: string;
  /** A tinted background for badges and node cards. */
  readonly soft: string;
  readonly border: string;
}

export const OUTCOME_STYLES: Readonly<Record<NodeOutcome, OutcomeStyle>> = {
  pending: { icon: CircleDashed, text: 'text-muted', soft: 'bg-panel', border: 'border-border' },
  active: { icon: LoaderCircle, text: 'text-active', soft: 'bg-active-soft', border: 'border-active' },
  passed: { icon: CircleCheck, text: 'text-passed', soft: 'bg-passed-soft', border: 'border-passed' },
  failed: { icon: CircleX, text: 'text-failed', soft: 'bg-failed-soft', border: 'border-failed' },
  skipped: { icon: SkipForward, text: 'text-skipped', soft: 'bg-skipped-soft', border: 'border-border' },
};

/** The outcome an HTTP status reads as: 2xx passed, 4xx/5xx failed. */
export function outcomeOfStatus(status: number): NodeOutcome {
  if (status >= 200 && status < 300) return 'passed';
  if (status >= 400) return 'failed';
  return 'skipped';
}
