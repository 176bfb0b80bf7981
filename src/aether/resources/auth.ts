/**
 * The auth module: login by email, refresh, logout, registration, the token's user and its password.
 * Routes under `/api/auth/`.
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import { Resource } from '../../core/resource.js';
import type { AetherClient } from '../client.js';
import type { Body, Data } from '../internal/types.js';
import type { TokenPair } from '../tokens.js';

/** Body of `POST /api/auth/login`: the email (case-sensitive, as stored) and the password. */
export interface LoginParams extends Body<'/api/auth/login', 'post'> {}
/** A new session: both tokens, `expires_in` (always 86400), and who logged in. */
export interface LoginResult extends Data<'/api/auth/login', 'post'> {}
/** Body of `POST /api/auth/register` (off unless the server's `enable_registration` is on). */
export interface RegisterParams extends Body<'/api/auth/register', 'post'> {}
/** The new account's id, email and username. */
export interface RegisteredUser extends Data<'/api/auth/register', 'post'> {}
/** The token's user with quota and restrictions, as `GET /api/auth/me` answers. */
export interface AuthUser extends Data<'/api/auth/me', 'get'> {}
/** Body of `PATCH /api/auth/password`: the new password needs 8 characters here. */
export interface AuthPasswordParams extends Body<'/api/auth/password', 'patch'> {}

/** Sign in, stay signed in, sign out. */
export class Auth extends Resource<AetherClient> {
  /**
   * Logs in by email; the client keeps both tokens and tells `onTokens`. Five logins a minute per client address.
   * `POST /api/auth/login`
   * @example
   * const { role } = await client.auth.login({ email: 'admin@localhost', password: 'the-admin-password' });
   */
  login(params: LoginParams, options?: RequestOptions): ApiPromise<LoginResult> {
    // The client's token session keeps the pair (it watches the login route).
    return this.client.request('post', '/api/auth/login', { body: params }, options);
  }

  /**
   * Swaps the refresh token for a new pair now. The client also does this by itself when a call answers 401;
   * both share one request. `POST /api/auth/refresh`
   * @example
   * const { access_token } = await client.auth.refresh();
   */
  refresh(options?: RequestOptions): Promise<TokenPair> {
    return this.client.session.refresh(options);
  }

  /**
   * Revokes the access token on the server and forgets both tokens here, even when the call fails. Upstream
   * revokes only the access token: a copy of the refresh token still mints new ones. `POST /api/auth/logout`
   * @example
   * await client.auth.logout();
   */
  logout(options?: RequestOptions): ApiPromise<void> {
    // The client's token session forgets the tokens after this call, whatever its outcome.
    return this.client.request('post', '/api/auth/logout', {}, options).map(toVoid);
  }

  /**
   * Creates a user account, when the server allows registration (upstream ships with it off: 403
   * `系统暂不开放注册`). It does not log in. `POST /api/auth/register`
   * @example
   * await client.auth.register({ email: 'mei@example.com', username: 'mei', password: 'Blue-lotus-42' });
   */
  register(params: RegisterParams, options?: RequestOptions): ApiPromise<RegisteredUser> {
    return this.client.request('post', '/api/auth/register', { body: params }, options);
  }

  /**
   * The token's user with `total_usd` and the `allowed_*` lists; the console reads `me.retrieve()` instead.
   * `GET /api/auth/me`
   * @example
   * const { quota_usd } = await client.auth.retrieve();
   */
  retrieve(options?: RequestOptions): ApiPromise<AuthUser> {
    return this.client.request('get', '/api/auth/me', {}, options);
  }

  /**
   * Changes the password (at least 8 characters on this route, 6 on `me.changePassword`); the tokens stay valid.
   * `PATCH /api/auth/password`
   * @example
   * await client.auth.changePassword({ old_password: 'Old-secret-1', new_password: 'New-secret-22' });
   */
  changePassword(params: AuthPasswordParams, options?: RequestOptions): ApiPromise<void> {
    return this.client.request('patch', '/api/auth/password', { body: params }, options).map(toVoid);
  }
}
