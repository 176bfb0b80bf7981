/**
 * Go's `strconv.ParseFloat(s, 64)`: Go's float literal syntax (decimal with an optional exponent, or hexadecimal
 * with a mandatory `p` exponent; `_` only between digits), `inf`/`infinity`/`nan` in any case, nothing around it.
 * @module
 */

const DECIMAL = /^[+-]?(?:[0-9_]*[0-9][0-9_]*\.?[0-9_]*|[0-9_]*\.[0-9_]*[0-9][0-9_]*)(?:[eE][+-]?[0-9][0-9_]*)?$/;
const HEX = /^[+-]?0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9][0-9_]*)$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;

/**
 * The value `strconv.ParseFloat(text, 64)` returns, or `undefined` for its syntax error. A range error keeps
 * Go's value (±Inf past the largest float64, 0 below the smallest), since callers that drop the error see that.
 *
 * @example
 * parseFloat('5.9');   // 5.9
 * parseFloat('1_000'); // 1000
 * parseFloat('0x10');  // undefined: a hexadecimal mantissa needs a p exponent
 * parseFloat('1e400'); // Infinity
 */
export function parseFloat(text: string): number | undefined {
  const infinity = INFINITY.exec(text);
  if (infinity) return infinity[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (DECIMAL.test(text)) return underscoresOk(text, false) ? Number(text.replaceAll('_', '')) : undefined;
  const hex = HEX.exec(text);
  if (!hex || !underscoresOk(text, true)) return undefined;
  const whole = hex[1]!.replaceAll('_', '');
  const fraction = (hex[2] ?? '').replaceAll('_', '');
  if (whole + fraction === '') return undefined;
  const exponent = Number(hex[3]!.replaceAll('_', '')) - 4 * fraction.length;
  const magnitude = scaleByPowerOfTwo(Number(BigInt(`0x${whole + fraction}`)), exponent);
  return text.startsWith('-') ? -magnitude : magnitude;
}

/** Go's `underscoreOK`: an underscore only between digits, or between the base prefix and a digit. */
function underscoresOk(text: string, hex: boolean): boolean {
  let body = /^[+-]/.test(text) ? text.slice(1) : text;
  let saw = '^';
  if (hex) {
    body = body.slice(2);
    saw = '0';
  }
  for (const c of body) {
    const digit = (c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c));
    if (digit) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

function scaleByPowerOfTwo(value: number, exponent: number): number {
  // In steps, so that 2^exponent itself never overflows or underflows before the product would.
  let out = value;
  let left = Math.max(-2200, Math.min(2200, exponent));
  while (left !== 0 && out !== 0 && Number.isFinite(out)) {
    const step = Math.max(-1000, Math.min(1000, left));
    out *= 2 ** step;
    left -= step;
  }
  return out;
}
