/**
 * The caller's API keys. Routes under `/api/v1/users/me/apikeys`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise } from '../../core/page.js';
import type { PlatformClient } from '../client.js';
import type { Body, Data, Item, ListParams } from '../internal/types.js';
import { assertAnyOf, assertStrings } from '../internal/validate.js';

/** A key as lists show it: `key_prefix` (`sk-prod-abc1****`), never the full key. */
export interface ApiKey extends Item<'/api/v1/users/me/apikeys'> {}
/** The creation answer, the only one with the full key in `api_key`. */
export interface CreatedApiKey extends Data<'/api/v1/users/me/apikeys', 'post'> {}
/** Filters of `GET /api/v1/users/me/apikeys` (`key_type`, `status`) and paging. */
export interface ApiKeyListParams extends ListParams<'/api/v1/users/me/apikeys'> {}
/** Body of `POST /api/v1/users/me/apikeys`. */
export interface ApiKeyCreateParams extends Body<'/api/v1/users/me/apikeys', 'post'> {}
/** Body of `PUT /api/v1/users/me/apikeys/{key_id}`: rename, disable, enable, restrict. */
export interface ApiKeyUpdateParams extends Body<'/api/v1/users/me/apikeys/{key_id}', 'put'> {}

/** Create, list, change and delete the caller's API keys. */
export class ApiKeys extends Resource<PlatformClient> {
  /**
   * One page of keys, newest first. `GET /api/v1/users/me/apikeys`
   * @example
   * for await (const key of client.apiKeys.list({ key_type: 'production', status: 'active' })) console.log(key.key_prefix);
   */
  list(params: ApiKeyListParams = {}, options?: RequestOptions): PagePromise<ApiKey> {
    return this.client.page('/api/v1/users/me/apikeys', params, options);
  }

  /**
   * Creates a key. Store `api_key` now: it is never shown again. `POST /api/v1/users/me/apikeys`
   * @example
   * const { api_key } = await client.apiKeys.create({ name: 'CI', key_type: 'test', allowed_models: ['gpt-4o'] });
   */
  create(params: ApiKeyCreateParams, options?: RequestOptions): ApiPromise<CreatedApiKey> {
    return ApiPromise.try(() => {
      assertStrings(params, ['name', 'key_type'], 'apiKeys.create');
      return this.client.request('post', '/api/v1/users/me/apikeys', { body: params }, options);
    });
  }

  /**
   * One of the caller's keys. `GET /api/v1/users/me/apikeys/{key_id}`
   * @example
   * const key = await client.apiKeys.retrieve('key_01HX41B2C3D4E5F6G7H8J9KMNP');
   */
  retrieve(keyId: string, options?: RequestOptions): ApiPromise<ApiKey> {
    return this.client.request('get', '/api/v1/users/me/apikeys/{key_id}', { path: { key_id: keyId } }, options);
  }

  /**
   * Renames, disables or enables a key, or changes its limits; only the fields given change.
   * `PUT /api/v1/users/me/apikeys/{key_id}`
   * @example
   * await client.apiKeys.update(keyId, { status: 'disabled' });
   */
  update(keyId: string, params: ApiKeyUpdateParams, options?: RequestOptions): ApiPromise<ApiKey> {
    return ApiPromise.try(() => {
      assertAnyOf(params, ['name', 'status', 'expires_at', 'allowed_models', 'allowed_ips'], 'apiKeys.update');
      return this.client.request('put', '/api/v1/users/me/apikeys/{key_id}', { path: { key_id: keyId }, body: params }, options);
    });
  }

  /**
   * Deletes a key for good; it stops working at once. An unknown key is a `NotFoundError` (40402), except on a
   * retry after an attempt whose answer was lost: then it counts as deleted (docs/decisions/015-retried-delete.md).
   * `DELETE /api/v1/users/me/apikeys/{key_id}`
   * @example
   * await client.apiKeys.delete(keyId);
   */
  delete(keyId: string, options?: RequestOptions): ApiPromise<void> {
    return this.client.remove('/api/v1/users/me/apikeys/{key_id}', { path: { key_id: keyId } }, options);
  }
}
