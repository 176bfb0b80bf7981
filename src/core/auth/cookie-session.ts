import type { AuthContext, AuthStrategy, RouteKey } from './strategy.js';

/** A {@link cookieSession}: the strategy plus what the app may read and change of the session. */
export interface CookieSession<S extends object> extends AuthStrategy {
  /** The session's identity fields (new-api: `userId`, `accessToken`). A copy. */
  readonly state: Readonly<S>;
  /** Changes identity fields, e.g. an access token the app wants sent from now on. */
  set(patch: Partial<S>): void;
}

/** What a {@link cookieSession} is built from. */
export interface CookieSessionConfig<S extends object> {
  /** The identity fields to start with. */
  state: S;
  /** The headers one attempt carries for `state`; `undefined` values are not sent. */
  headers(state: Readonly<S>): Record<string, string | undefined>;
  /** Routes whose success starts a session, and the identity fields to keep from their data. */
  issuedBy?: Partial<Record<RouteKey, (data: unknown) => Partial<S> | undefined>>;
  /** Routes whose success ends the session: the cookies go, and these fields are set. */
  endedBy?: Partial<Record<RouteKey, Partial<S>>>;
}

/**
 * A session cookie plus identity headers (new-api: the cookie and `New-Api-User`). In browsers the browser keeps
 * the cookie (`credentials: 'include'`); elsewhere the client's jar does.
 *
 * @example
 * const auth = cookieSession({ state: { userId }, headers: (s) => ({ 'New-Api-User': s.userId?.toString() }), issuedBy: { 'POST /login': (d) => ({ userId: (d as User).id }) } });
 */
export function cookieSession<S extends object>(config: CookieSessionConfig<S>): CookieSession<S> {
  let state: S = { ...config.state };
  let context: AuthContext | undefined;
  // The headers of the current state, built when it changes rather than on every attempt.
  let sent: [string, string][] | undefined;
  const headersOf = () => (sent ??= Object.entries(config.headers(state)).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return {
    cookies: true,
    get state() {
      return { ...state };
    },
    set(patch) {
      state = { ...state, ...patch };
      sent = undefined;
    },
    attach(given) {
      context = given;
    },
    authorize(headers) {
      for (const [name, value] of headersOf()) if (!headers.has(name)) headers.set(name, value);
    },
    settle(route, outcome) {
      if (!outcome.ok) return;
      const issued = config.issuedBy?.[route as RouteKey]?.(outcome.data);
      if (issued) {
        state = { ...state, ...issued };
        sent = undefined;
      }
      const ended = config.endedBy?.[route as RouteKey];
      if (ended) {
        state = { ...state, ...ended };
        sent = undefined;
        context?.jar?.clear();
      }
    },
  };
}
