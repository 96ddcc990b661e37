import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/** A labelled fact: `Decision  deny`. */
export function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 font-medium break-words text-text">{children}</dd>
    </div>
  );
}

export function SectionTitle({ children }: { readonly children: ReactNode }) {
  return <h4 className="text-xs font-semibold tracking-wide text-muted uppercase">{children}</h4>;
}

/** Monospace for Kubernetes names, keys and paths. */
export function Mono({ children }: { readonly children: ReactNode }) {
  return (
    <code className="rounded bg-subtle px-1 py-0.5 font-mono text-[0.8125rem] break-all">{children}</code>
  );
}

export type Tone = 'passed' | 'failed' | 'skipped' | 'warning' | 'accent' | 'muted';

/** Token classes per tone: text, background and border always travel together. */
export const TONE_CLASSES: Readonly<Record<Tone, string>> = {
  passed: 'text-passed bg-passed-soft border-passed',
  failed: 'text-failed bg-failed-soft border-failed',
  skipped: 'text-skipped bg-skipped-soft border-border',
  warning: 'text-warning bg-panel border-warning',
  accent: 'text-accent bg-accent-soft border-accent',
  muted: 'text-muted bg-panel border-border border-dashed',
};

/** A pill with an icon and a word: the state never rests on colour alone. */
export function Chip({
  tone,
  icon: Icon,
  children,
  testId,
}: {
  readonly tone: Tone;
  readonly icon: LucideIcon;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${TONE_CLASSES[tone]}`}
      data-testid={testId}
      data-tone={tone}
    >
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      <span>{children}</span>
    </span>
  );
}

/** A boxed note: an icon, then a sentence, in one tone. */
export function Note({
  tone,
  icon: Icon,
  children,
  testId,
}: {
  readonly tone: Tone;
  readonly icon: LucideIcon;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  return (
    <p
      className={`flex items-start gap-2 rounded-lg border px-2.5 py-1.5 text-sm ${TONE_CLASSES[tone]}`}
      data-testid={testId}
      data-tone={tone}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span className="min-w-0 break-words">{children}</span>
    </p>
  );
}

/** Text only screen readers hear (why a value is emphasised, what an icon means). */
export function SrOnly({ children }: { readonly children: ReactNode }) {
  return <span className="sr-only">{children}</span>;
}
