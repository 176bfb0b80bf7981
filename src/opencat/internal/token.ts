/**
 * Throws before anything is sent when a token cannot work as `Authorization: Bearer <token>`: an empty one makes
 * the header `Bearer`, which opencatd-open answers with an empty 500 (it slices 7 bytes of a shorter header), and
 * HTTP trims header values, so a token that starts or ends with whitespace never matches the stored one. The
 * message never shows the token.
 *
 * @example
 * assertToken('token', options.token, 'new OpenCatClient'); // TypeError for '' or ' abc'
 */
export function assertToken(name: string, value: unknown, method: string): asserts value is string {
  if (typeof value !== 'string' || value === '' || value.trim() !== value) {
    throw new TypeError(
      `Failed to call ${method}: \`${name}\` must be a non-empty string without leading or trailing whitespace, since it is sent as \`Authorization: Bearer <token>\`.`,
    );
  }
}
