/**
 * Just enough of apimachinery's field selector grammar (staging/src/k8s.io/apimachinery/pkg/fields/selector.go)
 * to answer `RequiresExactMatch(field)`: terms split on unescaped commas, operators `!=`, `==`, `=`,
 * and the escapes `\\`, `\,`, `\=`.
 */

export interface ExactMatch {
  /** The value the selector pins `field` to, if it does (`=` or `==`). */
  readonly value?: string;
  /** The selector did not parse; upstream then discards it. */
  readonly error?: string;
}

/** Finds the value that `selector` requires `field` to equal, as fields.Selector.RequiresExactMatch does. */
export function requiresExactMatch(selector: string, field: string): ExactMatch {
  if (selector.trim() === '') return {};
  const terms = splitTerms(selector);
  let value: string | undefined;
  for (const term of terms) {
    const parsed = parseTerm(term);
    if ('error' in parsed) return { error: parsed.error };
    if (parsed.field === field && parsed.op !== '!=' && value === undefined) value = parsed.value;
  }
  return value === undefined ? {} : { value };
}

/** Splits on commas that are not escaped with a backslash (selector.go splitTerms). */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let current = '';
  let escaped = false;
  for (const ch of selector) {
    if (escaped) {
      current += ch;
      escaped = false;
    } else if (ch === '\\') {
      current += ch;
      escaped = true;
    } else if (ch === ',') {
      terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  terms.push(current);
  return terms;
}

type Term = { field: string; op: '=' | '==' | '!='; value: string } | { error: string };

/** selector.go splitTerm + UnescapeValue: the first unescaped operator splits field and value. */
function parseTerm(term: string): Term {
  let escaped = false;
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (escaped) {
      escaped = false;
      continue;
    }
    if (ch === '\\') {
      escaped = true;
      continue;
    }
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) {
        const value = unescapeValue(term.slice(i + op.length));
        if (value === undefined) return { error: `invalid field selector: '${term}'` };
        return { field: term.slice(0, i), op, value };
      }
    }
  }
  return { error: `invalid selector: '${term}'; can't understand '${term}'` };
}

function unescapeValue(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      const next = s[i + 1];
      if (next !== '\\' && next !== ',' && next !== '=') return undefined;
      out += next;
      i++;
    } else if (ch === ',' || ch === '=') {
      // An unescaped separator inside a value is invalid.
      return undefined;
    } else {
      out += ch;
    }
  }
  return out;
}
