/** Header names whose values are credentials. */
const SECRET_HEADERS = /^(authorization|cookie|set-cookie|proxy-authorization|x-api-key|api-key|x-gatewaykit-control-token)$/i;
/** Query and body keys whose values are credentials. */
const SECRET_KEYS = /pass(word)?|secret|token|key|code|sign|cookie|session|credential/i;
/** Words in a header name that mark a credential (narrower than {@link SECRET_KEYS}: no `code`, `sign`, `key`). */
const SECRET_HEADER_WORDS = /auth|token|secret|pass(word)?|session|credential|api-?key|cookie/i;
const MASK = '[redacted]';

/**
 * Copies headers into a plain object with credentials masked.
 *
 * @example
 * redactHeaders(new Headers({ Authorization: 'Bearer abc' })); // { authorization: '[redacted]' }
 */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    // By name as well as by the known list: a client's own credential header (`X-Auth-Token`) must not be logged.
    out[name] = SECRET_HEADERS.test(name) || SECRET_HEADER_WORDS.test(name) ? MASK : value;
  });
  return out;
}

/**
 * Masks query parameters whose names look like credentials (`?key=`, `?token=`, `?sign=`).
 *
 * @example
 * redactUrl('https://x/api/verify?token=abc&email=a@b.c'); // 'https://x/api/verify?token=[redacted]&email=a@b.c'
 */
export function redactUrl(url: string): string {
  return url.replace(/([?&][^=&#]*(?:pass|secret|token|key|code|sign|cookie|session|credential)[^=&#]*=)[^&#]*/gi, `$1${MASK}`);
}

/**
 * Deep-copies a JSON value with credential-like keys masked, for debug logs.
 *
 * @example
 * redactBody({ username: 'root', password: '123456' }); // { username: 'root', password: '[redacted]' }
 */
export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) ? MASK : redactBody(inner);
  return out;
}

// A JSON member `"name": value` in text that may not parse: the name (escapes kept), then a string (possibly cut
// off) or a bare literal. Objects and arrays are not values here, so the members inside them are read one by one.
const JSON_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*"?|[^\s,:{}[\]"]+)/g;

/**
 * Masks credential-like members of text that looks like JSON but does not parse (Python's `NaN`, a trailing comma, a
 * body cut off), for debug logs: {@link redactBody}'s rule, applied to the text as it is.
 *
 * @example
 * redactJsonText('{"password": "123456", "x": NaN}'); // '{"password": "[redacted]", "x": NaN}'
 */
export function redactJsonText(text: string): string {
  return text.replace(JSON_MEMBER, (member, name: string, colon: string) => (SECRET_KEYS.test(name) ? `"${name}"${colon}"${MASK}"` : member));
}
