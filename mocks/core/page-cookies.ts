/**
 * The browser's half of a cookie session, for `server.fetch` and msw in a page: its jar, and its rules for which
 * requests carry cookies and which `Set-Cookie` lines it keeps.
 * @module
 */
import { CookieJar } from 'gatewaykit/core';
import { setCookiesOf } from './cookies.js';

/** What {@link createPageCookies} makes. */
export interface PageCookies {
  /**
   * The `Cookie` header the browser would add to `request`, if any. `byPath`: the caller named a path alone, which
   * a page's fetch resolves against the page itself, so `same-origin` carries cookies whatever origin it was given.
   */
  cookieFor(request: Request, byPath?: boolean): string | undefined;
  /** Keeps the cookies `response` sets, where the browser would keep them for `request` (`byPath` as above). */
  store(request: Request, response: Response, byPath?: boolean): void;
}

/**
 * A cookie jar per origin that `server.fetch` keeps in a page. There `Cookie` and `Set-Cookie` are forbidden headers
 * that `Request` and `Response` drop, so no client (the SDK's jar included) can carry a session cookie through a
 * `fetch` that never reaches the network. This jar does what the browser's does for a real server: it keeps what the
 * server sets (HttpOnly cookies included, out of `document.cookie`'s reach) and sends it by the request's
 * `credentials`: always with `include`, to the page's own origin with `same-origin`, never with `omit`. Expiry is
 * the server clock's, like the sessions the cookies name. In memory: a reload empties it, as it rebuilds the server.
 *
 * @example
 * const cookies = createPageCookies(() => clock.now());
 * const response = await engine.handle(request, { cookie: cookies.cookieFor(request) });
 * cookies.store(request, response);
 */
export function createPageCookies(now: () => number): PageCookies {
  const jars = new Map<string, CookieJar>();
  return {
    cookieFor(request, byPath = false) {
      return carries(request, byPath) ? jars.get(new URL(request.url).origin)?.header(now()) : undefined;
    },
    store(request, response, byPath = false) {
      const lines = setCookiesOf(response);
      if (lines.length === 0 || !carries(request, byPath)) return;
      const origin = new URL(request.url).origin;
      const jar = jars.get(origin) ?? new CookieJar();
      jars.set(origin, jar);
      // A Headers of its own is not a response's: it keeps Set-Cookie, in a page too.
      jar.store(new Headers((byPath ? lines : keptSetCookies(request, lines)).map((line): [string, string] => ['set-cookie', line])), now());
    },
  };
}

function carries(request: Request, byPath: boolean): boolean {
  return byPath ? request.credentials !== 'omit' : credentialsCarryCookies(request);
}

/**
 * The Fetch standard's rule for which requests carry cookies and take those their answer sets, by `credentials`:
 * always with `include`, to the page's own origin with `same-origin` (everywhere outside a page), never with `omit`.
 *
 * @example
 * const cookie = credentialsCarryCookies(request) ? jar.header() : undefined;
 */
export function credentialsCarryCookies(request: Request): boolean {
  if (request.credentials === 'include') return true;
  if (request.credentials === 'omit') return false;
  return typeof location === 'undefined' || new URL(request.url).origin === location.origin;
}

/**
 * The `Set-Cookie` lines of the answer to `request` that a browser keeps. From another site than the page's, only
 * `SameSite=None; Secure` ones: a `Strict` or `Lax` cookie (Lax is the default) of a cross-site answer that is no
 * top-level navigation is refused (RFC 6265bis, "Storage Model"), so new-api's Strict session never lands there.
 *
 * @example
 * jar.store(new Headers(keptSetCookies(request, setCookiesOf(response)).map((line) => ['set-cookie', line])));
 */
export function keptSetCookies(request: Request, lines: string[]): string[] {
  if (typeof location === 'undefined' || siteOf(new URL(request.url)) === siteOf(new URL(location.href))) return lines;
  return lines.filter((line) => /;\s*samesite=none\s*(;|$)/i.test(line) && /;\s*secure\s*(;|$)/i.test(line));
}

/**
 * A URL's site, schemeful: its scheme and registrable domain. Without a public suffix list the last two labels
 * stand for the registrable domain (lenient only under suffixes like `co.uk`); an IP address or a single-label
 * name such as `localhost` is a site of its own. Ports never count, as for cookies.
 */
function siteOf(url: URL): string {
  const host = url.hostname;
  const own = host.startsWith('[') || /^[\d.]+$/.test(host) || !host.includes('.');
  return `${url.protocol}//${own ? host : host.split('.').slice(-2).join('.')}`;
}
