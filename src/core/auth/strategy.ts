import type { CookieJar } from '../cookie-jar.js';
import type { RequestOptions } from '../options.js';
import type { Received } from '../transport.js';

/** A route as strategies name it: the method in capitals, a space, the path template. */
export type RouteKey = `${Uppercase<string>} /${string}`;

/** How one call ended, as {@link AuthStrategy.settle} sees it. */
export type CallOutcome = { ok: true; data: unknown } | { ok: false; error: unknown };

/** What a strategy may use of its client: a call through it (refresh), and its cookie jar. */
export interface AuthContext {
  /** Sends one call through the client: envelope, errors, retries; `path` is a template of the document. */
  request(method: string, path: string, init: { query?: unknown; path?: unknown; body?: unknown }, options?: RequestOptions): Promise<unknown>;
  /** The client's cookie jar, when it keeps one (cookie schemes outside browsers). */
  readonly jar: CookieJar | undefined;
}

/**
 * How a dialect authenticates: which headers each attempt carries, whether the credentials ride on cookies, which
 * routes issue or end a session, and how a refused token is renewed. The client owns one strategy; resources
 * never store credentials themselves. Made by {@link cookieSession}, {@link staticBearer} or {@link tokenSession}.
 */
export interface AuthStrategy {
  /**
   * Whether credentials ride on cookies. Decides the defaults of the `credentials` and `cookies` options: a cookie
   * scheme sends `credentials: 'include'` in browsers and keeps a jar elsewhere; a bearer scheme does neither, so
   * its browser requests are not credentialed CORS requests.
   */
  readonly cookies: boolean;
  /** Called once, when the client is built. */
  attach?(context: AuthContext): void;
  /** Adds the credentials to one attempt's headers; a header the caller set wins. */
  authorize(headers: Headers): void;
  /** Told how every call ended, by route: where a strategy keeps the tokens a route issues. Awaited. */
  settle?(route: string, outcome: CallOutcome): void | Promise<void>;
  /** Wraps one call's sending: where a strategy renews a refused token once and sends again. */
  send?(sendOnce: () => Promise<Received>, url: string): Promise<Received>;
}
