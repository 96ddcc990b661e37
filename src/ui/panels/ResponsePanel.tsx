import { CircleAlert, TriangleAlert } from 'lucide-react';
import { HTTP_REASON } from '../../engine';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/context';
import {
  selectActiveTrace,
  selectOutput,
  selectResponseRevealed,
  selectRunError,
  selectTraces,
} from '../../store/selectors';
import { Card } from '../components/Card';
import { CodeBlock, formatJson } from '../components/CodeBlock';
import { Disclosure } from '../components/Disclosure';
import { OUTCOME_STYLES, outcomeOfStatus } from '../components/outcome-style';

/** The answer as the client sees it: status line, kubectl's rendering, the JSON body. */
export function ResponsePanel() {
  const t = useT();
  const trace = useAppStore(selectActiveTrace);
  const revealed = useAppStore(selectResponseRevealed);
  const runError = useAppStore(selectRunError);
  const traces = useAppStore(selectTraces);
  const output = useAppStore(selectOutput);
  // Several requests (apply's GET then PATCH, delete --all…): kubectl prints once for the command.
  const runOutput = traces.length > 1 && output !== undefined ? output : undefined;

  let content: React.ReactNode;
  if (runError !== undefined) {
    content = (
      <p
        className="flex items-start gap-2 rounded-lg border border-failed bg-failed-soft p-3 text-sm text-failed"
        role="alert"
      >
        <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        {t('response.error', { message: runError })}
      </p>
    );
  } else if (trace === undefined || !revealed) {
    content = (
      <p className="text-sm text-muted">{t(trace === undefined ? 'response.empty' : 'response.waiting')}</p>
    );
  } else {
    const { status, body } = trace.response;
    const warnings = trace.response.warnings ?? [];
    const outcome = outcomeOfStatus(status);
    const style = OUTCOME_STYLES[outcome];
    const Icon = style.icon;
    const json = formatJson(body);
    content = (
      <div className="flex flex-col gap-3">
        <p
          className={`flex items-center gap-2 self-start rounded-lg border-2 px-3 py-1.5 font-mono text-lg font-bold ${style.text} ${style.soft} ${style.border}`}
          data-status={status}
          data-testid="response-status"
          role="status"
        >
          <Icon aria-hidden="true" className="size-5 shrink-0" />
          {`${status} ${HTTP_REASON[status] ?? t('response.unknownReason')}`}
        </p>
        {warnings.length > 0 && (
          // kubectl prints each 299 Warning header on stderr before its output (rest/warnings.go).
          <ul
            aria-label={t('response.warnings')}
            className="flex flex-col gap-1"
            data-testid="response-warnings"
          >
            {warnings.map((warning) => (
              <li
                className="flex items-start gap-2 rounded-lg border border-warning px-2.5 py-1.5 font-mono text-[0.8125rem] text-warning"
                key={warning}
              >
                <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                <span className="min-w-0 break-words">{t('response.warning', { text: warning })}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-col gap-1">
          <h3 className="text-xs font-medium text-muted">
            {runOutput === undefined
              ? t('response.kubectl')
              : t('response.kubectl.run', { count: traces.length })}
          </h3>
          <CodeBlock label={t('response.kubectl')} testId="kubectl-output" tone="terminal">
            {runOutput ?? trace.kubectlOutput}
          </CodeBlock>
        </div>
        {json === '' ? (
          <p className="text-sm text-muted">{t('response.noBody')}</p>
        ) : (
          <Disclosure summary={t('response.body')}>
            <CodeBlock label={t('response.body')} testId="response-body">
              {json}
            </CodeBlock>
          </Disclosure>
        )}
      </div>
    );
  }

  return (
    <Card className="h-full" labelId="response-title" testId="response-panel" title={t('response.title')}>
      {content}
    </Card>
  );
}
