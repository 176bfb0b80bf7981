/**
 * Go's `strconv` as the gin dialects' handlers use it on path and query parameters.
 * @module
 */

const INT64_MAX = 9223372036854775807n;

/**
 * `strconv.Atoi`: an optional sign and decimal digits, nothing else. The error text is what a handler that answers
 * `err.Error()` sends, e.g. `strconv.Atoi: parsing "abc": invalid syntax`.
 *
 * @example
 * atoi('42'); // { ok: true, value: 42 }
 * atoi('4x'); // { ok: false, error: 'strconv.Atoi: parsing "4x": invalid syntax' }
 */
export function atoi(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const prefix = `strconv.Atoi: parsing ${goQuote(text)}: `;
  if (!/^[+-]?\d+$/.test(text)) return { ok: false, error: `${prefix}invalid syntax` };
  const value = BigInt(text);
  if (value > INT64_MAX || value < -INT64_MAX - 1n) return { ok: false, error: `${prefix}value out of range` };
  return { ok: true, value: Number(value) };
}

/**
 * `strconv.Quote` for the texts a request can carry: `"`, `\` and control characters escaped Go's way.
 *
 * @example
 * goQuote('a"b'); // '"a\\"b"'
 */
export function goQuote(text: string): string {
  const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (named[c]) out += named[c];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    // A lone surrogate is what invalid UTF-8 becomes in Go: one replacement character's escape.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += c;
  }
  return `${out}"`;
}

/**
 * `strconv.ParseBool`: `1 t T TRUE true True` are true, `0 f F FALSE false False` false, anything else an error
 * (`undefined` here).
 *
 * @example
 * parseBool('T');   // true
 * parseBool('yes'); // undefined
 */
export function parseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}
