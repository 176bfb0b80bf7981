/**
 * Money arithmetic as new-api does it: shopspring/decimal products turned back into a float64
 * (`InexactFloat64`), and Go's `strconv.FormatFloat(x, 'f', 2, 64)`.
 * @module
 */

/**
 * The exact decimal product of `factors` (each read as its shortest decimal, as `decimal.NewFromFloat` does),
 * rounded once to the nearest double: `13 × 7.3` is `94.9`, where float arithmetic says `94.89999999999999`.
 *
 * @example
 * decimalProduct(13, 7.3, 1, 1); // 94.9
 */
export function decimalProduct(...factors: number[]): number {
  let mantissa = 1n;
  let exponent = 0;
  for (const factor of factors) {
    const [coefficient = '0', power = '0'] = String(factor).split('e');
    const [whole = '0', fraction = ''] = coefficient.split('.');
    mantissa *= BigInt(whole + fraction);
    exponent += Number(power) - fraction.length;
  }
  return Number(`${mantissa}e${exponent}`);
}

/**
 * `strconv.FormatFloat(x, 'f', 2, 64)`: like `toFixed(2)`, but an exact tie rounds to even, as Go does
 * (`0.125` → `0.12`, where JavaScript says `0.13`).
 *
 * @example
 * formatMoney(7.3); // '7.30'
 */
export function formatMoney(x: number): string {
  // A binary double sits exactly halfway between two cents only when its fraction is an odd multiple of 1/8.
  if (Number.isInteger(x * 8) && !Number.isInteger(x * 4)) {
    let cents = Math.floor(x * 100);
    if (cents % 2 !== 0) cents += 1;
    return (cents / 100).toFixed(2);
  }
  return x.toFixed(2);
}
