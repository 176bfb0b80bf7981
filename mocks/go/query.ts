/**
 * Go's `url.ParseQuery` as gin's `c.Query` reads it (Go 1.17+): pairs split on `&`, a pair holding `;` or a bad
 * `%` escape dropped (not kept literally, as `URLSearchParams` keeps it), `+` read as a space, the first value of
 * a repeated key winning.
 * @module
 */

/** The parsed query: `get` is `c.Query(key)`, `''` when the key is absent. */
export interface GoQuery {
  get(key: string): string;
}

/**
 * The query of `url` as Go parses it.
 *
 * @example
 * goQuery(new URL('http://x/?token=a%zz&from=2024-07-01;x&to=1')).get('token'); // '' (a bad escape drops the pair)
 */
export function goQuery(url: URL): GoQuery {
  const values = new Map<string, string>();
  for (const pair of url.search.replace(/^\?/, '').split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const cut = pair.indexOf('=');
    const key = unescape(cut === -1 ? pair : pair.slice(0, cut));
    const value = unescape(cut === -1 ? '' : pair.slice(cut + 1));
    if (key === undefined || value === undefined || values.has(key)) continue;
    values.set(key, value);
  }
  return { get: (key) => values.get(key) ?? '' };
}

/** `url.QueryUnescape`: `undefined` for an escape that is not `%` and two hex digits. */
function unescape(text: string): string | undefined {
  if (/%(?![0-9a-fA-F]{2})/.test(text)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '%') {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '+') bytes.push(0x20);
    else bytes.push(...new TextEncoder().encode(c));
  }
  // Go keeps invalid UTF-8 bytes; they reach JSON as U+FFFD, which is what decoding gives here.
  return new TextDecoder().decode(new Uint8Array(bytes));
}
