import { failed, type Handler } from './handler';

/**
 * patch.go: per object the builder's GET, then the PATCH; `patched`, or `patched (no change)` when
 * the server wrote nothing. A failed GET reaches the visitor as its error (ContinueOnError), so
 * that object is reported and not patched.
 */
export const patchHandler: Handler = (parsed, session) => {
  let skipPatch = false;
  for (const request of parsed.requests()) {
    if (request.method === 'PATCH' && skipPatch) continue;
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      skipPatch = request.method === 'GET';
      continue;
    }
    skipPatch = false;
    if (request.method === 'GET') continue;
    const storage = trace.stages.find((s) => s.stage === 'storage');
    const unchanged = storage?.message.id === 'storage.unchanged';
    session.print(
      unchanged ? trace.kubectlOutput.replace(/ patched/, ' patched (no change)') : trace.kubectlOutput,
    );
  }
};
