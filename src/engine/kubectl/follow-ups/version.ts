import { failed, type Handler } from './handler';

/** version.go: the client's version, kustomize's, then the server's. */
export const versionHandler: Handler = (parsed, session) => {
  const lines = ['Client Version: v1.31.0', 'Kustomize Version: v5.4.2'];
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      session.print(lines.join('\n'));
      session.fail(trace);
      return;
    }
    lines.push(`Server Version: ${(trace.response.body as { gitVersion?: string }).gitVersion ?? ''}`);
  }
  session.print(lines.join('\n'));
};
