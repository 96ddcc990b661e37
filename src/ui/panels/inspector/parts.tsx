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
