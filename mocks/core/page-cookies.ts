/**
 * The browser's half of a cookie session, for `server.fetch` in a page.
 * @module
 */
import { CookieJar } from '../../src/core/cookie-jar.js';
import { credentialsCarryCookies, setCookiesOf } from './cookies.js';

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
      jar.store(new Headers(lines.map((line): [string, string] => ['set-cookie', line])), now());
    },
  };
}

function carries(request: Request, byPath: boolean): boolean {
  return byPath ? request.credentials !== 'omit' : credentialsCarryCookies(request);
}
