/**
 * `to.Int` of `github.com/Sakurasan/to` (e72657d), which every `:id` route of opencatd-open parses with:
 * `strconv.ParseBool` first, then `int64(strconv.ParseFloat(s, 64))` with the error dropped.
 * @module
 */
import { parseFloat } from '../go/parse-float.js';
import { parseBool } from '../go/strconv.js';

/** `math.MinInt64`: what amd64's float-to-int conversion gives for NaN, ±Inf and anything past int64. */
export const MIN_INT64 = -(2 ** 63);

/**
 * The id a path segment stands for: `true`/`t`/`1` → 1, `5.9` → 5, `7e0` → 7, `-5` → -5, `abc`/` 3`/`0x10` → 0,
 * and `1e19`/`Inf`/`NaN` → `math.MinInt64` (the amd64 conversion; the image is built for amd64).
 *
 * @example
 * toInt('true'); // 1
 * toInt('5.9');  // 5
 */
export function toInt(text: string): number {
  const flag = parseBool(text);
  if (flag !== undefined) return flag ? 1 : 0;
  const value = parseFloat(text) ?? 0;
  if (Number.isNaN(value) || value >= 2 ** 63 || value < MIN_INT64) return MIN_INT64;
  return Math.trunc(value) + 0;
}
