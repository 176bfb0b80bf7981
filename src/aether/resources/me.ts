/**
 * The caller's own account. Routes under `/api/users/me`.
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import { Resource } from '../../core/resource.js';
import type { AetherClient } from '../client.js';
import type { Body, Data } from '../internal/types.js';
import { ApiKeys } from './api-keys.js';

/** The caller's profile with preferences and spend (`stats`), as the console's `getCurrentUser` reads it. */
export interface Profile extends Data<'/api/users/me', 'get'> {}
/** Body of `PUT /api/users/me`: a new `email` and/or `username`, each checked for uniqueness. */
export interface ProfileUpdateParams extends Body<'/api/users/me', 'put'> {}
/** Body of `PATCH /api/users/me/password`: the new password needs 6 characters here. */
export interface PasswordChangeParams extends Body<'/api/users/me/password', 'patch'> {}

/** Read and change the caller's profile and password, and manage their own API keys. */
export class Me extends Resource<AetherClient> {
  /** The caller's own API keys. Routes under `/api/users/me/api-keys`. */
  readonly apiKeys: ApiKeys = new ApiKeys(this.client);

  /**
   * The caller's profile. `GET /api/users/me`
   * @example
   * const { username, quota_usd, stats } = await client.me.retrieve();
   */
  retrieve(options?: RequestOptions): ApiPromise<Profile> {
    return this.client.request('get', '/api/users/me', {}, options);
  }

  /**
   * Changes the caller's email or username (a taken one: `邮箱已被使用` / `用户名已被使用`). Answers only a message,
   * so read the profile again for the new values. `PUT /api/users/me`
   * @example
   * await client.me.update({ username: 'mei_chen' });
   */
  update(params: ProfileUpdateParams, options?: RequestOptions): ApiPromise<void> {
    return this.client.request('put', '/api/users/me', { body: params }, options).map(toVoid);
  }

  /**
   * Changes the caller's password (at least 6 characters); the tokens stay valid. `PATCH /api/users/me/password`
   * @example
   * await client.me.changePassword({ old_password: 'Old-secret-1', new_password: 'New-secret-22' });
   */
  changePassword(params: PasswordChangeParams, options?: RequestOptions): ApiPromise<void> {
    return this.client.request('patch', '/api/users/me/password', { body: params }, options).map(toVoid);
  }
}
