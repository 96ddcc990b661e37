import { FileCode } from 'lucide-react';
import { useId } from 'react';
import { useT } from '../../../i18n';
import { useAppStore, useAppStoreApi } from '../../../store/context';
import { fileNamesOf } from '../../../store/file-names';
import { selectCommand, selectFiles } from '../../../store/selectors';

function FileEditor({ name, content }: { readonly name: string; readonly content: string }) {
  const t = useT();
  const store = useAppStoreApi();
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-1.5 font-mono text-xs font-medium text-text" htmlFor={id}>
        <FileCode aria-hidden="true" className="size-3.5 text-muted" />
        {name}
      </label>
      <textarea
        className="min-h-32 w-full resize-y rounded-lg border border-border-strong bg-panel p-2 font-mono text-xs leading-relaxed text-text"
        data-file={name}
        id={id}
        onChange={(e) => store.getState().setFile(name, e.target.value)}
        placeholder={t('composer.file.missing', { name })}
        rows={8}
        spellCheck={false}
        value={content}
      />
    </div>
  );
}

/** A plain textarea per file the command reads with `-f` (a code editor comes later). */
export function FileEditors() {
  const t = useT();
  const command = useAppStore(selectCommand);
  const files = useAppStore(selectFiles);
  const names = fileNamesOf(command);
  if (names.length === 0) return null;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-medium text-text">{t('composer.files')}</legend>
      {names.map((name) => (
        <FileEditor content={files[name] ?? ''} key={name} name={name} />
      ))}
    </fieldset>
  );
}
