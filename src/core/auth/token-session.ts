import { AbortError } from '../errors/abort-error.js';
import { GatewayError } from '../errors/gateway-error.js';
import { abortable } from '../internal/abortable.js';
import type { RequestOptions } from '../options.js';
import { createRenewal } from '../renewal.js';
import type { Received } from '../transport.js';
import type { AuthContext, AuthStrategy, RouteKey } from './strategy.js';

/** The tokens a {@link tokenSession} keeps: an access token, and a refresh token when it can renew. */
export interface SessionTokenFields {
  access_token: string;
  refresh_token?: string | undefined;
}

/** A {@link tokenSession}: the strategy plus what the app may read and change of the tokens. */
export interface TokenSession<T extends SessionTokenFields, Issued = T> extends AuthStrategy {
  /** The tokens sent, or `undefined` when logged out. A copy. */
  readonly tokens: T | undefined;
  /** Replaces the tokens without telling `onTokens` (another tab refreshed them). */
  set(tokens: T | undefined): void;
  /**
   * Exchanges the refresh token for new tokens, once at a time: concurrent callers and the automatic renewal share
   * one request (servers revoke a session whose refresh token is used twice). A caller's `signal` stops only that
   * caller's wait; the shared request goes on for the others.
   */
  refresh(options?: RequestOptions): Promise<Issued>;
}

/** What a {@link tokenSession} is built from. */
export interface TokenSessionConfig<T extends SessionTokenFields, Issued> {
  tokens?: T | undefined;
  /** Told about every new token set and about the end of the session (`undefined`); awaited. */
  onTokens?: ((tokens: Issued | undefined) => void | Promise<void>) | undefined;
  /** Routes whose success issues tokens (login, refresh), and how to read them from the data. */
  issuedBy: Partial<Record<RouteKey, (data: unknown) => Issued>>;
  /** Routes that end the session: the tokens are forgotten even when the call fails (logout). */
  endedBy?: readonly RouteKey[];
  /** Sends the refresh call; its answer is kept through `issuedBy`. */
  refresh(context: AuthContext, refreshToken: string, options: RequestOptions | undefined): Promise<Issued>;
  /** Whether a refresh failed because the refresh token itself was refused: then the tokens are dropped. */
  refused(error: unknown): boolean;
  /** Whether an answer means "the access token was refused: renew it and send again". */
  needsRenewal(received: Received, url: string): boolean;
}

/**
 * Access plus refresh tokens (platform; aether next): the access token goes as `Authorization: Bearer`, a refused
 * one is renewed once per 401 with a single shared refresh, and every change reaches `onTokens`. No cookies: browser
 * requests are not credentialed.
 *
 * @example
 * const auth = tokenSession({ tokens, onTokens, issuedBy: { 'POST /auth/login': (d) => d as Pair }, refresh: (c, t) => c.request('post', '/auth/refresh', { body: { refresh_token: t } }) as Promise<Pair>, refused, needsRenewal });
 */
export function tokenSession<T extends SessionTokenFields, Issued extends T = T>(config: TokenSessionConfig<T, Issued>): TokenSession<T, Issued> {
  let tokens: T | undefined = config.tokens && { ...config.tokens };
  let context: AuthContext | undefined;
  let refreshing: Promise<Issued> | undefined;
  const keep = async (next: Issued | undefined) => {
    tokens = next && { ...next };
    await config.onTokens?.(next);
  };
  const refresh = async (options: RequestOptions | undefined): Promise<Issued> => {
    const used = tokens?.refresh_token;
    if (!used || !context) throw new GatewayError('Failed to refresh the tokens: this client has no refresh token. Please log in.');
    try {
      return await config.refresh(context, used, options);
    } catch (error) {
      if (config.refused(error) && tokens?.refresh_token === used) await keep(undefined);
      throw error;
    }
  };
  const session: TokenSession<T, Issued> = {
    cookies: false,
    get tokens() {
      return tokens && { ...tokens };
    },
    set(next) {
      tokens = next && { ...next };
    },
    refresh(options) {
      // The refresh is shared with the other callers and the automatic renewal, so it runs without the first
      // caller's signal: aborting one `auth.refresh({ signal })` must not fail a renewal another request waits on.
      // Each caller still stops waiting when its own signal aborts; one already aborted starts nothing.
      const { signal, ...shared } = options ?? {};
      if (signal?.aborted) return Promise.reject(new AbortError({ cause: signal.reason }));
      refreshing ??= refresh(shared).finally(() => {
        refreshing = undefined;
      });
      return abortable(refreshing, signal);
    },
    attach(given) {
      context = given;
    },
    authorize(headers) {
      if (tokens && !headers.has('authorization')) headers.set('Authorization', `Bearer ${tokens.access_token}`);
    },
    async settle(route, outcome) {
      if (config.endedBy?.includes(route as RouteKey)) return keep(undefined);
      const read = config.issuedBy[route as RouteKey];
      if (outcome.ok && read) await keep(read(outcome.data));
    },
    async send(sendOnce, url) {
      const sentWith = tokens?.access_token;
      const first = await sendOnce();
      if (sentWith === undefined || !config.needsRenewal(first, url)) return first;
      // A call that failed with a token another call has already replaced just goes again with the new one.
      const current = tokens;
      const renewed = current !== undefined && (current.access_token !== sentWith || (current.refresh_token !== undefined && (await renewOnce())));
      if (!renewed) return first;
      const again = await sendOnce();
      // The 401 itself did nothing, but an attempt before it may have (its answer lost): a delete must still know.
      again.earlierMayHaveActed ||= first.earlierMayHaveActed;
      return again;
    },
  };
  // Runs without the triggering call's options: the refresh is shared, so one caller's abort must not cancel it.
  const renewOnce = createRenewal(() => session.refresh().then(() => true));
  return session;
}
