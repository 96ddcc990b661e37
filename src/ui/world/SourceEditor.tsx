import type { SourceId } from '../../scenarios/sources';
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
  const { text, problems, onChange } = useSourceEditor(id);
  return (
    <div className="flex flex-col gap-2" data-source={id}>
      <h3 className="text-sm font-semibold text-text">{label}</h3>
      <CodeEditor
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
