/**
 * A user's API keys, as an administrator manages them. Routes under `/api/admin/users/{user_id}/api-keys`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import { Resource } from '../../core/resource.js';
import type { AetherClient } from '../client.js';
import type { Body, Data, Query, Schema } from '../internal/types.js';

/** A user's keys (standalone keys left out), newest first, with the user's email and name and a `total`. */
export interface UserApiKeyList extends Data<'/api/admin/users/{user_id}/api-keys', 'get'> {}
/** One key of that list: masked as `key_display`. */
export interface UserApiKey extends Schema<'UserApiKey'> {}
/** Filter of `GET /api/admin/users/{user_id}/api-keys`: `is_active`. */
export interface UserApiKeyListParams extends Query<'/api/admin/users/{user_id}/api-keys', 'get'> {}
/** Body of `POST /api/admin/users/{user_id}/api-keys`; every field may be left out (`{}` makes a key named by the time). */
export interface UserApiKeyCreateParams extends Body<'/api/admin/users/{user_id}/api-keys', 'post'> {}
/** The creation answer, the only one with the full key in `key`. */
export interface CreatedUserApiKey extends Data<'/api/admin/users/{user_id}/api-keys', 'post'> {}

/** List, issue and revoke a user's API keys (admins only). */
export class UserApiKeys extends Resource<AetherClient> {
  /**
   * The user's keys, all at once (upstream does not page them). `GET /api/admin/users/{user_id}/api-keys`
   * @example
   * const { api_keys, total } = await client.users.apiKeys.list(userId, { is_active: true });
   */
  list(userId: string, params: UserApiKeyListParams = {}, options?: RequestOptions): ApiPromise<UserApiKeyList> {
    return this.client.request('get', '/api/admin/users/{user_id}/api-keys', { path: { user_id: userId }, query: params }, options);
  }

  /**
   * Issues a key to the user; `key` holds it whole. `POST /api/admin/users/{user_id}/api-keys`
   * @example
   * const { key } = await client.users.apiKeys.create(userId, { name: 'Key-2026-12-01', expire_days: 30 });
   */
  create(userId: string, params: UserApiKeyCreateParams = {}, options?: RequestOptions): ApiPromise<CreatedUserApiKey> {
    return this.client.request('post', '/api/admin/users/{user_id}/api-keys', { path: { user_id: userId }, body: params }, options);
  }

  /**
   * Revokes (hard-deletes) one of the user's keys. An unknown key is a `NotFoundError`, except on a retry after an
   * attempt whose answer was lost (docs/decisions/015-retried-delete.md). `DELETE /api/admin/users/{user_id}/api-keys/{key_id}`
   * @example
   * await client.users.apiKeys.delete(userId, keyId);
   */
  delete(userId: string, keyId: string, options?: RequestOptions): ApiPromise<void> {
    return this.client.remove('/api/admin/users/{user_id}/api-keys/{key_id}', { path: { user_id: userId, key_id: keyId } }, options);
  }
}
