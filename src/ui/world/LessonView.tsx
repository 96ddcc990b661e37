import type { ReactNode } from 'react';
import { type Inline, parseMarkdown } from '../../scenarios/markdown';

function renderInline(inlines: readonly Inline[]): ReactNode[] {
  return inlines.map((inline, i) => {
    const key = `${i}-${inline.type}`;
    switch (inline.type) {
      case 'strong':
        return <strong key={key}>{inline.text}</strong>;
      case 'em':
        return <em key={key}>{inline.text}</em>;
      case 'code':
        return (
          <code className="rounded bg-subtle px-1 font-mono text-[0.875em]" key={key}>
            {inline.text}
          </code>
        );
      case 'link':
        return (
          <a
            className="text-accent underline"
            href={inline.href}
            key={key}
            rel="noopener noreferrer"
            target="_blank"
          >
            {inline.text}
          </a>
        );
      default:
        return inline.text;
    }
  });
}

/** Lesson Markdown as React elements (never innerHTML): HTML in a lesson shows as text. */
export function LessonView({ markdown }: { readonly markdown: string }) {
  const blocks = parseMarkdown(markdown);
  return (
    <div className="flex flex-col gap-2.5 text-base leading-relaxed text-text" data-testid="lesson-view">
      {blocks.map((block, i) => {
        const key = `${i}-${block.type}`;
        switch (block.type) {
          case 'heading':
            return block.level === 1 ? (
              <h3 className="text-lg font-bold" key={key}>
                {renderInline(block.inlines)}
              </h3>
            ) : (
              <h4 className="font-semibold" key={key}>
                {renderInline(block.inlines)}
              </h4>
            );
          case 'list': {
            const items = block.items.map((item, j) => (
              <li key={`${key}-${j.toString()}`}>{renderInline(item)}</li>
            ));
            return block.ordered ? (
              <ol className="list-decimal pl-6" key={key}>
                {items}
              </ol>
            ) : (
              <ul className="list-disc pl-6" key={key}>
                {items}
              </ul>
            );
          }
          case 'code':
            return (
              <pre
                className="rounded-lg border border-border bg-subtle p-3 font-mono text-sm whitespace-pre-wrap"
                key={key}
              >
                {block.text}
              </pre>
            );
          default:
            return <p key={key}>{renderInline(block.inlines)}</p>;
        }
      })}
    </div>
  );
}
