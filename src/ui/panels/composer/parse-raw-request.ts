/**
 * Raw HTTP mode: what the learner typed (method, path, `Name: value` header lines, body) → the
 * HttpRequest the engine sends. Pure, and it never throws: mistakes come back as errors naming
 * the field (and the header line), as message ids the form translates.
 */

import { type HttpMethod, type HttpRequest, SERVER_URL } from '../../../engine';
import type { MessageKey } from '../../../i18n';

/** The methods the Method select offers, in the order curl users expect. */
export const RAW_METHODS: readonly HttpMethod[] = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
];

export interface RawRequestInput {
  readonly method: string;
  readonly path: string;
  /** One `Name: value` per line; blank lines are ignored. */
  readonly headers: string;
  /** Sent as typed; an empty (or blank) body means no body. */
  readonly body: string;
}

export type RawRequestField = 'method' | 'path' | 'headers' | 'body';

export interface RawRequestError {
  readonly field: RawRequestField;
  /** For header problems: the 1-based line of the headers box. */
  readonly line?: number;
  readonly message: MessageKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

export type RawRequestResult =
  | { readonly ok: true; readonly request: HttpRequest }
  | { readonly ok: false; readonly errors: readonly RawRequestError[] };

/** The headers a new raw request starts with: what a JSON client would send. */
export const DEFAULT_RAW_HEADERS = 'Accept: application/json\nContent-Type: application/json';

/** RFC 9110 token characters, the only ones a header name may hold (net/http's isTokenTable). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Go's textproto.CanonicalMIMEHeaderKey: `content-type` → `Content-Type`. The engine reads header
 * names in canonical case, as net/http hands them to the apiserver.
 */
export function canonicalHeaderName(name: string): string {
  return name
    .split('-')
    .map((part) => (part === '' ? part : part[0]?.toUpperCase() + part.slice(1).toLowerCase()))
    .join('-');
}

function isMethod(method: string): method is HttpMethod {
  return (RAW_METHODS as readonly string[]).includes(method);
}

/**
 * The path with its query. A full URL of the simulated server (or any https URL) is accepted and
 * cut down to its path, so a line pasted from a -v=8 log or a curl command works.
 */
function parsePath(raw: string): { path?: string; error?: RawRequestError } {
  let path = raw.trim();
  if (path.startsWith(SERVER_URL)) path = path.slice(SERVER_URL.length) || '/';
  else if (/^https?:\/\//i.test(path)) {
    const rest = path.replace(/^https?:\/\/[^/?#]*/i, '');
    path = rest === '' ? '/' : rest;
  }
  if (path === '') return { error: { field: 'path', message: 'raw.error.pathEmpty' } };
  if (!path.startsWith('/')) return { error: { field: 'path', message: 'raw.error.pathSlash' } };
  if (/\s/.test(path)) return { error: { field: 'path', message: 'raw.error.pathSpace' } };
  return { path: path.replace(/#.*$/, '') };
}

/** `Name: value` lines → headers; a repeated name joins its values with `, ` (RFC 9110 list form). */
function parseHeaders(text: string): { headers: Record<string, string>; errors: RawRequestError[] } {
  const headers: Record<string, string> = {};
  const errors: RawRequestError[] = [];
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    if (rawLine.trim() === '') continue;
    const colon = rawLine.indexOf(':');
    if (colon === -1) {
      errors.push({ field: 'headers', line, message: 'raw.error.headerColon', values: { line } });
      continue;
    }
    const name = rawLine.slice(0, colon).trim();
    if (name === '' || !TOKEN.test(name)) {
      errors.push({ field: 'headers', line, message: 'raw.error.headerName', values: { line, name } });
      continue;
    }
    const canonical = canonicalHeaderName(name);
    const value = rawLine.slice(colon + 1).trim();
    headers[canonical] = headers[canonical] === undefined ? value : `${headers[canonical]}, ${value}`;
  }
  return { headers, errors };
}

/** Builds the request, or says everything that is wrong with the input at once. */
export function parseRawRequest(input: RawRequestInput): RawRequestResult {
  const errors: RawRequestError[] = [];
  const method = input.method.trim().toUpperCase();
  if (!isMethod(method)) errors.push({ field: 'method', message: 'raw.error.method', values: { method } });
  const path = parsePath(input.path);
  if (path.error !== undefined) errors.push(path.error);
  const headers = parseHeaders(input.headers);
  errors.push(...headers.errors);
  if (errors.length > 0 || !isMethod(method) || path.path === undefined) return { ok: false, errors };
  const hasBody = input.body.trim() !== '';
  return {
    ok: true,
    request: {
      method,
      path: path.path,
      headers: headers.headers,
      ...(hasBody ? { body: input.body } : {}),
    },
  };
}

/** The errors for one field, for the form's inline messages. */
export function errorsFor(result: RawRequestResult, field: RawRequestField): readonly RawRequestError[] {
  return result.ok ? [] : result.errors.filter((error) => error.field === field);
}
