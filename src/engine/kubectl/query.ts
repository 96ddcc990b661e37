/**
 * Query strings as client-go writes them: `url.Values.Encode()` sorts by key (keeping the order of
 * repeated values) and escapes with `url.QueryEscape` (space → `+`, everything but A-Z a-z 0-9 - _ . ~
 * percent-encoded). Values come from metav1 ListOptions/CreateOptions/… via the parameter codec,
 * which leaves out empty (omitempty) fields.
 */

export type QueryParams = ReadonlyArray<readonly [string, string]>;

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Go's url.Values.Encode: keys sorted (byte order), repeated keys keep their value order. */
export function encodeQuery(params: QueryParams): string {
  const keys = [...new Set(params.map(([k]) => k))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  for (const key of keys) {
    for (const [k, v] of params) if (k === key) parts.push(`${queryEscape(k)}=${queryEscape(v)}`);
  }
  return parts.join('&');
}

/** `path?query`, or just `path` when there are no parameters. */
export function withQuery(path: string, params: QueryParams): string {
  const query = encodeQuery(params);
  return query === '' ? path : `${path}?${query}`;
}
