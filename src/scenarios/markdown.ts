/**
 * A small, safe Markdown subset for lesson text: headings, paragraphs, lists, fenced code,
 * **strong**, *emphasis*, `code` and [links](https://…). It produces data, never HTML: the UI
 * renders it as React elements, so `<script>` in a lesson is shown as text. Links keep only
 * http(s) and in-page targets; anything else (javascript:, data:) becomes plain text.
 */
export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'strong'; readonly text: string }
  | { readonly type: 'em'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'link'; readonly text: string; readonly href: string };

export type Block =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly inlines: readonly Inline[] }
  | { readonly type: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | { readonly type: 'code'; readonly text: string };

/** Only these link targets survive; everything else is shown as text. */
export function isSafeHref(href: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(href) || /^#[\w-]*$/.test(href);
}

const INLINE = /(\*\*([^*]+)\*\*)|(\*([^*]+)\*)|(`([^`]+)`)|(\[([^\]]+)\]\(([^)\s]+)\))/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const index = m.index ?? 0;
    if (index > last) out.push({ type: 'text', text: text.slice(last, index) });
    if (m[2] !== undefined) out.push({ type: 'strong', text: m[2] });
    else if (m[4] !== undefined) out.push({ type: 'em', text: m[4] });
    else if (m[6] !== undefined) out.push({ type: 'code', text: m[6] });
    else if (m[8] !== undefined && m[9] !== undefined)
      out.push(isSafeHref(m[9]) ? { type: 'link', text: m[8], href: m[9] } : { type: 'text', text: m[8] });
    last = index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

/** Markdown text → blocks (at most 500, each line at most 2 000 characters). */
export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n').slice(0, 5000);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | undefined;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    paragraph = [];
    if (list !== undefined) blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
    list = undefined;
  };
  for (let i = 0; i < lines.length && blocks.length < 500; i++) {
    const line = (lines[i] ?? '').slice(0, 2000);
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) code.push(lines[i] ?? '');
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const item = /^\s*([-*]|\d+[.)])\s+(.*)$/.exec(line);
    if (heading !== null) {
      flush();
      blocks.push({
        type: 'heading',
        level: (heading[1]?.length ?? 1) as 1 | 2 | 3,
        inlines: parseInline(heading[2] ?? ''),
      });
    } else if (item !== null) {
      if (paragraph.length > 0) flush();
      const ordered = /\d/.test(item[1] ?? '');
      if (list === undefined || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(parseInline(item[2] ?? ''));
    } else if (line.trim() === '') flush();
    else if (list !== undefined && /^\s+/.test(line)) {
      const items = list.items;
      items[items.length - 1] = [...(items[items.length - 1] ?? []), ...parseInline(` ${line.trim()}`)];
    } else {
      if (list !== undefined) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
