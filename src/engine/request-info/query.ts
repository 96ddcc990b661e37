/**
 * A URL query parser with Go's `url.ParseQuery` semantics: `+` is a space, `%XX` is decoded, pairs
 * split on `&` and a key may repeat. Kept by hand so the engine does not depend on URLSearchParams'
 * WHATWG quirks (it accepts `;` differently) and stays obviously pure.
 */

/** The pairs of a query string (without the leading `?`), in order. Malformed escapes are kept as written. */
export function parseQuery(query: string): ReadonlyArray<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    pairs.push([unescapeQuery(key), unescapeQuery(value)]);
  }
  return pairs;
}

/** All values of `key`, in order (Go's `url.Values[key]`). */
export function queryValues(pairs: ReadonlyArray<readonly [string, string]>, key: string): string[] {
  return pairs.filter(([k]) => k === key).map(([, v]) => v);
}

function unescapeQuery(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}
