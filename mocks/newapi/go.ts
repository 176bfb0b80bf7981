/**
 * Go behaviours new-api's answers depend on: `strconv.Atoi` and its error text, and go-playground/validator's
 * messages for `model.User`. SQL `LIKE` lives in `mocks/core/sql-like.ts`.
 * @module
 */
import type { UserBody } from './schemas.js';

const INT64_MAX = 9223372036854775807n;

/**
 * `strconv.Atoi`: an optional sign and decimal digits, nothing else. The error text is what `ApiError(c, err)`
 * sends, e.g. `strconv.Atoi: parsing "abc": invalid syntax`.
 *
 * @example
 * atoi('42'); // { ok: true, value: 42 }
 */
export function atoi(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const prefix = `strconv.Atoi: parsing ${JSON.stringify(text)}: `;
  if (!/^[+-]?\d+$/.test(text)) return { ok: false, error: `${prefix}invalid syntax` };
  const value = BigInt(text);
  if (value > INT64_MAX || value < -INT64_MAX - 1n) return { ok: false, error: `${prefix}value out of range` };
  return { ok: true, value: Number(value) };
}

const USER_RULES: ReadonlyArray<{ field: keyof UserBody; goName: string; min?: number; max: number }> = [
  { field: 'username', goName: 'Username', max: 20 },
  { field: 'password', goName: 'Password', min: 8, max: 20 },
  { field: 'display_name', goName: 'DisplayName', max: 20 },
  { field: 'email', goName: 'Email', max: 50 },
  { field: 'remark', goName: 'Remark', max: 255 },
];

/**
 * `common.Validate.Struct(&user)`: the validator's text (one line per failing field, in struct order), or
 * `undefined` when valid. Lengths count runes, as the validator does for strings.
 *
 * @example
 * validateUser(body); // "Key: 'User.Password' Error:Field validation for 'Password' failed on the 'min' tag"
 */
export function validateUser(user: UserBody): string | undefined {
  const lines: string[] = [];
  for (const rule of USER_RULES) {
    const length = [...String(user[rule.field] ?? '')].length;
    const tag = rule.min !== undefined && length < rule.min ? 'min' : length > rule.max ? 'max' : undefined;
    if (tag) lines.push(`Key: 'User.${rule.goName}' Error:Field validation for '${rule.goName}' failed on the '${tag}' tag`);
  }
  return lines.length ? lines.join('\n') : undefined;
}
