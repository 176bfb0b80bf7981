/**
 * The caller's own API keys. Routes under `/api/users/me/api-keys`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise } from '../../core/page.js';
import { Resource } from '../../core/resource.js';
import type { AetherClient } from '../client.js';
import type { components } from '../generated/schema.js';
import type { Body, Data, Item, Schema } from '../internal/types.js';

/** A key as the list shows it: `key_display` (`sk-AbCdEfG...wxyz`), never the full key. */
export interface ApiKey extends Item<'/api/users/me/api-keys'> {}
/** One key in detail, with `rate_limit` and `expires_at`. */
export interface ApiKeyDetail extends Schema<'MyApiKeyDetail'> {}
/** Body of `POST /api/users/me/api-keys`: a `name`, which this route requires. */
export interface ApiKeyCreateParams extends Body<'/api/users/me/api-keys', 'post'> {}
/** The creation answer, with the full key in `key`. */
export interface CreatedApiKey extends Data<'/api/users/me/api-keys', 'post'> {}
/** The new state after a toggle: `{id, is_active, message}`. */
export interface ApiKeyToggled extends Data<'/api/users/me/api-keys/{key_id}', 'patch'> {}

/** Create, list, reveal, toggle and delete the caller's API keys. */
export class ApiKeys extends Resource<AetherClient> {
  /**
   * Every key of the caller, newest first, with its usage; one page, as upstream answers them all at once.
   * `GET /api/users/me/api-keys`
   * @example
   * for await (const key of client.me.apiKeys.list()) console.log(key.name, key.key_display);
   */
  list(options?: RequestOptions): PagePromise<ApiKey, number | undefined> {
    return this.client.page('/api/users/me/api-keys', {}, options);
  }

  /**
   * Creates a key; `key` holds it whole. `POST /api/users/me/api-keys`
   * @example
   * const { id, key } = await client.me.apiKeys.create({ name: 'laptop' });
   */
  create(params: ApiKeyCreateParams, options?: RequestOptions): ApiPromise<CreatedApiKey> {
    return this.client.request('post', '/api/users/me/api-keys', { body: params }, options);
  }

  /**
   * One key, masked. `GET /api/users/me/api-keys/{key_id}`
   * @example
   * const { key_display, expires_at } = await client.me.apiKeys.retrieve(keyId);
   */
  retrieve(keyId: string, options?: RequestOptions): ApiPromise<ApiKeyDetail> {
    // The route answers `{key}` only with `include_key=true`, which is reveal()'s.
    return this.client.request('get', '/api/users/me/api-keys/{key_id}', { path: { key_id: keyId } }, options) as unknown as ApiPromise<ApiKeyDetail>;
  }

  /**
   * The full key again: upstream keeps it encrypted and decrypts it on request. `GET /api/users/me/api-keys/{key_id}?include_key=true`
   * @example
   * const key = await client.me.apiKeys.reveal(keyId); // 'sk-…', 35 characters
   */
  reveal(keyId: string, options?: RequestOptions): ApiPromise<string> {
    const answer = this.client.request('get', '/api/users/me/api-keys/{key_id}', { path: { key_id: keyId }, query: { include_key: true } }, options);
    return answer.map((key) => (key as components['schemas']['FullKey']).key);
  }

  /**
   * Switches a key off when it is on and on when it is off. `PATCH /api/users/me/api-keys/{key_id}`
   * @example
   * const { is_active } = await client.me.apiKeys.toggle(keyId);
   */
  toggle(keyId: string, options?: RequestOptions): ApiPromise<ApiKeyToggled> {
    return this.client.request('patch', '/api/users/me/api-keys/{key_id}', { path: { key_id: keyId } }, options);
  }

  /**
   * Deletes a key for good. An unknown key is a `NotFoundError`, except on a retry after an attempt whose answer
   * was lost: then it counts as deleted (docs/decisions/015-retried-delete.md). `DELETE /api/users/me/api-keys/{key_id}`
   * @example
   * await client.me.apiKeys.delete(keyId);
   */
  delete(keyId: string, options?: RequestOptions): ApiPromise<void> {
    return this.client.remove('/api/users/me/api-keys/{key_id}', { path: { key_id: keyId } }, options);
  }
}
