import type { ReactNode } from 'react';

interface CardProps {
  readonly title: ReactNode;
  /** Controls or status shown at the right of the title bar. */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
  readonly labelId: string;
  readonly testId?: string;
  /** The body fills the card edge to edge (the graph). */
  readonly flush?: boolean;
  /** The title is for screen readers only (the header shows tabs in `actions` instead). */
  readonly hideTitle?: boolean;
}

/** The panel frame every area shares: one border, one radius, one title style. */
export function Card({
  title,
  actions,
  children,
  className = '',
  labelId,
  testId,
  flush = false,
  hideTitle = false,
}: CardProps) {
  return (
    <section
      aria-labelledby={labelId}
      className={`flex min-h-0 flex-col rounded-lg border border-border bg-panel shadow-sm ${className}`}
      data-testid={testId}
    >
      <header className="flex min-h-11 shrink-0 flex-wrap items-center justify-between gap-2 border-b border-border px-4 py-2">
        <h2
          className={`text-sm font-semibold tracking-wide text-muted uppercase ${hideTitle ? 'sr-only' : ''}`}
          id={labelId}
        >
          {title}
        </h2>
        {actions}
      </header>
      <div className={`min-h-0 flex-1 ${flush ? 'overflow-hidden rounded-b-lg' : 'overflow-auto p-4'}`}>
        {children}
      </div>
    </section>
  );
}
