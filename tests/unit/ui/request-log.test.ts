import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../src/engine/types';
import {
  formatRequestLog,
  klogHeader,
  MAX_LOGGED_BODY,
  maskHeaderValue,
  requestLogText,
  statusText,
  truncateBody,
  wireHeaders,
} from '../../../src/ui/panels/composer/request-log';
import { ALICE_CREDENTIAL, kubectl, makeCluster } from './panel-helpers';

const texts = (trace: readonly Trace[], credential = ALICE_CREDENTIAL) =>
  formatRequestLog(trace, { credential }).flatMap((e) => e.lines.map((l) => l.text));

describe('The -v=8 request log', () => {
  it('prints klog headers: level, date, time with microseconds, the pid in 7 columns, file:line', () => {
    expect(klogHeader(new Date('2024-11-23T14:00:00.000Z'), 0, 12345, 'round_trippers.go:463')).toBe(
      'I1123 14:00:00.000000   12345 round_trippers.go:463] ',
    );
    expect(klogHeader(new Date('2024-01-02T03:04:05.678Z'), 9, 7, 'x.go:1')).toBe(
      'I0102 03:04:05.678009       7 x.go:1] ',
    );
  });

  it('masks Authorization as round_trippers.go maskValue does', () => {
    expect(maskHeaderValue('Authorization', 'Bearer abc.def')).toBe('Bearer <masked>');
    expect(maskHeaderValue('authorization', 'Basic dXNlcjpwdw==')).toBe('Basic <masked>');
    expect(maskHeaderValue('Authorization', 'Bearer')).toBe('Bearer');
    expect(maskHeaderValue('Authorization', 'Token xyz')).toBe('<masked>');
    expect(maskHeaderValue('Accept', 'application/json')).toBe('application/json');
  });

  it('adds the credential the transport sends: a bearer token, but no header for a client certificate', () => {
    const request = { method: 'GET' as const, path: '/api', headers: { Accept: 'application/json' } };
    expect(wireHeaders(request, ALICE_CREDENTIAL)).toContainEqual(['Authorization', 'Bearer <masked>']);
    const x509 = wireHeaders(request, { type: 'x509', commonName: 'admin' });
    expect(x509.map(([name]) => name)).not.toContain('Authorization');
  });

  it('logs a forbidden delete the way kubectl -v=8 does, token masked', () => {
    const cluster = makeCluster();
    const run = kubectl(cluster, 'alice', 'kubectl delete pod nginx');
    const lines = texts(run.traces);
    const messages = lines.map((l) => l.slice(l.indexOf('] ') + 2));
    expect(messages).toContain('DELETE https://127.0.0.1:6443/api/v1/namespaces/default/pods/nginx');
    expect(messages).toContain('Request Headers:');
    expect(messages).toContain('    Authorization: Bearer <masked>');
    expect(messages).toContain('    User-Agent: kubectl/v1.31.0 (linux/amd64) kubernetes/9befc2b');
    expect(messages.some((m) => /^Response Status: 403 Forbidden in \d+ milliseconds$/.test(m))).toBe(true);
    expect(messages.find((m) => m.startsWith('Response Body: '))).toContain('"reason":"Forbidden"');
    expect(lines.join('\n')).not.toContain('t0k3n');
  });

  it('logs the request body before the URL line, as rest.Request.Body does', () => {
    const cluster = makeCluster();
    const run = kubectl(cluster, 'admin', 'kubectl run nginx --image=nginx');
    const [entry] = formatRequestLog(run.traces);
    const kinds = entry?.lines.map((l) => l.kind) ?? [];
    expect(kinds.indexOf('requestBody')).toBeLessThan(kinds.indexOf('url'));
    expect(entry?.lines.find((l) => l.kind === 'status')?.text).toMatch(/Response Status: 201 Created in/);
  });

  it('shows every request of a multi-request command, in order, each later than the last', () => {
    const cluster = makeCluster();
    kubectl(cluster, 'admin', 'kubectl run a --image=nginx');
    kubectl(cluster, 'admin', 'kubectl run b --image=nginx');
    const run = kubectl(cluster, 'admin', 'kubectl delete pods --all');
    const entries = formatRequestLog(run.traces);
    expect(entries.length).toBe(run.traces.length);
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.map((e) => e.trace.request.method)).toEqual(run.traces.map((t) => t.request.method));
    const stamps = entries.map((e) => e.lines[0]?.text.slice(6, 21) ?? '');
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('does not log the body of a watch, which a stream decoder reads', () => {
    const cluster = makeCluster();
    const run = kubectl(cluster, 'admin', 'kubectl get pods -w');
    const watch = formatRequestLog(run.traces).find((e) => e.trace.requestInfo.verb === 'watch');
    expect(watch).toBeDefined();
    expect(watch?.lines.some((l) => l.kind === 'responseBody')).toBe(false);
  });

  it('truncates bodies past 1024 characters, saying how many were left out', () => {
    const body = 'x'.repeat(MAX_LOGGED_BODY + 10);
    expect(truncateBody(body)).toBe(`${'x'.repeat(MAX_LOGGED_BODY)} [truncated 10 chars]`);
    expect(truncateBody('short')).toBe('short');
  });

  it('names statuses as Go does, and joins the log into text', () => {
    expect(statusText(422)).toBe('422 Unprocessable Entity');
    expect(statusText(299)).toBe('299');
    const cluster = makeCluster();
    const text = requestLogText(formatRequestLog(kubectl(cluster, 'admin', 'kubectl get pods').traces));
    expect(text.split('\n')[0]).toMatch(/^I1123 14:00:00\.\d{6} {3}12345 round_trippers\.go:463\] GET /);
  });
});
