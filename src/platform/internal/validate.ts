import { assertString } from '../../core/validate.js';

/**
 * Throws before anything is sent when a params object is missing or a required string in it is empty.
 *
 * @example
 * assertStrings({ email, password }, ['email', 'password'], 'auth.register');
 */
export function assertStrings(params: object | undefined, names: readonly string[], method: string): void {
  if (typeof params !== 'object' || params === null) throw new TypeError(`Failed to call ${method}: params must be an object.`);
  for (const name of names) assertString(name, (params as Record<string, unknown>)[name], method);
}

/**
 * Throws before anything is sent when a partial update carries none of its fields.
 *
 * @example
 * assertAnyOf(params, ['nickname', 'avatar'], 'users.me.update');
 */
export function assertAnyOf(params: object | undefined, names: readonly string[], method: string): void {
  if (typeof params !== 'object' || params === null || !names.some((name) => (params as Record<string, unknown>)[name] !== undefined)) {
    throw new TypeError(`Failed to call ${method}: pass at least one of ${names.map((name) => `\`${name}\``).join(', ')}.`);
  }
}
