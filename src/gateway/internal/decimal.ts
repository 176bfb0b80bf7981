/** An exact decimal: `units × 10^-scale`. Scale is kept as read, so `"1.500000"` prints back as `"1.500000"`. */
export interface Decimal {
  units: bigint;
  scale: number;
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * Reads a decimal string, a finite number (through its shortest round-trip form, `String(n)`, so `0.1` is exactly
 * `0.1` and never `0.1000000000000000055…`) or a bigint.
 */
export function parseDecimal(value: string | number | bigint): Decimal {
  if (typeof value === 'bigint') return { units: value, scale: 0 };
  // The common case (new-api's quota, the platform's counts): no text to read.
  if (Number.isSafeInteger(value)) return { units: BigInt(value), scale: 0 };
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`Failed to read an amount: ${value} is not a finite number. Please pass a finite number or a decimal string.`);
  const text = typeof value === 'number' ? String(value) : value;
  const match = typeof text === 'string' ? PLAIN.exec(text) : null;
  if (!match) throw new TypeError(`Failed to read an amount: ${JSON.stringify(text)} is not a decimal number. Please pass digits with an optional sign and decimal point, e.g. "1.25".`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const shift = Number(exponent);
  let units = BigInt(whole + fraction);
  let scale = fraction.length - shift;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

/** The decimal as digits with its scale, e.g. `{ units: 1500000n, scale: 6 }` → `"1.500000"`. */
export function formatDecimal({ units, scale }: Decimal): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** Both at the larger scale, so their units compare and add directly. */
export function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

/** `a × n` exactly. */
export function multiply(a: Decimal, n: bigint): Decimal {
  return { units: a.units * n, scale: a.scale };
}

/**
 * `a ÷ n` exactly when the quotient ends within `a.scale + 64` decimals (always so when `n` has no prime factors
 * but 2 and 5, as new-api's 500,000); otherwise rounded half away from zero to `decimals`, or `undefined` when no
 * `decimals` are given.
 */
export function divide(a: Decimal, n: bigint, decimals?: number): Decimal | undefined {
  for (let extra = 0; extra <= 64; extra++) {
    const scaled = a.units * 10n ** BigInt(extra);
    if (scaled % n === 0n) return { units: scaled / n, scale: a.scale + extra };
  }
  return decimals === undefined ? undefined : { units: roundedQuotient(a.units * 10n ** BigInt(decimals), 10n ** BigInt(a.scale) * n), scale: decimals };
}

/** `a` with at most `decimals` decimals, rounded half away from zero; `a` itself when it already fits. */
export function roundTo(a: Decimal, decimals: number): Decimal {
  if (a.scale <= decimals) return a;
  return { units: roundedQuotient(a.units, 10n ** BigInt(a.scale - decimals)), scale: decimals };
}

/** `numerator ÷ denominator` (denominator > 0) rounded half away from zero. */
function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let units = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) units += 1n;
  return negative ? -units : units;
}
