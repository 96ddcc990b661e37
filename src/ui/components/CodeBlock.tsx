interface CodeBlockProps {
  readonly children: string;
  /** Names the block for screen readers (the <pre> has no role that takes a label, so it goes in a title). */
  readonly label?: string;
  readonly tone?: 'plain' | 'terminal';
  readonly testId?: string;
}

/** Preformatted text, always rendered as text (never as HTML). */
export function CodeBlock({ children, label, tone = 'plain', testId }: CodeBlockProps) {
  const colours =
    tone === 'terminal'
      ? 'bg-terminal text-terminal-text border-transparent'
      : 'bg-subtle text-text border-border';
  return (
    <pre
      className={`rounded-lg border p-3 font-mono text-[0.8125rem] leading-relaxed whitespace-pre-wrap break-words ${colours}`}
      data-testid={testId}
      title={label}
    >
      {children}
    </pre>
  );
}

/** Pretty JSON for a value; undefined renders as nothing. */
export function formatJson(value: unknown): string {
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return String(value);
  }
}
