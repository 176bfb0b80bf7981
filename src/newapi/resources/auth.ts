/**
 * Registration and login. Routes under `/api/user/`.
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import { assertString } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';
import type { Body, Data } from '../internal/types.js';
import { TwoFactorRequiredError } from '../two-factor-required-error.js';

/** Body of `POST /api/user/register`. */
export interface RegisterParams extends Body<'/api/user/register', 'post'> {}
/** Body of `POST /api/user/login`, plus an optional 2FA code (or a function that asks for one). */
export interface LoginParams extends Body<'/api/user/login', 'post'> {
  /** Used only if the server asks for 2FA: a TOTP or a backup code, or a function returning one. */
  twoFactorCode?: string | (() => string | Promise<string>);
}
/** Who is logged in, as login answers it. */
export interface LoginUser extends Exclude<Data<'/api/user/login', 'post'>, { require_2fa: unknown }> {}

/** Register, log in (with 2FA), log out. */
export class Auth extends Resource<NewApiCore> {
  /**
   * Creates an account. Answers nothing on success, as upstream does. `POST /api/user/register`
   * @example
   * await client.auth.register({ username: 'alice', password: 'correct-horse-1' });
   */
  register(params: RegisterParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertString('username', params?.username, 'auth.register');
      assertString('password', params.password, 'auth.register');
      return this.client.request('post', '/api/user/register', { body: params }, options).map(toVoid);
    });
  }

  /**
   * Logs in with a username or an email; keeps the session cookie and the user id for `New-Api-User`.
   * Completes the 2FA step when the server asks for it and `twoFactorCode` is given, otherwise
   * throws {@link TwoFactorRequiredError}. `POST /api/user/login`, then `POST /api/user/login/2fa`
   * @example
   * const me = await client.auth.login({ username: 'root', password: '123456' });
   */
  login(params: LoginParams, options?: RequestOptions): ApiPromise<LoginUser> {
    return ApiPromise.chain(async () => {
      assertString('username', params?.username, 'auth.login');
      assertString('password', params.password, 'auth.login');
      const { twoFactorCode, ...body } = params;
      const { data, answer } = await this.client.request('post', '/api/user/login', { body }, options).settled();
      if (!('require_2fa' in data)) return { data: this.#remember(data), answer };
      if (twoFactorCode === undefined) throw new TwoFactorRequiredError();
      const code = typeof twoFactorCode === 'function' ? await twoFactorCode() : twoFactorCode;
      return this.verifyTwoFactor({ code }, options).settled();
    });
  }

  /**
   * Finishes a login that answered "2FA required", with a TOTP or a backup code. `POST /api/user/login/2fa`
   * @example
   * await client.auth.verifyTwoFactor({ code: '123456' });
   */
  verifyTwoFactor(params: Body<'/api/user/login/2fa', 'post'>, options?: RequestOptions): ApiPromise<LoginUser> {
    return ApiPromise.try(() => {
      assertString('code', params?.code, 'auth.verifyTwoFactor');
      return this.client.request('post', '/api/user/login/2fa', { body: params }, options).map((data) => this.#remember(data as LoginUser));
    });
  }

  /**
   * Ends the session on the server and forgets it here. An access token stays valid. `GET /api/user/logout`
   * @example
   * await client.auth.logout();
   */
  logout(options?: RequestOptions): ApiPromise<void> {
    // The client's session strategy forgets the user id and the cookie once this succeeds.
    return this.client.request('get', '/api/user/logout', {}, options).map(toVoid);
  }

  #remember(user: LoginUser): LoginUser {
    // The client's session strategy has kept `user.id` for `New-Api-User` (it watches the login routes).
    // The November 2025 line (BurnCloud) answers a whole zero-filled user (`password: ""`, `quota: 0`, ...):
    // keep the six fields later versions send, so nobody reads a quota of 0 that is not the user's.
    const { id, username, display_name, role, status, group } = user;
    return { id, username, display_name, role, status, group };
  }
}
