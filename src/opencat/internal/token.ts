/** Printable ASCII, inner spaces and tabs allowed: what `Authorization: Bearer <token>` carries byte for byte. */
const SENDABLE = /^[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?$/;

/**
 * Throws before anything is sent when a token cannot work as `Authorization: Bearer <token>`: an empty one makes
 * the header `Bearer`, which opencatd-open answers with an empty 500 (it slices 7 bytes of a shorter header);
 * HTTP trims header values, so a token that starts or ends with whitespace never matches the stored one; and a
 * header carries Latin-1 bytes at most (fetch refuses anything past U+00FF and every control character) while
 * upstream stores a `?token=` as UTF-8, so a token past ASCII can never authenticate. A reset to such a token
 * would lock its user out (root: out of the API). The message never shows the token.
 *
 * @example
 * assertToken('token', options.token, 'new OpenCatClient'); // TypeError for '', ' abc' or 'pässwort'
 */
export function assertToken(name: string, value: unknown, method: string): asserts value is string {
  if (typeof value !== 'string' || !SENDABLE.test(value)) {
    throw new TypeError(
      `Failed to call ${method}: \`${name}\` must be a non-empty string of printable ASCII without leading or trailing whitespace, since it is sent as \`Authorization: Bearer <token>\`.`,
    );
  }
}
