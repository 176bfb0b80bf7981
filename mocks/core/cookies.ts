/**
 * Cookie parsing and `Set-Cookie` serialisation.
 * @module
 */

/**
 * The cookies of a `Cookie` header by name; the first occurrence of a name wins, as in Go's `Request.Cookie`.
 *
 * @example
 * parseCookies('session=abc; theme=dark'); // { session: 'abc', theme: 'dark' }
 */
export function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name && !(name in out)) out[name] = value;
  }
  return out;
}

/** Attributes of a `Set-Cookie` line. */
export interface CookieOptions {
  path?: string;
  /** Lifetime in seconds; also emitted as `Expires` computed from `now`. */
  maxAge?: number;
  /** Epoch milliseconds the `Expires` date is computed from. */
  now?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
}

/**
 * A `Set-Cookie` value with attributes in Go's `http.Cookie.String()` order (Path, Expires, Max-Age, HttpOnly,
 * Secure, SameSite). A `maxAge` of 0 or less expires the cookie.
 *
 * @example
 * serializeCookie('session', id, { path: '/', maxAge: 2592000, now: Date.now(), httpOnly: true, sameSite: 'Strict' });
 */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  let out = `${name}=${value}`;
  if (options.path) out += `; Path=${options.path}`;
  if (options.maxAge !== undefined) {
    const expires = options.maxAge > 0 ? (options.now ?? Date.now()) + options.maxAge * 1000 : 0;
    out += `; Expires=${new Date(expires).toUTCString()}`;
    out += `; Max-Age=${Math.max(options.maxAge, 0)}`;
  }
  if (options.httpOnly) out += '; HttpOnly';
  if (options.secure) out += '; Secure';
  if (options.sameSite) out += `; SameSite=${options.sameSite}`;
  return out;
}

// Set-Cookie lines kept beside the responses that carry them (see appendSetCookie).
const setCookies = new WeakMap<Response, string[]>();

/**
 * Adds a `Set-Cookie` line to `response`, and keeps it beside the response as well: in a page `Set-Cookie` is a
 * forbidden response header, which `Headers.append` drops without a word, so the adapters that carry a session
 * there (msw's worker, `server.fetch`) read it from {@link setCookiesOf} instead.
 *
 * @example
 * return appendSetCookie(ok(user), serializeCookie('session', id, { path: '/', httpOnly: true }));
 */
export function appendSetCookie(response: Response, line: string): Response {
  response.headers.append('Set-Cookie', line);
  setCookies.set(response, [...(setCookies.get(response) ?? []), line]);
  return response;
}

/**
 * The `Set-Cookie` lines of an engine's response, also where the runtime dropped them from its headers.
 *
 * @example
 * const [line] = setCookiesOf(await engine.handle(login));
 */
export function setCookiesOf(response: Response): string[] {
  return setCookies.get(response) ?? response.headers.getSetCookie();
}

let forbidden: boolean | undefined;

/**
 * Whether this runtime drops `Cookie` from a request's headers, as the Fetch standard's forbidden headers ask of
 * browsers and service workers (Node, Deno and Bun keep it). Where it does, `Set-Cookie` is dropped from
 * responses too, and no client can carry a cookie session through `fetch` alone.
 *
 * @example
 * if (cookieHeadersForbidden()) response = await engine.handle(request, { cookie: jar.header() });
 */
export function cookieHeadersForbidden(): boolean {
  return (forbidden ??= !new Request('http://localhost/', { headers: { cookie: 'probe=1' } }).headers.has('cookie'));
}
