import { assertString } from '../../core/validate.js';

/**
 * Throws before anything is sent when a path id is not a string of its kind (`u_…`, `key_…`, `ver_…`),
 * so a typo never becomes a request for `/admin/v1/users/undefined`. The value is not echoed: ids
 * are harmless, but the same helper guards fields that may not be.
 *
 * @example
 * assertPrefixedId('userId', userId, 'u_', 'admin.users.retrieve');
 */
export function assertPrefixedId(name: string, value: unknown, prefix: string, method: string): asserts value is string {
  if (typeof value !== 'string' || !value.startsWith(prefix) || !/^[A-Za-z0-9_]+$/.test(value) || value.length === prefix.length) {
    throw new TypeError(`Failed to call ${method}: \`${name}\` must be an id starting with \`${prefix}\`.`);
  }
}

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
