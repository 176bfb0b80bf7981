import { tokenSession, type TokenSession } from '../core/auth/token-session.js';
import { BaseClient } from '../core/client.js';
import { ApiError } from '../core/errors/api-error.js';
import { uuidId } from '../core/ids.js';
import type { ClientOptions } from '../core/options.js';
import { offsetPager, unpaged } from '../core/pagers.js';
import { aetherEnvelope } from './envelope.js';
import type { paths } from './generated/schema.js';
import { Auth } from './resources/auth.js';
import { Me } from './resources/me.js';
import { Usage } from './resources/usage.js';
import { Users } from './resources/users.js';
import { needsRenewal, type SessionTokens, type TokenPair, type TokensListener } from './tokens.js';

/** Options of {@link AetherClient}. */
export interface AetherClientOptions extends ClientOptions {
  /** Tokens to start with, e.g. read back from storage. @default undefined (log in with `auth.login()`) */
  tokens?: SessionTokens;
  /** Told about every new token pair, and about logout, so the app can persist them. @default undefined */
  onTokens?: TokensListener;
}

/** The pair out of a login answer, without the user fields beside it. */
const pairOf = (data: unknown): TokenPair => {
  const { access_token, refresh_token, token_type, expires_in } = data as TokenPair;
  return { access_token, refresh_token, token_type, expires_in };
};

/**
 * The client for Aether (fawney19/Aether): login by email, the caller's profile and API keys, user
 * administration with quotas and keys, and usage statistics. It keeps the access and refresh tokens from login,
 * sends the access token as `Authorization: Bearer`, and on a 401 refreshes once (one refresh shared by every
 * call that hit it) and sends again, except for the answers upstream's console treats as final. Ids are UUIDs and
 * are checked before anything is sent; money is USD, as upstream keeps it (`quota_usd: null` is unlimited).
 *
 * @example
 * const client = new AetherClient({ baseURL: 'http://127.0.0.1:4011', onTokens: save });
 * await client.auth.login({ email: 'admin@localhost', password: 'the-admin-password' });
 * for await (const user of client.users.list()) console.log(user.email, user.quota_usd ?? 'unlimited');
 */
export class AetherClient extends BaseClient<paths, 'bare'> {
  /** Login, refresh, logout, registration. Routes under `/api/auth/`. */
  readonly auth: Auth = new Auth(this);
  /** The caller's profile, password and own API keys. Routes under `/api/users/me`. */
  readonly me: Me = new Me(this);
  /** Users, their quotas and keys, for admins. Routes under `/api/admin/users`. */
  readonly users: Users = new Users(this);
  /** Usage statistics, for admins. Routes under `/api/admin/usage/`. */
  readonly usage: Usage = new Usage(this);

  /**
   * The access and refresh tokens: kept from login and refresh, renewed once when a call answers 401, forgotten
   * at logout. `onTokens` hears every change.
   */
  readonly session: TokenSession<SessionTokens, TokenPair>;

  constructor(options: AetherClientOptions) {
    const session = tokenSession<SessionTokens, TokenPair>({
      tokens: options.tokens,
      onTokens: options.onTokens,
      issuedBy: { 'POST /api/auth/login': pairOf, 'POST /api/auth/refresh': (data) => data as TokenPair },
      endedBy: ['POST /api/auth/logout'],
      refresh: (context, refresh_token, call) => context.request('post', '/api/auth/refresh', { body: { refresh_token } }, call) as Promise<TokenPair>,
      // A 401 (expired, revoked, garbage, the user gone) or 403 (用户已禁用) refuses the refresh token itself, so
      // the tokens are dropped; a 5xx or a lost answer keeps them for the next try.
      refused: (error) => error instanceof ApiError && (error.status === 401 || error.status === 403),
      needsRenewal,
    });
    super(options, {
      name: 'aether',
      envelope: aetherEnvelope,
      auth: session,
      pager: offsetPager({ skip: 'skip', limit: 'limit', defaultLimit: 100 }),
      pagers: { '/api/users/me/api-keys': unpaged },
      ids: { user_id: uuidId, key_id: uuidId },
    });
    this.session = session;
  }

  /** The tokens this client sends, or `undefined` when logged out. A copy: changing it changes nothing. */
  get tokens(): SessionTokens | undefined {
    return this.session.tokens;
  }

  /**
   * Replaces the tokens, e.g. when another tab refreshed them into shared storage; `onTokens` is not called.
   * `undefined` logs this client out locally (the token stays valid on the server).
   * @example
   * client.setTokens(JSON.parse(event.newValue));
   */
  setTokens(tokens: SessionTokens | undefined): void {
    this.session.set(tokens);
  }
}
