import { type EditorState, type Extension, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, WidgetType } from '@codemirror/view';

/** What a lesson step points at in an editor: the first line containing `find`. */
export interface LineHighlight {
  readonly find: string;
  /** Shown at the end of the line, so the mark is text as well as colour. */
  readonly label: string;
}

/** Sets (or clears, with undefined) the line a lesson step points at. */
export const setLineHighlight = StateEffect.define<LineHighlight | undefined>();

/** The 1-based number of the first line containing `find`, or undefined. */
export function findLine(state: EditorState, find: string): number | undefined {
  if (find === '') return undefined;
  for (let n = 1; n <= state.doc.lines; n++) if (state.doc.line(n).text.includes(find)) return n;
  return undefined;
}

class LabelWidget extends WidgetType {
  constructor(private readonly label: string) {
    super();
  }
  override eq(other: LabelWidget): boolean {
    return other.label === this.label;
  }
  toDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'cm-lesson-label';
    span.textContent = `◀ ${this.label}`;
    return span;
  }
}

function decorate(state: EditorState, target: LineHighlight | undefined): DecorationSet {
  const n = target === undefined ? undefined : findLine(state, target.find);
  if (target === undefined || n === undefined) return Decoration.none;
  const line = state.doc.line(n);
  return Decoration.set([
    Decoration.line({ class: 'cm-lesson-line', attributes: { 'data-lesson-line': String(n) } }).range(
      line.from,
    ),
    Decoration.widget({ widget: new LabelWidget(target.label), side: 1 }).range(line.to),
  ]);
}

/** Holds the target and its decorations; re-finds the line as the text changes. */
const highlightField = StateField.define<{ target: LineHighlight | undefined; decorations: DecorationSet }>({
  create: () => ({ target: undefined, decorations: Decoration.none }),
  update(value, tr) {
    let target = value.target;
    for (const effect of tr.effects) if (effect.is(setLineHighlight)) target = effect.value;
    if (target === value.target && !tr.docChanged) return value;
    return { target, decorations: decorate(tr.state, target) };
  },
  provide: (field) => EditorView.decorations.from(field, (v) => v.decorations),
});

const highlightTheme = EditorView.theme({
  '.cm-lesson-line': {
    backgroundColor: 'var(--color-accent-soft)',
    boxShadow: 'inset 3px 0 0 var(--color-accent)',
  },
  '.cm-lesson-label': {
    marginLeft: '0.75rem',
    padding: '0 0.375rem',
    borderRadius: '0.25rem',
    backgroundColor: 'var(--color-accent)',
    color: 'var(--color-accent-fg)',
    fontFamily: 'ui-sans-serif, system-ui, sans-serif',
    fontSize: '0.75rem',
    fontWeight: '600',
  },
});

/** The extension an editor needs so lesson steps can mark one of its lines. */
export function lineHighlightExtension(): Extension {
  return [highlightField, highlightTheme];
}

/** Marks the line (or clears the mark) and scrolls it into view. */
export function applyLineHighlight(view: EditorView, target: LineHighlight | undefined): void {
  const n = target === undefined ? undefined : findLine(view.state, target.find);
  view.dispatch({ effects: setLineHighlight.of(target) });
  if (n === undefined) return;
  const at = view.state.doc.line(n).from;
  // Once the panel has laid out (it may have just mounted), centre the line in the scrolling panel
  // around the editor (the editor grows with its text, so the panel scrolls, not CodeMirror).
  requestAnimationFrame(() => {
    if (!view.dom.isConnected) return;
    const y = view.documentTop + view.lineBlockAt(at).top;
    const scroller = scrollingAncestor(view.dom.parentElement);
    if (scroller === undefined) return;
    const box = scroller.getBoundingClientRect();
    scroller.scrollTop += y - box.top - box.height / 2;
  });
}

function scrollingAncestor(start: HTMLElement | null): HTMLElement | undefined {
  for (let el = start; el !== null; el = el.parentElement) {
    if (el.scrollHeight > el.clientHeight && /auto|scroll/.test(getComputedStyle(el).overflowY)) return el;
  }
  return undefined;
}
