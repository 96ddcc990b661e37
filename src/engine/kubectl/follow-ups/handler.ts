/**
 * What every command's follow-up works with: the Session that sends requests one at a time and
 * collects what kubectl prints, and the Handler that plays one parsed command through it.
 */
import { renderKubectlOutput } from '../../responses/kubectl-output';
import { isStatus } from '../../responses/status';
import type { HttpRequest, Status, Trace } from '../../types';
import type { KubectlContext } from '../context';
import type { ParsedKubectl } from '../parse';

/** What one kubectl invocation did. */
export interface KubectlRun {
  /** Every request sent, in order, with what the server did with it. */
  readonly traces: readonly Trace[];
  /** What kubectl prints (stdout and stderr in order, without a final newline). */
  readonly output: string;
  /** kubectl's exit code: 0, or 1 once any error was printed. */
  readonly exitCode: number;
}

/** Sends one request to the server and returns its trace (cluster.send bound to a user). */
export type SendRequest = (request: HttpRequest) => Trace;

export class Session {
  readonly traces: Trace[] = [];
  readonly lines: string[] = [];
  exitCode = 0;

  constructor(private readonly sendRequest: SendRequest) {}

  send(request: HttpRequest): Trace {
    const trace = this.sendRequest(request);
    this.traces.push(trace);
    return trace;
  }

  print(text: string): void {
    if (text !== '') this.lines.push(text);
  }

  error(text: string): void {
    this.exitCode = 1;
    this.print(text);
  }

  /** Prints the trace's error, optionally with cmdutil.AddSourceToErr's `error when <verb> "<file>": ` prefix. */
  fail(trace: Trace, prefix = ''): void {
    this.error(renderFailure(trace, prefix));
  }

  result(): KubectlRun {
    return { traces: this.traces, output: this.lines.join('\n'), exitCode: this.exitCode };
  }
}

export function failed(trace: Trace): boolean {
  return trace.response.status >= 400;
}

/** cmdutil.AddSourceToErr: the prefix goes into the Status message, then checkErr prints it. */
function renderFailure(trace: Trace, prefix: string): string {
  const body = trace.response.body;
  if (prefix === '' || !isStatus(body)) return trace.kubectlOutput;
  const status: Status = { ...body, message: `${prefix}${body.message ?? ''}` };
  return renderKubectlOutput(trace.request, trace.requestInfo, {
    status: trace.response.status,
    body: status,
  });
}

export type Handler = (parsed: ParsedKubectl, session: Session, ctx: KubectlContext) => void;

/** Commands whose requests do not depend on earlier answers: send them all, print each answer. */
export function sendAll(
  parsed: ParsedKubectl,
  session: Session,
  _ctx?: KubectlContext,
  sources: readonly string[] = [],
): void {
  parsed.requests().forEach((request, i) => {
    const trace = session.send(request);
    const source = sources[i];
    if (failed(trace))
      session.fail(trace, source === undefined ? '' : `error when creating ${JSON.stringify(source)}: `);
    else session.print(trace.kubectlOutput);
  });
}
