/**
 * Users, as a platform admin sees them. Routes under `/admin/v1/users`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise } from '../../core/page.js';
import type { PlatformClient } from '../client.js';
import type { Body, Data, ListParams } from '../internal/types.js';
import { assertStrings } from '../internal/validate.js';

/** A user with status, freeze and last-login details; the phone masked. */
export interface AdminUser extends Data<'/admin/v1/users/{user_id}', 'get'> {}
/** Filters of `GET /admin/v1/users` (`user_type`, `status`, `keyword`) and paging. */
export interface AdminUserListParams extends ListParams<'/admin/v1/users'> {}
/** Body of `POST /admin/v1/users/{user_id}/freeze`. */
export interface FreezeParams extends Body<'/admin/v1/users/{user_id}/freeze', 'post'> {}

/** List, read, freeze and unfreeze users (platform admins only). */
export class AdminUsers extends Resource<PlatformClient> {
  /**
   * One page of users, newest first; `keyword` matches email, phone and nickname. `GET /admin/v1/users`
   * @example
   * for await (const user of client.admin.users.list({ status: 'frozen' })) console.log(user.email);
   */
  list(params: AdminUserListParams = {}, options?: RequestOptions): PagePromise<AdminUser> {
    return this.client.page('/admin/v1/users', params, options);
  }

  /**
   * One user. `GET /admin/v1/users/{user_id}`
   * @example
   * const user = await client.admin.users.retrieve('u_01HX3Z8K9Q2M7N4P5R6S7T8V9W');
   */
  retrieve(userId: string, options?: RequestOptions): ApiPromise<AdminUser> {
    return this.client.request('get', '/admin/v1/users/{user_id}', { path: { user_id: userId } }, options);
  }

  /**
   * Freezes a user: every session ends at once and their tokens answer 40302. `POST /admin/v1/users/{user_id}/freeze`
   * @example
   * await client.admin.users.freeze(userId, { reason: 'abuse report #123' });
   */
  freeze(userId: string, params: FreezeParams, options?: RequestOptions): ApiPromise<AdminUser> {
    return ApiPromise.try(() => {
      assertStrings(params, ['reason'], 'admin.users.freeze');
      return this.client.request('post', '/admin/v1/users/{user_id}/freeze', { path: { user_id: userId }, body: params }, options);
    });
  }

  /**
   * Unfreezes a user, who then logs in again. `POST /admin/v1/users/{user_id}/unfreeze`
   * @example
   * await client.admin.users.unfreeze(userId);
   */
  unfreeze(userId: string, options?: RequestOptions): ApiPromise<AdminUser> {
    return this.client.request('post', '/admin/v1/users/{user_id}/unfreeze', { path: { user_id: userId } }, options);
  }
}
