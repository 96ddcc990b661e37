import { describe, expect, it } from 'vitest';
import {
  canonicalHeaderName,
  DEFAULT_RAW_HEADERS,
  errorsFor,
  parseRawRequest,
  type RawRequestInput,
} from '../../../src/ui/panels/composer/parse-raw-request';

const input = (overrides: Partial<RawRequestInput> = {}): RawRequestInput => ({
  method: 'GET',
  path: '/api/v1/namespaces/default/pods',
  headers: DEFAULT_RAW_HEADERS,
  body: '',
  ...overrides,
});

describe('Parsing a raw HTTP request', () => {
  it('builds the request from method, path and headers, with no body when the box is empty', () => {
    const result = parseRawRequest(input());
    expect(result).toEqual({
      ok: true,
      request: {
        method: 'GET',
        path: '/api/v1/namespaces/default/pods',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      },
    });
  });

  it('keeps the body exactly as typed', () => {
    const body = '{"apiVersion":"v1","kind":"Pod"}\n';
    const result = parseRawRequest(input({ method: 'POST', body }));
    expect(result.ok && result.request.body).toBe(body);
  });

  it('puts header names in canonical case, as net/http does', () => {
    expect(canonicalHeaderName('content-type')).toBe('Content-Type');
    expect(canonicalHeaderName('IMPERSONATE-USER')).toBe('Impersonate-User');
    const result = parseRawRequest(input({ headers: 'impersonate-user: bob\n\naccept:application/json' }));
    expect(result.ok && result.request.headers).toEqual({
      'Impersonate-User': 'bob',
      Accept: 'application/json',
    });
  });

  it('joins a repeated header into one comma-separated value', () => {
    const result = parseRawRequest(input({ headers: 'Impersonate-Group: a\nImpersonate-Group: b' }));
    expect(result.ok && result.request.headers['Impersonate-Group']).toBe('a, b');
  });

  it('reports a header line without a colon inline, with its line number, and does not throw', () => {
    const result = parseRawRequest(input({ headers: 'Accept: application/json\nnot a header' }));
    expect(result.ok).toBe(false);
    expect(errorsFor(result, 'headers')).toEqual([
      { field: 'headers', line: 2, message: 'raw.error.headerColon', values: { line: 2 } },
    ]);
  });

  it('reports an invalid header name', () => {
    const result = parseRawRequest(input({ headers: 'Bad Name: x' }));
    expect(errorsFor(result, 'headers')[0]).toMatchObject({ line: 1, message: 'raw.error.headerName' });
  });

  it('reports every problem at once', () => {
    const result = parseRawRequest({ method: 'FETCH', path: 'api', headers: ':x', body: '' });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['method', 'path', 'headers']);
  });

  it('requires a path that starts with / and has no spaces', () => {
    expect(errorsFor(parseRawRequest(input({ path: '' })), 'path')[0]?.message).toBe('raw.error.pathEmpty');
    expect(errorsFor(parseRawRequest(input({ path: 'api/v1' })), 'path')[0]?.message).toBe(
      'raw.error.pathSlash',
    );
    expect(errorsFor(parseRawRequest(input({ path: '/api/v1 x' })), 'path')[0]?.message).toBe(
      'raw.error.pathSpace',
    );
  });

  it('accepts a full URL pasted from a log or curl, keeping the path and query', () => {
    const result = parseRawRequest(input({ path: 'https://127.0.0.1:6443/api/v1/pods?limit=500' }));
    expect(result.ok && result.request.path).toBe('/api/v1/pods?limit=500');
  });

  it('accepts a lower-case method', () => {
    const result = parseRawRequest(input({ method: 'delete' }));
    expect(result.ok && result.request.method).toBe('DELETE');
  });

  it('never throws, whatever is typed', () => {
    for (const text of ['', ':', '\n\n:\n', 'a:b:c', '\u0000: x', '🙂: 🙂']) {
      expect(() => parseRawRequest({ method: text, path: text, headers: text, body: text })).not.toThrow();
    }
  });
});
