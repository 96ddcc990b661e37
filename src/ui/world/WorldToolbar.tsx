import { Download, FileDown, Link2, RotateCcw, Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { useT } from '../../i18n';
import { exportScript } from '../../scenarios/export-script';
import { MAX_SCENARIO_BYTES } from '../../scenarios/format';
import { parseScenario } from '../../scenarios/parse';
import { serializeScenario } from '../../scenarios/serialize';
import { splitScenario } from '../../scenarios/sources';
import { tooLargeMessage } from '../../scenarios/yaml-safe';
import { useAppStoreApi } from '../../store/context';
import { resetToLessonOperation } from '../../store/operations';
import { createShareLink } from '../../store/share';
import { downloadText } from './download';

const BUTTON =
  'inline-flex h-9 items-center gap-1.5 rounded-lg border border-border px-2.5 text-sm font-medium text-text hover:bg-subtle';

type Message = {
  readonly tone: 'info' | 'error';
  readonly text: string;
  readonly testId: string;
  readonly url?: string;
};

/** Share, export (scenario file, kubectl script), import and reset to the lesson. */
export function WorldToolbar() {
  const t = useT();
  const store = useAppStoreApi();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const lastGood = () => store.getState().scenario.document;
  const brokenNote = () =>
    Object.keys(store.getState().problems).length > 0 ? ` ${t('world.brokenNoExport')}` : '';

  const copyLink = async () => {
    const text = serializeScenario(lastGood());
    const link = createShareLink(text, window.location.href.split('#')[0] ?? '');
    if (!link.ok) {
      setMessage({
        tone: 'error',
        text: t('world.linkTooLong', { length: link.length, limit: link.limit }),
        testId: 'share-too-long',
      });
      return;
    }
    try {
      await navigator.clipboard.writeText(link.url);
      setMessage({
        tone: 'info',
        text: t('world.linkCopied') + brokenNote(),
        testId: 'share-copied',
        url: link.url,
      });
    } catch {
      setMessage({ tone: 'info', text: t('world.linkReady'), testId: 'share-copied', url: link.url });
    }
  };

  const importFile = async (file: File) => {
    if (file.size > MAX_SCENARIO_BYTES) {
      setMessage({
        tone: 'error',
        text: t('world.importFailed', { message: tooLargeMessage() }),
        testId: 'import-error',
      });
      return;
    }
    const text = await file.text();
    const parsed = parseScenario(text);
    if (!parsed.ok) {
      const p = parsed.problems[0];
      const message =
        p?.position === undefined
          ? (p?.message ?? '')
          : t('world.problem', { line: p.position.line, column: p.position.column, message: p.message });
      setMessage({
        tone: 'error',
        text: t('world.importFailed', { message }),
        testId: 'import-error',
      });
      return;
    }
    store.getState().replaceScenario(splitScenario(parsed.value, text), {
      key: 'history.import',
      values: { name: file.name },
    });
    setMessage({ tone: 'info', text: t('world.imported', { name: file.name }), testId: 'import-done' });
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-1.5">
        <button className={BUTTON} data-testid="share-link" onClick={() => void copyLink()} type="button">
          <Link2 aria-hidden="true" className="size-4" />
          {t('world.copyLink')}
        </button>
        <button
          className={BUTTON}
          data-testid="export-yaml"
          onClick={() =>
            downloadText(
              `${lastGood().metadata.name}.scenario.yaml`,
              serializeScenario(lastGood()),
              'application/yaml',
            )
          }
          type="button"
        >
          <Download aria-hidden="true" className="size-4" />
          {t('world.exportYaml')}
        </button>
        <button
          className={BUTTON}
          data-testid="export-script"
          onClick={() =>
            downloadText(`${lastGood().metadata.name}.sh`, exportScript(lastGood()), 'text/x-shellscript')
          }
          type="button"
        >
          <FileDown aria-hidden="true" className="size-4" />
          {t('world.exportScript')}
        </button>
        <button
          className={BUTTON}
          data-testid="import-file"
          onClick={() => fileInput.current?.click()}
          type="button"
        >
          <Upload aria-hidden="true" className="size-4" />
          {t('world.import')}
        </button>
        <input
          accept=".yaml,.yml,application/yaml,text/yaml"
          aria-label={t('world.import')}
          className="sr-only"
          data-testid="import-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file !== undefined) void importFile(file);
          }}
          ref={fileInput}
          tabIndex={-1}
          type="file"
        />
        <button
          className={BUTTON}
          data-operation={resetToLessonOperation.id}
          data-testid="reset-to-lesson"
          onClick={() => resetToLessonOperation.perform(store)}
          type="button"
        >
          <RotateCcw aria-hidden="true" className="size-4" />
          {t(resetToLessonOperation.labelKey)}
        </button>
      </div>
      {message !== undefined && (
        <div
          className={`flex flex-col gap-1.5 rounded-lg border p-2.5 text-sm ${message.tone === 'error' ? 'border-failed bg-failed-soft text-failed' : 'border-border bg-subtle text-text'}`}
          data-testid={message.testId}
          role={message.tone === 'error' ? 'alert' : undefined}
        >
          <p>{message.text}</p>
          {message.url !== undefined && (
            <input
              aria-label={t('world.copyLink')}
              className="h-8 w-full rounded border border-border bg-panel px-2 font-mono text-xs text-text"
              data-testid="share-url"
              onFocus={(e) => e.target.select()}
              readOnly
              value={message.url}
            />
          )}
        </div>
      )}
    </div>
  );
}
