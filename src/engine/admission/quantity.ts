/**
 * resource.Quantity, enough for LimitRanger and ResourceQuota: parse, compare, add, and print in
 * canonical form (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go). Values are kept
 * exactly as bigint nano-units; precision below a nano-unit is rounded up, as Kubernetes does.
 */

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  /** The value × 10^9. */
  readonly nano: bigint;
  readonly format: QuantityFormat;
}

/** quantity.go splitREString. */
export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const QUANTITY_RE = new RegExp(QUANTITY_PATTERN);

/** ErrFormatWrong's text, which a decode error for a bad quantity carries. */
export const QUANTITY_FORMAT_ERROR = `quantities must match the regular expression '${QUANTITY_PATTERN}'`;

const NANO = 1_000_000_000n;
const BINARY: Readonly<Record<string, bigint>> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL_EXP: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Multiplies a decimal mantissa by 10^exp into nano-units, rounding up what is left below a nano. */
function scaled(digits: bigint, decimals: number, exp: number, mult: bigint): bigint {
  // value = digits × 10^-decimals × 10^exp × mult; nano = value × 10^9
  const shift = 9 - decimals + exp;
  const numerator = digits * mult;
  if (shift >= 0) return numerator * pow10(shift);
  const div = pow10(-shift);
  const q = numerator / div;
  return numerator % div === 0n ? q : q + (numerator > 0n ? 1n : 0n);
}

/** ParseQuantity; undefined when the text is not a quantity. */
export function parseQuantity(text: unknown): Quantity | undefined {
  if (typeof text === 'number' && Number.isFinite(text)) return parseQuantity(String(text));
  if (typeof text !== 'string') return undefined;
  const match = QUANTITY_RE.exec(text.trim());
  if (match === null) return undefined;
  const [, number = '', suffix = ''] = match;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(number)) return undefined;
  const negative = number.startsWith('-');
  const unsigned = number.replace(/^[+-]/, '');
  const [whole = '', frac = ''] = unsigned.split('.');
  const digits = BigInt(`${whole}${frac}` === '' ? '0' : `${whole}${frac}`) * (negative ? -1n : 1n);
  const binary = BINARY[suffix];
  if (binary !== undefined) return { nano: scaled(digits, frac.length, 0, binary), format: 'BinarySI' };
  const decimal = DECIMAL_EXP[suffix];
  if (decimal !== undefined) return { nano: scaled(digits, frac.length, decimal, 1n), format: 'DecimalSI' };
  const exp = /^[eE]([-+]?\d+)$/.exec(suffix);
  if (exp?.[1] !== undefined) {
    return { nano: scaled(digits, frac.length, Number(exp[1]), 1n), format: 'DecimalExponent' };
  }
  return undefined;
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** Quantity.Add: the receiver's format is kept (a zero receiver takes the other's). */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format };
}

export function subtractQuantity(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano - b.nano, format: a.format };
}

export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

function formatDecimal(nano: bigint, exponent: boolean): string {
  const sign = nano < 0n ? '-' : '';
  const abs = nano < 0n ? -nano : nano;
  if (abs === 0n) return '0';
  if (abs % NANO === 0n) {
    const value = abs / NANO;
    for (const [suffix, e] of [
      ['E', 18],
      ['P', 15],
      ['T', 12],
      ['G', 9],
      ['M', 6],
      ['k', 3],
    ] as const) {
      if (value % pow10(e) === 0n) return `${sign}${value / pow10(e)}${exponent ? `e${e}` : suffix}`;
    }
    return `${sign}${value}`;
  }
  for (const [suffix, e] of [
    ['m', 6],
    ['u', 3],
    ['n', 0],
  ] as const) {
    if (abs % pow10(e) === 0n) return `${sign}${abs / pow10(e)}${exponent ? `e-${9 - e}` : suffix}`;
  }
  return `${sign}${abs}n`;
}

/**
 * Quantity.String(): the canonical form. BinarySI values that are whole multiples of a binary
 * suffix keep it (`1Gi`); anything else, and every fraction, prints as DecimalSI (`500m`, `1k`).
 */
export function formatQuantity(q: Quantity): string {
  if (q.format === 'BinarySI' && q.nano % NANO === 0n) {
    const value = q.nano / NANO;
    const abs = value < 0n ? -value : value;
    if (abs === 0n) return '0';
    for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      const unit = BINARY[suffix] as bigint;
      if (abs >= unit && abs % unit === 0n) return `${value / unit}${suffix}`;
    }
    // A value below 1024 (or not a whole multiple) prints as a plain integer.
    if (abs < 1024n) return `${value}`;
    return formatDecimal(q.nano, false);
  }
  return formatDecimal(q.nano, q.format === 'DecimalExponent');
}

/** Canonical form of a quantity string, or the string itself if it does not parse. */
export function canonicalQuantity(text: unknown): string {
  const q = parseQuantity(text);
  return q === undefined ? String(text) : formatQuantity(q);
}

/** Value() and MilliValue() as requestLimitEnforcedValues compares them: milli-units, rounded up. */
export function milliValue(q: Quantity): bigint {
  const m = 1_000_000n;
  const whole = q.nano / m;
  return q.nano % m === 0n || q.nano < 0n ? whole : whole + 1n;
}
