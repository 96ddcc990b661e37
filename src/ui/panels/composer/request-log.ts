/**
 * kubectl's `-v=8` log of the requests a command sent, built from the traces. Pure: traces in,
 * lines out.
 *
 * The shape follows client-go v1.31. At -v=8, transport/round_trippers.go DebugWrappers turns on
 * DebugJustURL, DebugRequestHeaders, DebugResponseStatus and DebugResponseHeaders:
 *   `GET <url>`, `Request Headers:`, `    <Name>: <value>` (maskValue hides credentials),
 *   `Response Status: <status> in <n> milliseconds`, `Response Headers:`, `    <Name>: <value>`.
 * rest/request.go glogBody logs `Request Body: …` when the body is set (so before the URL line) and
 * `Response Body: …` when the response is decoded, truncated to 1024 characters at -v=8
 * (truncateBody). A watch or a log stream is read by a stream decoder, so its body is not logged.
 *
 * Simulated: the times, the process id and the source line numbers (those of a v1.31 build, given
 * for flavour); the response headers, which the simulator does not produce, are the few an
 * apiserver always sends; Go prints headers in random map order, this log in a fixed one.
 */

import {
  type Credential,
  HTTP_REASON,
  type HttpRequest,
  presentCredential,
  SERVER_URL,
  type Trace,
} from '../../../engine';

/** What a line says, so the view can style it (the text alone is what kubectl prints). */
export type LogLineKind =
  | 'requestBody'
  | 'url'
  | 'requestHeaders'
  | 'header'
  | 'status'
  | 'responseHeaders'
  | 'responseBody';

export interface LogLine {
  readonly kind: LogLineKind;
  /** The whole line as klog prints it, header included. */
  readonly text: string;
}

/** The log of one request, with the trace it came from. */
export interface RequestLogEntry {
  /** 0-based position of the request in the command's run. */
  readonly index: number;
  readonly trace: Trace;
  readonly lines: readonly LogLine[];
  /** Simulated round-trip time in milliseconds. */
  readonly milliseconds: number;
}

export interface RequestLogOptions {
  /** The credential the request was sent with, to show the header client-go adds for it. */
  readonly credential?: Credential;
  /** When the first request starts; a fixed date by default, so the log is reproducible. */
  readonly start?: Date;
  /** The kubectl process id klog prints. */
  readonly pid?: number;
}

/** Where client-go logs each line from (file:line of a v1.31 build, for flavour). */
export const LOG_SOURCES = {
  url: 'round_trippers.go:463',
  requestHeaders: 'round_trippers.go:469',
  requestHeader: 'round_trippers.go:473',
  status: 'round_trippers.go:574',
  responseHeaders: 'round_trippers.go:577',
  responseHeader: 'round_trippers.go:580',
  body: 'request.go:1212',
} as const;

export const DEFAULT_LOG_START = new Date('2024-11-23T14:00:00.000Z');
export const DEFAULT_PID = 12345;

/** truncateBody at -v=8 (rest/request.go). */
export const MAX_LOGGED_BODY = 1024;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * klog's header: `Lmmdd hh:mm:ss.uuuuuu threadid file:line] ` (k8s.io/klog/v2 formatHeader), with
 * the thread id right-aligned in 7 columns. UTC here, so the log reads the same everywhere.
 */
export function klogHeader(time: Date, microseconds: number, pid: number, source: string): string {
  const date = `${pad(time.getUTCMonth() + 1, 2)}${pad(time.getUTCDate(), 2)}`;
  const clock = `${pad(time.getUTCHours(), 2)}:${pad(time.getUTCMinutes(), 2)}:${pad(time.getUTCSeconds(), 2)}`;
  const micros = pad(time.getUTCMilliseconds() * 1000 + microseconds, 6);
  return `I${date} ${clock}.${micros} ${String(pid).padStart(7, ' ')} ${source}] `;
}

const KNOWN_AUTH_TYPES = new Set(['bearer', 'basic', 'negotiate']);

/** round_trippers.go maskValue: an Authorization header keeps only its scheme. */
export function maskHeaderValue(name: string, value: string): string {
  if (name.toLowerCase() !== 'authorization') return value;
  if (value === '') return '';
  const space = value.indexOf(' ');
  const authType = space > 0 ? value.slice(0, space) : value;
  if (!KNOWN_AUTH_TYPES.has(authType.toLowerCase())) return '<masked>';
  return value.length > authType.length + 1 ? `${authType} <masked>` : authType;
}

