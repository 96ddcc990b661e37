import { FileCode } from 'lucide-react';
import { useMemo } from 'react';
import { useT } from '../../i18n';
import { parseManifests } from '../../scenarios/yaml-safe';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { fileNamesOf } from '../../store/file-names';
import { selectCommand, selectFiles } from '../../store/selectors';
import { CodeEditor } from './CodeEditor';
import { SourceEditor } from './SourceEditor';

const NONE: readonly never[] = [];

/** A request body file (create/apply/replace -f) in CodeMirror, with its YAML problems inline. */
function RequestFile({ name, content }: { readonly name: string; readonly content: string }) {
  const store = useAppStoreApi();
  const problems = useMemo(() => {
    const parsed = parseManifests(content);
    return parsed.ok ? NONE : parsed.problems;
  }, [content]);
  return (
    <div className="flex flex-col gap-1" data-request-file={name}>
      <h4 className="flex items-center gap-1.5 font-mono text-sm text-text">
        <FileCode aria-hidden="true" className="size-4 text-muted" />
        {name}
      </h4>
      <CodeEditor
        label={name}
        minHeight="8rem"
        onChange={(text) => store.getState().setFile(name, text)}
        problems={problems}
        testId={`editor-file-${name}`}
        value={content}
      />
    </div>
  );
}

/** The objects etcd starts with, and the files the current command sends. */
export function ObjectsTab() {
  const t = useT();
  const command = useAppStore(selectCommand);
  const files = useAppStore(selectFiles);
  const names = fileNamesOf(command);
  return (
    <div className="flex flex-col gap-4">
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold text-text">{t('objects.files')}</h3>
        {names.length === 0 ? (
          <p className="text-sm text-muted">{t('objects.filesNone')}</p>
        ) : (
          names.map((name) => <RequestFile content={files[name] ?? ''} key={name} name={name} />)
        )}
      </section>
      <SourceEditor id="objects" label={t('objects.yaml')} />
    </div>
  );
}
