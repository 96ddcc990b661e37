import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { Annotation, EditorState } from '@codemirror/state';
import {
  placeholder as cmPlaceholder,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n';
import type { ScenarioProblem } from '../../scenarios/format';
import { applyLineHighlight, type LineHighlight, lineHighlightExtension } from '../lesson/editor-highlight';
import { yamlCompletions } from './completions';

/** Marks a transaction that came from the store, not from typing (it must not echo back). */
const EXTERNAL = Annotation.define<boolean>();

/** How long typing pauses before the world is rebuilt. */
export const EDIT_DEBOUNCE_MS = 150;

/** Colours from the theme tokens only, so both themes work. */
const THEME = EditorView.theme({
  '&': {
    color: 'var(--color-text)',
    backgroundColor: 'var(--color-panel)',
    fontSize: '0.9375rem',
    border: '1px solid var(--color-border-strong)',
    borderRadius: '0.5rem',
  },
  '&.cm-focused': { outline: '2px solid var(--color-accent)', outlineOffset: '1px' },
  '.cm-content': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    caretColor: 'var(--color-text)',
  },
  '.cm-gutters': {
    backgroundColor: 'var(--color-subtle)',
    color: 'var(--color-muted)',
    border: 'none',
    borderRadius: '0.5rem 0 0 0.5rem',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--color-accent-soft) 60%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--color-accent-soft)' },
  '.cm-cursor': { borderLeftColor: 'var(--color-text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--color-accent-soft)',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--color-panel)',
    color: 'var(--color-text)',
    border: '1px solid var(--color-border)',
  },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--color-accent)',
    color: 'var(--color-accent-fg)',
  },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--color-failed)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--color-failed)' },
  '.cm-scroller': { overflow: 'auto', maxHeight: '100%' },
});

const HIGHLIGHT = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--color-accent)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--color-passed)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--color-warning)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--color-muted)', fontStyle: 'italic' },
  { tag: [tags.meta, tags.punctuation, tags.separator], color: 'var(--color-muted)' },
  { tag: tags.keyword, color: 'var(--color-failed)' },
]);

function toDiagnostics(problems: readonly ScenarioProblem[], length: number): Diagnostic[] {
  return problems.map((p) => {
    const from = Math.min(p.from ?? 0, length);
    const to = Math.min(Math.max(p.to ?? from, from), length);
    return { from, to, severity: 'error', message: p.message };
  });
}

export interface CodeEditorProps {
  readonly value: string;
  /** Called after typing pauses (EDIT_DEBOUNCE_MS) with the whole text. */
  readonly onChange: (text: string) => void;
  readonly problems: readonly ScenarioProblem[];
  readonly label: string;
  readonly language?: 'yaml' | 'text';
  readonly testId?: string;
  readonly placeholder?: string;
  readonly minHeight?: string;
  /** A line a lesson step points at (the first containing `find`): marked and scrolled into view. */
  readonly highlight?: LineHighlight;
}

/**
 * CodeMirror 6 with YAML highlighting, inline diagnostics (the problems' ranges), completion and
 * its own undo history. Text typed here is kept even when it is broken; outside changes (the
 * app's undo, an import) replace the document.
 */
export function CodeEditor({
  value,
  onChange,
  problems,
  label,
  language = 'yaml',
  testId,
  placeholder,
  minHeight = '12rem',
  highlight,
}: CodeEditorProps) {
  const t = useT();
  const hintId = useId();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is created once; value and problems sync below.
  useEffect(() => {
    if (host.current === null) return;
    const flush = () => {
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = undefined;
      if (pending.current !== undefined) onChangeRef.current(pending.current);
      pending.current = undefined;
    };
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          highlightActiveLine(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          ...(language === 'yaml' ? [yaml(), autocompletion({ override: [yamlCompletions] })] : []),
          syntaxHighlighting(HIGHLIGHT),
          lintGutter(),
          lineHighlightExtension(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({
            'aria-label': label,
            'aria-describedby': hintId,
            ...(testId === undefined ? {} : { 'data-testid': testId }),
          }),
          ...(placeholder === undefined ? [] : [cmPlaceholder(placeholder)]),
          THEME,
          EditorView.theme({ '.cm-content, .cm-gutter': { minHeight } }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.every((t) => t.annotation(EXTERNAL) === true))
              return;
            pending.current = update.state.doc.toString();
            if (timer.current !== undefined) clearTimeout(timer.current);
            timer.current = setTimeout(flush, EDIT_DEBOUNCE_MS);
          }),
          EditorView.domEventHandlers({ blur: () => void flush() }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      flush();
      editor.destroy();
      view.current = null;
    };
  }, []);

  // Outside changes (undo, import, form edits) replace the text unless the user is mid-edit.
  useEffect(() => {
    const editor = view.current;
    if (editor === null || pending.current !== undefined) return;
    const current = editor.state.doc.toString();
    if (current === value) return;
    editor.dispatch({
      changes: { from: 0, to: current.length, insert: value },
      annotations: EXTERNAL.of(true),
    });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    editor.dispatch(setDiagnostics(editor.state, toDiagnostics(problems, editor.state.doc.length)));
  }, [problems]);

  const find = highlight?.find;
  const mark = highlight?.label;
  // After the text sync above, so the line is looked for in the current text.
  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    applyLineHighlight(editor, find === undefined || mark === undefined ? undefined : { find, label: mark });
  }, [find, mark]);

  // Tab indents inside the editor; CodeMirror lets Escape then Tab leave it (no keyboard trap).
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="min-w-0" ref={host} />
      <p className="text-xs text-muted" id={hintId}>
        {t('world.editorTabHint')}
      </p>
    </div>
  );
}
