import { BaseClient } from '../core/client.js';
import { ApiError } from '../core/errors/api-error.js';
import { GatewayError } from '../core/errors/gateway-error.js';
import type { ClientOptions, RequestOptions } from '../core/options.js';
import { createRenewal } from '../core/renewal.js';
import type { Received, RequestSpec } from '../core/transport.js';
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

  #tokens: SessionTokens | undefined;
  #refreshing: Promise<TokenPair> | undefined;
  readonly #onTokens: TokensListener | undefined;
  readonly #cipher: PasswordCipher;
  // Runs without the triggering call's options: the refresh is shared, so one caller's abort must not cancel it.
  readonly #renew = createRenewal(() => this.refreshTokens().then(() => true));

  constructor(options: PlatformClientOptions) {
    super(options, {
      name: 'platform',
      envelope: platformEnvelope,
      page: { pageParam: 'page', sizeParam: 'page_size', read: readPage },
    });
    this.#tokens = options.tokens ? { ...options.tokens } : undefined;
    this.#onTokens = options.onTokens;
    this.#cipher = new PasswordCipher((call) => this.request('get', '/api/v1/auth/public-key', {}, call), options.encryptPassword);
  }

  /** The tokens this client sends, or `undefined` when logged out. A copy: changing it changes nothing. */
  get tokens(): SessionTokens | undefined {
    return this.#tokens && { ...this.#tokens };
  }

  /**
   * Replaces the tokens, e.g. when another tab refreshed them into shared storage; `onTokens` is
   * not called. `undefined` logs this client out locally (the session stays valid on the server).
   * @example
   * client.setTokens(JSON.parse(event.newValue));
   */
  setTokens(tokens: SessionTokens | undefined): void {
    this.#tokens = tokens && { ...tokens };
  }

  /**
   * Exchanges the refresh token for a new pair, once at a time: concurrent callers (and the automatic
   * renewal) share one request, because the server revokes the session when a refresh token is used
   * twice. Never retried. A 40103 answer drops the tokens. `POST /api/v1/auth/refresh`
   * @internal use `client.auth.refresh()`
   */
  refreshTokens(options?: RequestOptions): Promise<TokenPair> {
    return (this.#refreshing ??= this.#refresh(options).finally(() => {
      this.#refreshing = undefined;
    }));
  }

  /**
   * Stores new tokens (or none) and tells `onTokens`.
   * @internal used by the auth resource
   */
  async rememberTokens(tokens: TokenPair | undefined): Promise<void> {
    this.#tokens = tokens && { ...tokens };
    await this.#onTokens?.(tokens);
  }

  /**
   * Encrypts the plain passwords in `passwords` and calls `send` with the ciphertexts and `key_id`;
   * on a refused key, fetches a new one and calls `send` once more.
   * @internal used by resources that carry passwords
   */
  withPasswords<K extends string, T>(passwords: Record<K, string>, send: (fields: Record<K, string> & { key_id: string }) => Promise<T>, options?: RequestOptions): Promise<T> {
    return this.#cipher.send(passwords, send, options);
  }

  protected override authorize(headers: Headers): void {
    if (this.#tokens && !headers.has('authorization')) headers.set('Authorization', `Bearer ${this.#tokens.access_token}`);
  }

  protected override async send(spec: RequestSpec, options: RequestOptions | undefined): Promise<Received> {
    const sentWith = this.#tokens?.access_token;
    const first = await super.send(spec, options);
    if (sentWith === undefined || !needsRenewal(first, spec.url)) return first;
    // A call that failed with a token another call has already replaced just goes again with the new one.
    const current = this.#tokens;
    const renewed = current !== undefined && (current.access_token !== sentWith || (current.refresh_token !== undefined && (await this.#renew())));
    if (!renewed) return first;
    const again = await super.send(spec, options);
    // The 401 itself did nothing, but an attempt before it may have (its answer lost): a delete must still know.
    again.earlierMayHaveActed ||= first.earlierMayHaveActed;
    return again;
  }

  async #refresh(options: RequestOptions | undefined): Promise<TokenPair> {
    const refresh_token = this.#tokens?.refresh_token;
    if (!refresh_token) throw new GatewayError('Failed to refresh the tokens: this client has no refresh token. Please log in.');
    try {
      const pair = await this.request('post', '/api/v1/auth/refresh', { body: { refresh_token } }, { ...options, maxRetries: 0 });
      await this.rememberTokens(pair);
      return pair;
    } catch (error) {
      if (error instanceof ApiError && error.code === 40103 && this.#tokens?.refresh_token === refresh_token) await this.rememberTokens(undefined);
      throw error;
    }
  }
}

function readPage(data: unknown) {
  const page = data as { items: unknown[]; page: number; page_size: number; total: number };
  return { items: page.items, page: page.page, pageSize: page.page_size, total: page.total };
}
