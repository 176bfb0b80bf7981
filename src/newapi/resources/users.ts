/**
 * Users, as an administrator sees them. Routes under `/api/user/`.
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise, PageParams } from '../../core/page.js';
import { assertId, assertString } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';
import type { Body, Data, Query } from '../internal/types.js';

type Paging = 'p' | 'page_size';
/** A user as the admin routes answer it (`password` is always `""`; `DeletedAt` is set on soft-deleted users). */
export interface User extends Data<'/api/user/{id}', 'get'> {}
/** Sorting of `GET /api/user/`. */
export interface UserListParams extends PageParams, Omit<Query<'/api/user/', 'get'>, Paging> {}
/** Filters of `GET /api/user/search`. */
export interface UserSearchParams extends PageParams, Omit<Query<'/api/user/search', 'get'>, Paging> {}
/** Body of `POST /api/user/`. */
export interface UserCreateParams extends Body<'/api/user/', 'post'> {}
/** Body of `PUT /api/user/`, without the id (given as the first argument). */
export interface UserUpdateParams extends Omit<Body<'/api/user/', 'put'>, 'id'> {}
/** `add_quota`'s mode and amount. */
export interface QuotaChangeParams extends Pick<Body<'/api/user/manage', 'post'>, 'mode' | 'value'> {}
/** What `POST /api/user/manage` answers: a blank user carrying only the new `role` and `status`. */
export interface ManageResult extends Data<'/api/user/manage', 'post'> {}
type Action = Body<'/api/user/manage', 'post'>['action'];
/** How many users have 2FA on: `{total_users, enabled_users, enabled_rate}` (`enabled_rate` like `"12.5%"`). */
export interface TwoFactorStats extends Data<'/api/user/2fa/stats', 'get'> {}

/** Manage users (admin role 10 or root 100; an admin acts only on lower roles). */
export class Users extends Resource<NewApiCore> {
  /**
   * One page of users, newest first; soft-deleted users included. `GET /api/user/`
   * @example
   * for await (const user of client.users.list({ pageSize: 50 })) console.log(user.username);
   */
  list(params: UserListParams = {}, options?: RequestOptions): PagePromise<User> {
    return this.client.page('/api/user/', params, options);
  }

  /**
   * Users whose username, email or display name contains `keyword` (or whose id equals it). `GET /api/user/search`
   * @example
   * const page = await client.users.search({ keyword: 'alice', group: 'default' });
   */
  search(params: UserSearchParams = {}, options?: RequestOptions): PagePromise<User> {
    return this.client.page('/api/user/search', params, options);
  }

  /**
   * One user; a deleted one is "record not found". `GET /api/user/:id`
   * @example
   * const user = await client.users.retrieve(42);
   */
  retrieve(id: number, options?: RequestOptions): ApiPromise<User> {
    return this.client.request('get', '/api/user/{id}', { path: { id } }, options);
  }

  /**
   * Creates a user with a lower role than the caller's. Answers nothing, as upstream does. `POST /api/user/`
   * @example
   * await client.users.create({ username: 'bob', password: 'pa55word!', display_name: 'Bob' });
   */
  create(params: UserCreateParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertString('username', params?.username, 'users.create');
      assertString('password', params.password, 'users.create');
      return this.client.request('post', '/api/user/', { body: params }, options).map(toVoid);
    });
  }

  /**
   * Changes a user's profile; the role cannot change here (use promote/demote). `PUT /api/user/`
   * @example
   * await client.users.update(42, { display_name: 'Robert', group: 'vip' });
   */
  update(id: number, params: UserUpdateParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertId('id', id, 'users.update');
      return this.client.request('put', '/api/user/', { body: { ...params, id } }, options).map(toVoid);
    });
  }

  /**
   * Deletes a user for good (hard delete). Only a strictly higher role may: root cannot delete root.
   * For the soft delete of the console's "delete" button, use {@link Users.softDelete}. An unknown id is a
   * `NotFoundError`, except on a retry after an attempt whose answer was lost: then it counts as deleted
   * (docs/decisions/015-retried-delete.md). `DELETE /api/user/:id`
   * @example
   * await client.users.delete(42);
   */
  delete(id: number, options?: RequestOptions): ApiPromise<void> {
    return this.client.remove('/api/user/{id}', { path: { id } }, options);
  }

  /** Re-enables a disabled user. `POST /api/user/manage` `{action: "enable"}` @example await client.users.enable(42); */
  enable(id: number, options?: RequestOptions): ApiPromise<ManageResult> {
    return this.#manage(id, 'enable', options);
  }

  /** Disables (bans) a user; root cannot be disabled. `POST /api/user/manage` `{action: "disable"}` @example await client.users.disable(42); */
  disable(id: number, options?: RequestOptions): ApiPromise<ManageResult> {
    return this.#manage(id, 'disable', options);
  }

  /**
   * Soft-deletes a user, as the console's delete button does. JUL26 re-reads the user after deleting
   * and so answers "record not found" even when the delete happened: the SDK throws that as upstream
   * says it (a NotFoundError), because an unknown id answers the same. `POST /api/user/manage` `{action: "delete"}`
   * @example
   * await client.users.softDelete(42).catch((err) => { if (!(err instanceof NotFoundError)) throw err; });
   */
  softDelete(id: number, options?: RequestOptions): ApiPromise<ManageResult> {
    return this.#manage(id, 'delete', options);
  }

  /** Makes a common user an admin (root only). `POST /api/user/manage` `{action: "promote"}` @example await client.users.promote(42); */
  promote(id: number, options?: RequestOptions): ApiPromise<ManageResult> {
    return this.#manage(id, 'promote', options);
  }

  /** Makes an admin a common user again. `POST /api/user/manage` `{action: "demote"}` @example await client.users.demote(42); */
  demote(id: number, options?: RequestOptions): ApiPromise<ManageResult> {
    return this.#manage(id, 'demote', options);
  }

  /**
   * Adds to, subtracts from or overrides a user's quota. `POST /api/user/manage` `{action: "add_quota"}`
   * @example
   * await client.users.addQuota(42, { mode: 'add', value: client.usdToQuota(10) });
   */
  addQuota(id: number, params: QuotaChangeParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertId('id', id, 'users.addQuota');
      return this.client.request('post', '/api/user/manage', { body: { id, action: 'add_quota', ...params } }, options).map(toVoid);
    });
  }

  /**
   * How many users have 2FA on. `GET /api/user/2fa/stats`
   * @example
   * const { enabled_rate } = await client.users.twoFactorStats();
   */
  twoFactorStats(options?: RequestOptions): ApiPromise<TwoFactorStats> {
    return this.client.request('get', '/api/user/2fa/stats', {}, options);
  }

  /**
   * Forces a user's 2FA off (for a user who lost their authenticator); only for lower roles, but root may act on
   * anyone. `DELETE /api/user/:id/2fa`
   * @example
   * await client.users.disableTwoFactor(42);
   */
  disableTwoFactor(id: number, options?: RequestOptions): ApiPromise<void> {
    return this.client.request('delete', '/api/user/{id}/2fa', { path: { id } }, options).map(toVoid);
  }

  #manage(id: number, action: Action, options?: RequestOptions): ApiPromise<ManageResult> {
    return ApiPromise.try(() => {
      assertId('id', id, `users.${action}`);
      return this.client.request('post', '/api/user/manage', { body: { id, action } }, options);
    });
  }
}