/** truncateBody at -v=8: the first 1024 characters and how many were left out. */
export function truncateBody(body: string, max = MAX_LOGGED_BODY): string {
  return body.length <= max ? body : `${body.slice(0, max)} [truncated ${body.length - max} chars]`;
}

/** Go's resp.Status: `403 Forbidden`. */
export function statusText(status: number): string {
  const reason = HTTP_REASON[status];
  return reason === undefined ? String(status) : `${status} ${reason}`;
}

/**
 * The headers as they go on the wire: the request's own plus what the transport adds for the
 * credential (a bearer token's `Authorization`; a client certificate adds no header). Masked.
 */
export function wireHeaders(request: HttpRequest, credential?: Credential): [string, string][] {
  const sent = credential === undefined ? request : presentCredential(request, credential).request;
  return Object.entries(sent.headers).map(([name, value]) => [name, maskHeaderValue(name, value)]);
}

/** The response body as the server wrote it (compact JSON), or undefined when kubectl logs none. */
function loggedResponseBody(trace: Trace): string | undefined {
  const body = trace.response.body;
  if (body === undefined || body === null || typeof body === 'string') return undefined;
  if (trace.requestInfo.verb === 'watch' || Array.isArray(body)) return undefined;
  return JSON.stringify(body);
}

/** The response headers every apiserver answer carries, plus one `Warning` per 299 warning. */
function responseHeaders(trace: Trace, date: Date): [string, string][] {
  const headers: [string, string][] = [
    ['Cache-Control', 'no-cache, private'],
    ['Content-Type', 'application/json'],
    ['Date', date.toUTCString()],
  ];
  for (const warning of trace.response.warnings ?? [])
    headers.push(['Warning', `299 - ${JSON.stringify(warning)}`]);
  return headers;
}

/**
 * A plausible round trip for the simulator: one millisecond, plus one per stage that ran. Not a
 * measurement; it only makes a request that went further take a little longer.
 */
export function simulatedMilliseconds(trace: Trace): number {
  return 1 + trace.stages.filter((s) => s.outcome !== 'skipped').length;
}

/** The -v=8 log of every request, in the order they were sent. */
export function formatRequestLog(
  traces: readonly Trace[],
  { credential, start = DEFAULT_LOG_START, pid = DEFAULT_PID }: RequestLogOptions = {},
): RequestLogEntry[] {
  let clock = start.getTime();
  return traces.map((trace, index) => {
    const lines: LogLine[] = [];
    let micros = 0;
    const at = (time: number, source: string) => {
      micros += 17;
      return klogHeader(new Date(time), micros % 1000, pid, source);
    };
    const sentAt = clock;
    const push = (kind: LogLineKind, time: number, source: string, message: string) =>
      lines.push({ kind, text: `${at(time, source)}${message}` });

    const { request } = trace;
    if (request.body !== undefined && request.body !== '')
      push('requestBody', sentAt, LOG_SOURCES.body, `Request Body: ${truncateBody(request.body)}`);
    push('url', sentAt, LOG_SOURCES.url, `${request.method} ${SERVER_URL}${request.path}`);
    push('requestHeaders', sentAt, LOG_SOURCES.requestHeaders, 'Request Headers:');
    for (const [name, value] of wireHeaders(request, credential))
      push('header', sentAt, LOG_SOURCES.requestHeader, `    ${name}: ${value}`);

    const milliseconds = simulatedMilliseconds(trace);
    const doneAt = sentAt + milliseconds;
    push(
      'status',
      doneAt,
      LOG_SOURCES.status,
      `Response Status: ${statusText(trace.response.status)} in ${milliseconds} milliseconds`,
    );
    push('responseHeaders', doneAt, LOG_SOURCES.responseHeaders, 'Response Headers:');
    for (const [name, value] of responseHeaders(trace, new Date(doneAt)))
      push('header', doneAt, LOG_SOURCES.responseHeader, `    ${name}: ${value}`);
    const body = loggedResponseBody(trace);
    if (body !== undefined)
      push('responseBody', doneAt, LOG_SOURCES.body, `Response Body: ${truncateBody(body)}`);

    clock = doneAt + 1;
    return { index, trace, lines, milliseconds };
  });
}

/** The whole log as text, one line per klog line. */
export function requestLogText(entries: readonly RequestLogEntry[]): string {
  return entries.flatMap((entry) => entry.lines.map((line) => line.text)).join('\n');
}
