import { ArrowRight } from 'lucide-react';
import { useMemo } from 'react';
import { type Credential, type HttpRequest, type Trace, toCurl } from '../../../engine';
import { useT } from '../../../i18n';
import { CodeBlock } from '../../components/CodeBlock';
import { Disclosure } from '../../components/Disclosure';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { outcomeOfStatus } from '../../components/outcome-style';
import { formatRequestLog, type LogLineKind, statusText } from './request-log';

interface RequestLogProps {
  /** Every request the command sent, in order (KubectlRun.traces), follow-ups included. */
  readonly traces: readonly Trace[];
  /** The sender's credential: its Authorization header is shown, masked as kubectl masks it. */
  readonly credential?: Credential;
  /** The request the animation is showing, marked in the list. */
  readonly activeIndex?: number;
  /** When the first request was sent; a fixed time by default, so the log is reproducible. */
  readonly start?: Date;
}

/** Line colours in the terminal block: the URL and status stand out, headers recede. */
const LINE_TONE: Readonly<Record<LogLineKind, string>> = {
  requestBody: 'text-terminal-muted',
  url: 'text-terminal-text font-semibold',
  requestHeaders: 'text-terminal-muted',
  header: 'text-terminal-muted',
  status: 'text-terminal-text font-semibold',
  responseHeaders: 'text-terminal-muted',
  responseBody: 'text-terminal-text',
};

function safeCurl(request: HttpRequest, credential: Credential | undefined): string {
  try {
    return toCurl(request, credential);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * kubectl's `-v=8` log of every request a command sent, request by request: the URL, the headers
 * (the credential masked), the status and the body, then the same request as curl.
 */
export function RequestLog({ traces, credential, activeIndex, start }: RequestLogProps) {
  const t = useT();
  const entries = useMemo(() => formatRequestLog(traces, { credential, start }), [traces, credential, start]);
  if (entries.length === 0) {
    return (
      <p className="text-sm text-muted" data-testid="request-log">
        {t('log.empty')}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3" data-testid="request-log">
      <p className="text-xs text-muted">{t('log.simulated')}</p>
      <ol className="flex flex-col gap-4">
        {entries.map(({ index, trace, lines }) => {
          const isActive = index === activeIndex;
          const n = index + 1;
          return (
            <li
              aria-current={isActive ? 'step' : undefined}
              className={`flex flex-col gap-2 rounded-lg border p-3 ${isActive ? 'border-accent bg-accent-soft' : 'border-border'}`}
              data-active={isActive ? 'true' : undefined}
              data-request-index={index}
              data-status={trace.response.status}
              key={n}
            >
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium text-text">
                  {t('log.request', { n, count: entries.length })}
                </span>
                <span className="rounded-md bg-accent-soft px-1.5 py-0.5 font-mono text-xs font-bold text-accent">
                  {trace.request.method}
                </span>
                <span className="min-w-0 flex-1 break-all font-mono text-sm text-text">
                  {trace.request.path}
                </span>
                {isActive && (
                  <span className="inline-flex items-center gap-1 text-xs font-medium text-accent">
                    <ArrowRight aria-hidden="true" className="size-4" />
                    {t('log.active')}
                  </span>
                )}
                <OutcomeBadge
                  outcome={outcomeOfStatus(trace.response.status)}
                  size="sm"
                  text={statusText(trace.response.status)}
                />
              </div>
              <pre
                className="overflow-x-auto rounded-lg bg-terminal p-3 font-mono text-[0.8125rem] leading-relaxed"
                data-testid="request-log-lines"
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (axe scrollable-region-focusable)
                tabIndex={0}
                title={t('log.label', { n })}
              >
                {/* klog's microsecond stamp makes every line of a request's log distinct. */}
                {lines.map((line) => (
                  <span
                    className={`block whitespace-pre ${LINE_TONE[line.kind]}`}
                    data-log-line={line.kind}
                    key={line.text}
                  >
                    {line.text}
                  </span>
                ))}
              </pre>
              <Disclosure summary={t('log.curl')}>
                <CodeBlock label={t('log.curl')} testId="request-log-curl" tone="terminal">
                  {safeCurl(trace.request, credential)}
                </CodeBlock>
              </Disclosure>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
