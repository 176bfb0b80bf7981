import type { Data } from './internal/types.js';

/** What `POST /api/auth/refresh` answers: a new access token and a new (rotated) refresh token. */
export interface TokenPair extends Data<'/api/auth/refresh', 'post'> {}

/**
 * The tokens a client starts with or keeps: an access token, and a refresh token when the client should renew
 * it. `token_type` and `expires_in` are kept when given.
 *
 * @example
 * const tokens: SessionTokens = JSON.parse(localStorage.getItem('aether-tokens') ?? 'null') ?? undefined;
 */
export interface SessionTokens extends Pick<TokenPair, 'access_token'>, Partial<Omit<TokenPair, 'access_token'>> {}

/**
 * Called whenever the client's tokens change: after login and every refresh with the new pair, and with
 * `undefined` after logout or when the server refused the refresh token. Awaited; what it throws reaches the
 * caller of the call that changed the tokens.
 *
 * @example
 * const onTokens: TokensListener = (tokens) =>
 *   tokens ? localStorage.setItem('aether-tokens', JSON.stringify(tokens)) : localStorage.removeItem('aether-tokens');
 */
export type TokensListener = (tokens: TokenPair | undefined) => void | Promise<void>;

/**
 * The 401 answers upstream's own frontend (`frontend/src/api/client.ts`) treats as final: no refresh, the error
 * goes to the caller as it is.
 */
export const FINAL_MESSAGES: readonly string[] = ['用户不存在或已禁用', '需要管理员权限', '权限不足', '用户已禁用'];

/** Routes whose 401 is about the credentials in the body or the refresh itself, as the frontend's `isAuthRequest`. */
const CREDENTIAL_ROUTES = /\/auth\/(?:login|refresh|logout)$/;

/**
 * Whether an answer means "renew the access token and send again": a 401 from a route that takes a bearer token,
 * unless its message is one of {@link FINAL_MESSAGES}. Upstream answers an expired, revoked or unknown token with
 * 401 (`Token已过期`, `Token已被撤销`, `无效的Token`); a deleted or disabled user and a missing role with 403.
 *
 * @example
 * if (needsRenewal(received, spec.url)) await renew();
 */
export function needsRenewal(received: { response: Response; text: string }, url: string): boolean {
  if (received.response.status !== 401 || CREDENTIAL_ROUTES.test(new URL(url).pathname)) return false;
  const message = messageOf(received.text);
  return !FINAL_MESSAGES.some((final) => message.includes(final));
}

/** The message of an error body: the envelope's `error.message`, or FastAPI's `detail` when it is a string. */
function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown }; detail?: unknown } | null;
    const message = body?.error?.message ?? body?.detail;
    return typeof message === 'string' ? message : '';
  } catch {
    return '';
  }
}
