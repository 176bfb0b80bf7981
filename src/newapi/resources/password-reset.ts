/**
 * Password reset by email. `GET /api/reset_password`, `POST /api/user/reset`
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import { assertString } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';
import type { Body, Query } from '../internal/types.js';

/** Query of `GET /api/reset_password`. */
export interface PasswordResetRequestParams extends Query<'/api/reset_password', 'get'> {}
/** Body of `POST /api/user/reset`: the address and the token from the mailed link. */
export interface PasswordResetConfirmParams extends Body<'/api/user/reset', 'post'> {}

/** The forgotten-password flow: a mailed link, then a new password chosen by the server. */
export class PasswordReset extends Resource<NewApiCore> {
  /**
   * Mails a reset link (`…/user/reset?email=…&token=…`, valid 10 minutes) when exactly one account has this
   * address. Succeeds the same either way, so it does not reveal who is registered. Not retried by default:
   * the GET sends a mail and counts against the 20-per-20-minutes limit. `GET /api/reset_password`
   * @example
   * await client.passwordReset.request({ email: 'alice@example.com' });
   */
  request(params: PasswordResetRequestParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertString('email', params?.email, 'passwordReset.request');
      return this.client.request('get', '/api/reset_password', { query: params }, { maxRetries: 0, ...options }).map(toVoid);
    });
  }

  /**
   * Spends the token from the link and returns the new password, which the server picks (12 hex digits);
   * show it to the user once and have them change it. `POST /api/user/reset`
   * @example
   * const password = await client.passwordReset.confirm({ email: 'alice@example.com', token });
   * await client.auth.login({ username: 'alice@example.com', password });
   */
  confirm(params: PasswordResetConfirmParams, options?: RequestOptions): ApiPromise<string> {
    return ApiPromise.try(() => {
      assertString('email', params?.email, 'passwordReset.confirm');
      assertString('token', params.token, 'passwordReset.confirm');
      return this.client.request('post', '/api/user/reset', { body: params }, options);
    });
  }
}
