/**
 * A port of the syntax checker in Go's encoding/json (scanner.go), so that a malformed body gets
 * the same error text kube-apiserver sends: `invalid character 'x' looking for beginning of value`,
 * `unexpected end of JSON input`. It checks syntax only; JSON.parse builds the value afterwards.
 * It is a state machine, not a recursive parser, so deep nesting cannot overflow the stack.
 */

/** encoding/json maxNestingDepth. */
export const MAX_NESTING_DEPTH = 10000;

/** scanner.go parseObjectKey / parseObjectValue / parseArrayValue. */
const Parse = { ObjectKey: 0, ObjectValue: 1, ArrayValue: 2 } as const;
type Parse = (typeof Parse)[keyof typeof Parse];

type Step = (c: number) => Step | 'error' | 'end';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const GO_ESCAPES: Readonly<Record<number, string>> = {
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
  92: '\\\\',
};

/** scanner.go quoteChar: strconv.Quote(string(rune(c))) with single quotes. */
export function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  const escaped = GO_ESCAPES[c];
  if (escaped !== undefined) return `'${escaped}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if (c >= 0x80 && c < 0xa0) return `'\\u${c.toString(16).padStart(4, '0')}'`;
  return `'${String.fromCharCode(c)}'`;
}

/** Returns undefined for valid JSON, else Go's error text. `bytes` is the UTF-8 encoded body. */
export function checkJsonSyntax(bytes: Uint8Array): string | undefined {
  const stack: Parse[] = [];
  let error = '';
  let endTop = false;

  const fail = (c: number, context: string): 'error' => {
    error = `invalid character ${quoteChar(c)} ${context}`;
    return 'error';
  };
  const push = (c: number, state: Parse, next: Step): Step | 'error' => {
    stack.push(state);
    return stack.length <= MAX_NESTING_DEPTH ? next : fail(c, 'exceeded max depth');
  };

  const endTopStep: Step = (c) => (isSpace(c) ? endTopStep : fail(c, 'after top-level value'));
  /** popParseState: closing the outermost value ends the top level. */
  const pop = (): Step => {
    stack.pop();
    if (stack.length > 0) return endValue;
    endTop = true;
    return endTopStep;
  };
  const endValue: Step = (c) => {
    const n = stack.length;
    if (n === 0) {
      endTop = true;
      return endTopStep(c);
    }
    if (isSpace(c)) return endValue;
    const ps = stack[n - 1];
    if (ps === Parse.ObjectKey) {
      if (c === 0x3a) {
        stack[n - 1] = Parse.ObjectValue;
        return beginValue;
      }
      return fail(c, 'after object key');
    }
    if (ps === Parse.ObjectValue) {
      if (c === 0x2c) {
        stack[n - 1] = Parse.ObjectKey;
        return beginString;
      }
      if (c === 0x7d) {
        return pop();
      }
      return fail(c, 'after object key:value pair');
    }
    if (c === 0x2c) return beginValue;
    if (c === 0x5d) {
      return pop();
    }
    return fail(c, 'after array element');
  };
  const literal = (rest: string, name: string): Step => {
    const step =
      (i: number): Step =>
      (c) => {
        if (c !== rest.charCodeAt(i)) return fail(c, `in literal ${name} (expecting '${rest[i]}')`);
        return i + 1 === rest.length ? endValue : step(i + 1);
      };
    return step(0);
  };
  const inStringEscU = (left: number): Step => {
    const step: Step = (c) => {
      const hex = isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
      if (!hex) return fail(c, 'in \\u hexadecimal character escape');
      return left === 1 ? inString : inStringEscU(left - 1);
    };
    return step;
  };
  const inStringEsc: Step = (c) => {
    if ('bfnrt\\/"'.includes(String.fromCharCode(c))) return inString;
    if (c === 0x75) return inStringEscU(4);
    return fail(c, 'in string escape code');
  };
  const inString: Step = (c) => {
    if (c === 0x22) return endValue;
    if (c === 0x5c) return inStringEsc;
    if (c < 0x20) return fail(c, 'in string literal');
    return inString;
  };
  const e0: Step = (c) => (isDigit(c) ? e0 : endValue(c));
  const eSign: Step = (c) => (isDigit(c) ? e0 : fail(c, 'in exponent of numeric literal'));
  const exp: Step = (c) => (c === 0x2b || c === 0x2d ? eSign : eSign(c));
  const dot0: Step = (c) => {
    if (isDigit(c)) return dot0;
    if (c === 0x65 || c === 0x45) return exp;
    return endValue(c);
  };
  const dot: Step = (c) => (isDigit(c) ? dot0 : fail(c, 'after decimal point in numeric literal'));
  const zero: Step = (c) => {
    if (c === 0x2e) return dot;
    if (c === 0x65 || c === 0x45) return exp;
    return endValue(c);
  };
  const one: Step = (c) => (isDigit(c) ? one : zero(c));
  const neg: Step = (c) => {
    if (c === 0x30) return zero;
    if (c >= 0x31 && c <= 0x39) return one;
    return fail(c, 'in numeric literal');
  };
  const beginValue: Step = (c) => {
    if (isSpace(c)) return beginValue;
    switch (c) {
      case 0x7b:
        return push(c, Parse.ObjectKey, beginStringOrEmpty);
      case 0x5b:
        return push(c, Parse.ArrayValue, beginValueOrEmpty);
      case 0x22:
        return inString;
      case 0x2d:
        return neg;
      case 0x30:
        return zero;
      case 0x74:
        return literal('rue', 'true');
      case 0x66:
        return literal('alse', 'false');
      case 0x6e:
        return literal('ull', 'null');
    }
    if (c >= 0x31 && c <= 0x39) return one;
    return fail(c, 'looking for beginning of value');
  };
  const beginValueOrEmpty: Step = (c) => {
    if (isSpace(c)) return beginValueOrEmpty;
    if (c === 0x5d) return endValue(c);
    return beginValue(c);
  };
  const beginString: Step = (c) => {
    if (isSpace(c)) return beginString;
    if (c === 0x22) return inString;
    return fail(c, 'looking for beginning of object key string');
  };
  const beginStringOrEmpty: Step = (c) => {
    if (isSpace(c)) return beginStringOrEmpty;
    if (c === 0x7d) {
      stack[stack.length - 1] = Parse.ObjectValue;
      return endValue(c);
    }
    return beginString(c);
  };

  let step: Step | 'error' | 'end' = beginValue;
  for (const c of bytes) {
    step = (step as Step)(c);
    if (step === 'error') return error;
  }
  // scanner.eof: feed a space to finish a number, then anything unfinished is a truncated input.
  if (endTop) return undefined;
  step = (step as Step)(0x20);
  if (step === 'error') return error;
  return endTop ? undefined : 'unexpected end of JSON input';
}

/** How encoding/json names a JSON value's type in an UnmarshalTypeError. */
export function jsonKindName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}
