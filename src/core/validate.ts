/**
 * Throws before anything is sent when an id is not a positive integer, so a typo never becomes a
 * request for `/api/user/undefined`.
 *
 * @example
 * assertId('id', 42); // ok
 * assertId('id', '42'); // TypeError: Failed to call users.retrieve: `id` must be a positive integer, got 42.
 */
export function assertId(name: string, value: unknown, method = 'the API'): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`Failed to call ${method}: \`${name}\` must be a positive integer, got ${String(value)}.`);
  }
}

/**
 * Throws before anything is sent when a required string param is missing or empty.
 *
 * @example
 * assertString('username', params.username, 'auth.login');
 */
export function assertString(name: string, value: unknown, method = 'the API'): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`Failed to call ${method}: \`${name}\` must be a non-empty string.`);
  }
}
