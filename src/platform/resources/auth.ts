/**
 * The auth module: public key, captcha, register, login, refresh, logout. Routes under `/api/v1/auth/`
 * (and `/api/v1/users/register`).
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PlatformClient } from '../client.js';
import type { Body, Data, DistributiveOmit } from '../internal/types.js';
import { assertStrings } from '../internal/validate.js';
import type { TokenPair } from '../tokens.js';
import { Captchas } from './captcha.js';

/** The server's current password key: `{key_id, algorithm, public_key, expires_at}`. */
export interface PublicKey extends Data<'/api/v1/auth/public-key', 'get'> {}
/**
 * Login with `email` or `phone`, the **plain** password (the SDK encrypts it) and a captcha token.
 * @useDeclaredType
 */
export type LoginParams = ExactlyOne<DistributiveOmit<Body<'/api/v1/auth/login', 'post'>, 'key_id' | 'password'>, 'email' | 'phone'> & {
  /** The plain password. The SDK encrypts it with the server's public key; it is never sent as is. */
  password: string;
};
// The document's `oneOf` becomes a plain union, which TypeScript lets both fields through; `never` on the
// other field makes passing both a compile error instead of a runtime TypeError.
type ExactlyOne<T, K extends PropertyKey> = T extends unknown ? T & { [O in Exclude<K, keyof T>]?: never } : never;
/** A new session: the token pair plus the user. */
export interface LoginResult extends Data<'/api/v1/auth/login', 'post'> {}
/** Registration with the **plain** password (the SDK encrypts it); `enterprise_name` for `enterprise`. */
export interface RegisterParams extends Omit<Body<'/api/v1/users/register', 'post'>, 'key_id' | 'password'> {
  /** The plain password, 8–32 characters with letters and digits. Encrypted by the SDK. */
  password: string;
}
/** The new account. */
export interface RegisteredUser extends Data<'/api/v1/users/register', 'post'> {}
/** Body of `POST /api/v1/auth/logout`: `all: true` ends every session of the user. */
export interface LogoutParams extends Body<'/api/v1/auth/logout', 'post'> {}

/** Sign up, sign in, stay signed in, sign out. */
export class Auth extends Resource<PlatformClient> {
  /** Image captchas and their tokens. `POST /api/v1/auth/captcha`, `POST /api/v1/auth/captcha/verify` */
  readonly captcha: Captchas = new Captchas(this.client);

  /**
   * The server's current public key for password encryption. The client fetches and caches it by
   * itself; this is for callers who encrypt on their own. `GET /api/v1/auth/public-key`
   * @example
   * const { key_id, public_key, expires_at } = await client.auth.publicKey();
   */
  publicKey(options?: RequestOptions): ApiPromise<PublicKey> {
    return this.client.request('get', '/api/v1/auth/public-key', {}, options);
  }

  /**
   * Creates a personal or enterprise account; log in next. `POST /api/v1/users/register`
   * @example
   * await client.auth.register({ user_type: 'personal', email: 'me@example.com', password: 'Passw0rd!', captcha_token });
   */
  register(params: RegisterParams, options?: RequestOptions): ApiPromise<RegisteredUser> {
    return ApiPromise.try(() => {
      assertStrings(params, ['user_type', 'email', 'password', 'captcha_token'], 'auth.register');
      if (params.user_type === 'enterprise') assertStrings(params, ['enterprise_name'], 'auth.register');
      const { password, ...rest } = params;
      return this.client.withPasswords({ password }, (fields) => this.client.request('post', '/api/v1/users/register', { body: { ...rest, ...fields } }, options), options);
    });
  }

  /**
   * Logs in with an email or a phone number; the client keeps the tokens and tells `onTokens`.
   * `POST /api/v1/auth/login`
   * @example
   * const { user } = await client.auth.login({ email: 'me@example.com', password: 'Passw0rd!', captcha_token });
   */
  login(params: LoginParams, options?: RequestOptions): ApiPromise<LoginResult> {
    return ApiPromise.try(() => {
      assertStrings(params, ['password', 'captcha_token'], 'auth.login');
      const { password, ...rest } = params as LoginParams & { email?: unknown; phone?: unknown };
      if ((rest.email === undefined) === (rest.phone === undefined)) throw new TypeError('Failed to call auth.login: pass exactly one of `email` and `phone`.');
      const body = (fields: { key_id: string; password: string }) => ({ ...rest, ...fields }) as Body<'/api/v1/auth/login', 'post'>;
      // The client's token session keeps the pair and tells `onTokens` (it watches the login route).
      return this.client.withPasswords({ password }, (fields) => this.client.request('post', '/api/v1/auth/login', { body: body(fields) }, options), options);
    });
  }

  /**
   * Swaps the refresh token for a new pair now. The client also does this by itself when the access
   * token expires; both share one request. Never retried: the server revokes a session whose refresh
   * token is used twice. `POST /api/v1/auth/refresh`
   * @example
   * const { expires_at } = await client.auth.refresh();
   */
  refresh(options?: RequestOptions): Promise<TokenPair> {
    return this.client.session.refresh(options);
  }

  /**
   * Revokes this session (or, with `all: true`, every session of the user) and forgets the tokens
   * here, even when the call fails. `POST /api/v1/auth/logout`
   * @example
   * await client.auth.logout({ all: true });
   */
  logout(params: LogoutParams = {}, options?: RequestOptions): ApiPromise<void> {
    // The client's token session forgets the tokens after this call, whatever its outcome.
    return this.client.request('post', '/api/v1/auth/logout', { body: params }, options).map(toVoid);
  }
}
