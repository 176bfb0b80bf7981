import type { Schema } from './internal/types.js';

/** A token pair as login and refresh answer it. */
export interface TokenPair extends Schema<'TokenPair'> {}

/**
 * The tokens a client starts with or keeps: an access token, and a refresh token when the client
 * should renew it. The other fields of {@link TokenPair} are kept when given.
 *
 * @example
 * const tokens: SessionTokens = JSON.parse(localStorage.getItem('platform-tokens') ?? 'null') ?? undefined;
 */
export interface SessionTokens extends Pick<TokenPair, 'access_token'>, Partial<Omit<TokenPair, 'access_token'>> {}

/**
 * Called whenever the client's tokens change: after login and every refresh with the new pair,
 * and with `undefined` after logout or when the server refused the refresh token (40103). Awaited;
 * what it throws reaches the caller of the call that changed the tokens.
 *
 * @example
 * const onTokens: TokensListener = (tokens) =>
 *   tokens ? localStorage.setItem('platform-tokens', JSON.stringify(tokens)) : localStorage.removeItem('platform-tokens');
 */
export type TokensListener = (tokens: TokenPair | undefined) => void | Promise<void>;

const CREDENTIAL_ROUTES = /\/api\/v1\/(?:auth\/(?:public-key|captcha(?:\/verify)?|login|refresh)|users\/register)$/;
/** 40101 unauthenticated (unknown or revoked token), 40102 access token expired. */
const RENEWABLE = new Set<unknown>([40101, 40102]);

/**
 * Whether an answer means "renew the access token and send again": a 401 with 40101 or 40102 from a
 * route that takes a bearer token. A 401 from login (40104) or refresh (40103) is about the
 * credentials in the body, which a refresh cannot fix.
 *
 * @example
 * if (needsRenewal(received, spec.url)) await renew();
 */
export function needsRenewal(received: { response: Response; text: string }, url: string): boolean {
  if (received.response.status !== 401 || CREDENTIAL_ROUTES.test(new URL(url).pathname)) return false;
  try {
    return RENEWABLE.has((JSON.parse(received.text) as { code?: unknown } | null)?.code);
  } catch {
    return false;
  }
}
