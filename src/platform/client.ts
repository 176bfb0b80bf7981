import { tokenSession, type TokenSession } from '../core/auth/token-session.js';
import { ApiPromise } from '../core/api-promise.js';
import { BaseClient } from '../core/client.js';
import { ApiError } from '../core/errors/api-error.js';
import { prefixedId } from '../core/ids.js';
import type { ClientOptions, RequestOptions } from '../core/options.js';
import { pageNumber } from '../core/pagers.js';
import { platformEnvelope } from './envelope.js';
import type { paths } from './generated/schema.js';
import { PasswordCipher } from './internal/password-cipher.js';
import type { EncryptPassword } from './password.js';
import { Admin } from './resources/admin.js';
import { ApiKeys } from './resources/api-keys.js';
import { Auth } from './resources/auth.js';
import { Enterprise } from './resources/enterprise.js';
import { Members } from './resources/members.js';
import { Users } from './resources/users.js';
import { Verification } from './resources/verification.js';
import { needsRenewal, type SessionTokens, type TokenPair, type TokensListener } from './tokens.js';

const userId = prefixedId('u_');

/** Options of {@link PlatformClient}. */
export interface PlatformClientOptions extends ClientOptions {
  /** Tokens to start with, e.g. read back from storage. @default undefined (log in with `auth.login()`) */
  tokens?: SessionTokens;
  /** Told about every new token pair, and about logout, so the app can persist them. @default undefined */
  onTokens?: TokensListener;
  /**
   * Replaces the built-in WebCrypto RSA-OAEP-256 password encryption, e.g. for a server that
   * decrypts PKCS#1 v1.5. See {@link EncryptPassword} for node-forge and JSEncrypt examples.
   * @default undefined (RSA-OAEP with SHA-256 through WebCrypto)
   */
  encryptPassword?: EncryptPassword;
}

/**
 * The client for the platform "v1" API: personal and enterprise accounts, API keys, verification,
 * enterprise members and platform administration. Pass plain passwords: the client encrypts them with
 * the server's public key. It keeps the access and refresh tokens from login, sends the access token
 * as `Authorization: Bearer`, and renews it once when the server says it expired.
 *
 * @example
 * const client = new PlatformClient({ baseURL: 'http://127.0.0.1:4013' });
 * const captcha = await client.auth.captcha.create();
 * const { captcha_token } = await client.auth.captcha.verify({ captcha_id: captcha.captcha_id, answer: 'K7WX' });
 * await client.auth.login({ email: 'user@example.com', password: 'Passw0rd!', captcha_token });
 * const me = await client.users.me.retrieve();
 */
export class PlatformClient extends BaseClient<paths> {
  /** Public key, captcha, register, login, refresh, logout. Routes under `/api/v1/auth/`. */
  readonly auth: Auth = new Auth(this);
  /** The caller's own account. Routes under `/api/v1/users/me`. */
  readonly users: Users = new Users(this);
  /** The caller's API keys. Routes under `/api/v1/users/me/apikeys`. */
  readonly apiKeys: ApiKeys = new ApiKeys(this);
  /** Real-name and enterprise verification. Routes under `/api/v1/users/me/verify/`. */
  readonly verification: Verification = new Verification(this);
  /** The caller's enterprise. `GET|PUT /api/v1/enterprise/profile` */
  readonly enterprise: Enterprise = new Enterprise(this);
  /** Enterprise members, invitations, quotas and roles. Routes under `/api/v1/enterprise/`. */
  readonly members: Members = new Members(this);
  /** Platform administration: users and verification review. Routes under `/admin/v1/`. */
  readonly admin: Admin = new Admin(this);

  /**
   * The access and refresh tokens: kept from login and refresh, renewed once when the server says the access token
   * expired, forgotten at logout. `onTokens` hears every change.
   */
  readonly session: TokenSession<SessionTokens, TokenPair>;
  readonly #cipher: PasswordCipher;

  constructor(options: PlatformClientOptions) {
    const session = tokenSession<SessionTokens, TokenPair>({
      tokens: options.tokens,
      onTokens: options.onTokens,
      issuedBy: {
        'POST /api/v1/auth/login': (data) => {
          const { user: _user, ...pair } = data as TokenPair & { user: unknown };
          return pair;
        },
        'POST /api/v1/auth/refresh': (data) => data as TokenPair,
      },
      endedBy: ['POST /api/v1/auth/logout'],
      // Never retried: the server revokes the session when a refresh token is used twice.
      refresh: (context, refresh_token, call) => context.request('post', '/api/v1/auth/refresh', { body: { refresh_token } }, { ...call, maxRetries: 0 }) as Promise<TokenPair>,
      // 40103: the refresh token itself was refused, so the tokens are dropped.
      refused: (error) => error instanceof ApiError && error.code === 40103,
      needsRenewal,
    });
    super(options, {
      name: 'platform',
      envelope: platformEnvelope,
      auth: session,
      pager: pageNumber({ page: 'page', size: 'page_size' }),
      ids: { user_id: userId, member_id: userId, key_id: prefixedId('key_'), verification_id: prefixedId('ver_') },
    });
    this.session = session;
    this.#cipher = new PasswordCipher((call) => this.request('get', '/api/v1/auth/public-key', {}, call), options.encryptPassword);
  }

  /** The tokens this client sends, or `undefined` when logged out. A copy: changing it changes nothing. */
  get tokens(): SessionTokens | undefined {
    return this.session.tokens;
  }

  /**
   * Replaces the tokens, e.g. when another tab refreshed them into shared storage; `onTokens` is
   * not called. `undefined` logs this client out locally (the session stays valid on the server).
   * @example
   * client.setTokens(JSON.parse(event.newValue));
   */
  setTokens(tokens: SessionTokens | undefined): void {
    this.session.set(tokens);
  }

  /**
   * Encrypts the plain passwords in `passwords` and calls `send` with the ciphertexts and `key_id`;
   * on a refused key, fetches a new one and calls `send` once more. The answer is that of the last `send`.
   * @internal used by resources that carry passwords
   */
  withPasswords<K extends string, T>(passwords: Record<K, string>, send: (fields: Record<K, string> & { key_id: string }) => ApiPromise<T>, options?: RequestOptions): ApiPromise<T> {
    return ApiPromise.chain(() => this.#cipher.send(passwords, (fields) => send(fields).settled(), options));
  }
}
