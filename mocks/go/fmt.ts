/**
 * Go's `fmt.Sprintf("%.Nf", x)` for a float64: the exact binary value rounded to N decimals, half to even (so
 * `0.0078125` gives `0.007812`, where JavaScript's `toFixed` gives `0.007813`), the sign kept on a negative zero.
 * @module
 */

/**
 * `fmt.Sprintf("%.<precision>f", value)`.
 *
 * @example
 * formatFixed(0.00011, 6);   // '0.000110'
 * formatFixed(0.0078125, 6); // '0.007812'
 */
export function formatFixed(value: number, precision: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  const negative = value < 0 || Object.is(value, -0);
  const [mantissa, exponent] = decompose(Math.abs(value));
  let numerator = mantissa * 10n ** BigInt(precision);
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  let quotient = numerator / denominator;
  const twice = 2n * (numerator % denominator);
  if (twice > denominator || (twice === denominator && (quotient & 1n) === 1n)) quotient += 1n;
  const digits = quotient.toString().padStart(precision + 1, '0');
  const whole = digits.slice(0, digits.length - precision);
  return `${negative ? '-' : ''}${whole}${precision > 0 ? `.${digits.slice(digits.length - precision)}` : ''}`;
}

/** `value` (finite, non-negative) as an exact `mantissa * 2^exponent`. */
function decompose(value: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  // Subnormals have no implicit leading bit and the smallest exponent.
  return biased === 0 ? [fraction, -1074] : [fraction | (1n << 52n), biased - 1075];
}
