/**
 * Users, as an administrator manages them. Routes under `/api/admin/users`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise } from '../../core/page.js';
import { Resource } from '../../core/resource.js';
import type { AetherClient } from '../client.js';
import type { Body, Data, Item, ListParams } from '../internal/types.js';
import { UserApiKeys } from './user-api-keys.js';

/** A user as the list shows it: no `allowed_*`, `updated_at` or `last_login_at`. `quota_usd: null` is unlimited. */
export interface UserListItem extends Item<'/api/admin/users'> {}
/** One user in full, with the `allowed_*` lists (`null`: unrestricted), `updated_at` and `last_login_at`. */
export interface User extends Data<'/api/admin/users/{user_id}', 'get'> {}
/** Filters of `GET /api/admin/users` (`role`, `is_active`) and paging (`page`/`pageSize` become `skip`/`limit`). */
export interface UserListParams extends ListParams<'/api/admin/users'> {}
/** Body of `POST /api/admin/users`. `quota_usd` defaults to 10 (USD); pass `null` for unlimited. */
export interface UserCreateParams extends Body<'/api/admin/users', 'post'> {}
/** The new user (no `updated_at` yet). */
export interface CreatedUser extends Data<'/api/admin/users', 'post'> {}
/**
 * Body of `PUT /api/admin/users/{user_id}`: only the fields given change; `null` clears a quota or a list. No
 * `password`: upstream drops it silently (an admin cannot set a password here), so the SDK does not offer it.
 */
export interface UserUpdateParams extends Omit<Body<'/api/admin/users/{user_id}', 'put'>, 'password'> {}
/** The user after the update. */
export interface UpdatedUser extends Data<'/api/admin/users/{user_id}', 'put'> {}
/** What a quota reset answers: `used_usd` is 0 again, `quota_usd` and `total_usd` as they were. */
export interface QuotaReset extends Data<'/api/admin/users/{user_id}/quota', 'patch'> {}

/** List, create, change and delete users, reset their quota, and manage their API keys (admins only). */
export class Users extends Resource<AetherClient> {
  /** A user's API keys. Routes under `/api/admin/users/{user_id}/api-keys`. */
  readonly apiKeys: UserApiKeys = new UserApiKeys(this.client);

  /**
   * One page of users, in the database's order; upstream says no total, so a next page exists while a page comes
   * back full. `GET /api/admin/users`
   * @example
   * for await (const user of client.users.list({ role: 'admin', pageSize: 50 })) console.log(user.email);
   */
  list(params: UserListParams = {}, options?: RequestOptions): PagePromise<UserListItem, number | undefined> {
    return this.client.page('/api/admin/users', params, options);
  }

  /**
   * Creates a user; they log in by email at once. `POST /api/admin/users`
   * @example
   * const user = await client.users.create({ username: 'mei', email: 'mei@example.com', password: 'Blue-lotus-42', quota_usd: 25 });
   */
  create(params: UserCreateParams, options?: RequestOptions): ApiPromise<CreatedUser> {
    return this.client.request('post', '/api/admin/users', { body: params }, options);
  }

  /**
   * One user. `GET /api/admin/users/{user_id}`
   * @example
   * const { allowed_models, last_login_at } = await client.users.retrieve(userId);
   */
  retrieve(userId: string, options?: RequestOptions): ApiPromise<User> {
    return this.client.request('get', '/api/admin/users/{user_id}', { path: { user_id: userId } }, options);
  }

  /**
   * Changes a user; `{ is_active: false }` locks them out at their next call. `PUT /api/admin/users/{user_id}`
   * @example
   * await client.users.update(userId, { quota_usd: null, allowed_models: ['gpt-4o'] });
   */
  update(userId: string, params: UserUpdateParams, options?: RequestOptions): ApiPromise<UpdatedUser> {
    return this.client.request('put', '/api/admin/users/{user_id}', { path: { user_id: userId }, body: params }, options);
  }

  /**
   * Deletes a user for good, with every API key they own; the last admin cannot go. An unknown user is a
   * `NotFoundError`, except on a retry after an attempt whose answer was lost (docs/decisions/015-retried-delete.md).
   * `DELETE /api/admin/users/{user_id}`
   * @example
   * await client.users.delete(userId);
   */
  delete(userId: string, options?: RequestOptions): ApiPromise<void> {
    return this.client.remove('/api/admin/users/{user_id}', { path: { user_id: userId } }, options);
  }

  /**
   * Sets the user's `used_usd` back to 0; their quota and lifetime `total_usd` stay. `PATCH /api/admin/users/{user_id}/quota`
   * @example
   * const { used_usd } = await client.users.resetQuota(userId); // 0
   */
  resetQuota(userId: string, options?: RequestOptions): ApiPromise<QuotaReset> {
    return this.client.request('patch', '/api/admin/users/{user_id}/quota', { path: { user_id: userId } }, options);
  }
}
