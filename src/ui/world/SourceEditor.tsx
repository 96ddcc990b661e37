import { useMemo } from 'react';
import { useT } from '../../i18n';
import type { SourceId } from '../../scenarios/sources';
import { useAppStore } from '../../store/context';
import { selectLessonEditorFind } from '../../store/slices/lesson-selectors';
import { CodeEditor } from './CodeEditor';
import { ProblemList } from './ProblemList';
import { useSourceEditor } from './useSourceEditor';

/** A tab's text in CodeMirror, with its problems listed below (also underlined inline). */
export function SourceEditor({
  id,
  label,
  language = 'yaml',
}: {
  readonly id: SourceId;
  readonly label: string;
  readonly language?: 'yaml' | 'text';
}) {
  const t = useT();
  const { text, problems, onChange } = useSourceEditor(id);
  // The line the current lesson step points at in this tab, if any.
  const find = useAppStore(useMemo(() => selectLessonEditorFind(id), [id]));
  const highlight = useMemo(
    () => (find === undefined ? undefined : { find, label: t('world.lesson.mark') }),
    [find, t],
  );
  return (
    <div className="flex flex-col gap-2" data-source={id}>
      <h3 className="text-sm font-semibold text-text">{label}</h3>
      <CodeEditor
        highlight={highlight}
        label={label}
        language={language}
        onChange={onChange}
        problems={problems}
        testId={`editor-${id}`}
        value={text}
      />
      <ProblemList problems={problems} testId={`problems-${id}`} />
    </div>
  );
}
