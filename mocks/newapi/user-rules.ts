/**
 * The validator tags of new-api's `model.User` (`validate:"max=20"`, `validate:"min=8,max=20"`, ...), checked as
 * `common.Validate.Struct(&user)` does. The wording comes from `mocks/go/validator.ts`.
 * @module
 */
import { validatorError } from '../go/validator.js';
import type { UserBody } from './schemas.js';

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
    if (tag) lines.push(validatorError('User', rule.goName, tag));
  }
  return lines.length ? lines.join('\n') : undefined;
}
