/**
 * The caller's API tokens (relay keys, sent to the gateway as `sk-<key>`). Routes under `/api/token/`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise, PageParams } from '../../core/page.js';
import { assertId } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';
import { createAndFind } from '../internal/find-created-token.js';
import type { Body, Data, Query, Schema } from '../internal/types.js';

/** A token as the server answers it: `key` is masked (`abcd**********wxyz`); status 1 enabled, 2 disabled, 3 expired, 4 exhausted. */
export interface Token extends Data<'/api/token/{id}', 'get'> {}
/** A token with its full 48-character `key` (without `sk-`), as {@link Tokens.create} returns it. */
export interface TokenWithKey extends Token {
  /** The full key, 48 characters, without `sk-`. */
  key: string;
}
/** Paging of `GET /api/token/`. */
export interface TokenListParams extends PageParams {}
/** `keyword` (name) and `token` (key) LIKE patterns of `GET /api/token/search`, with paging. */
export interface TokenSearchParams extends PageParams, Omit<Query<'/api/token/search', 'get'>, 'p' | 'page_size' | 'size'> {}
/** Body of `POST /api/token/`; every field is optional (`expired_time` -1 or omitted: never expires). */
export interface TokenCreateParams extends Body<'/api/token/', 'post'> {}
/** Body of `PUT /api/token/` without the id: a full token, since every field left out is written as zero. */
export interface TokenUpdateParams extends Omit<Schema<'TokenUpdateRequest'>, 'id'> {}
/**
 * Token id (as a string key) → full key.
 * @useDeclaredType
 */
export type TokenKeys = Data<'/api/token/batch/keys', 'post'>['keys'];

/** Manage the logged-in user's API tokens. Every route is scoped to the caller, root included. */
export class Tokens extends Resource<NewApiCore> {
  /**
   * One page of the caller's tokens, newest first, keys masked. `GET /api/token/`
   * @example
   * for await (const token of client.tokens.list()) console.log(token.name, token.key);
   */
  list(params: TokenListParams = {}, options?: RequestOptions): PagePromise<Token> {
    return this.client.page('/api/token/', params, options);
  }

  /**
   * Tokens whose name and key match SQL LIKE patterns, used **verbatim**: without `%` the match is exact, `%` is the
   * only wildcard (at most two, never `%%`). A leading `sk-` on `token` is ignored. `GET /api/token/search`
   * @example
   * const page = await client.tokens.search({ keyword: '%prod%' });
   */
  search(params: TokenSearchParams = {}, options?: RequestOptions): PagePromise<Token> {
    return this.client.page('/api/token/search', params, options);
  }

  /**
   * One of the caller's tokens, key masked; another user's is "record not found". `GET /api/token/:id`
   * @example
   * const token = await client.tokens.retrieve(12);
   */
  retrieve(id: number, options?: RequestOptions): ApiPromise<Token> {
    return this.client.request('get', '/api/token/{id}', { path: { id } }, options);
  }

  /**
   * Creates a token and returns it **with its full key**. The server answers without id or key (upstream
   * issues #2908, #3368, #6954), so this finds the new token and reveals its key.
   *
   * The race it guards against: two creates with the same name at once leave two tokens that only their ids
   * tell apart. It resolves it by reading the newest id before creating (ids only grow), then taking, among the
   * tokens made since whose every field matches `params`, the oldest one this client has not handed out yet.
   * Concurrent creates on one client therefore each get their own token. Across processes, identical tokens
   * cannot be told apart: each caller still gets one with exactly its fields. Four requests:
   * `GET /api/token/`, `POST /api/token/`, `GET /api/token/`, `POST /api/token/:id/key` (the last one counts
   * against the critical rate limit, 20 per 20 minutes per IP). `withResponse()` gives the `POST`'s answer.
   * @example
   * const token = await client.tokens.create({ name: 'ci', remain_quota: client.usdToQuota(5) });
   * console.log(`sk-${token.key}`);
   */
  create(params: TokenCreateParams = {}, options?: RequestOptions): ApiPromise<TokenWithKey> {
    return ApiPromise.chain(() => createAndFind(this.client, params, options));
  }

  /**
   * Replaces a token's settings and answers the result. Send every field: one left out is written as its zero
   * value (`expired_time` 0 means expired). The status is not changed here; see {@link Tokens.enable}. `PUT /api/token/`
   * @example
   * await client.tokens.update(12, { name: 'ci', expired_time: -1, remain_quota: 0, unlimited_quota: true });
   */
  update(id: number, params: TokenUpdateParams, options?: RequestOptions): ApiPromise<Token> {
    return ApiPromise.try(() => {
      assertId('id', id, 'tokens.update');
      return this.client.request('put', '/api/token/', { body: { ...params, id } }, options);
    });
  }

  /**
   * Enables a token; refused while it is expired or exhausted (extend or refill it first). `PUT /api/token/?status_only=true`
   * @example
   * await client.tokens.enable(12);
   */
  enable(id: number, options?: RequestOptions): ApiPromise<Token> {
    return this.#setStatus(id, 1, 'tokens.enable', options);
  }

  /** Disables a token. `PUT /api/token/?status_only=true` @example await client.tokens.disable(12); */
  disable(id: number, options?: RequestOptions): ApiPromise<Token> {
    return this.#setStatus(id, 2, 'tokens.disable', options);
  }

  /**
   * Deletes a token. A token that is not the caller's (or does not exist) is a `NotFoundError`, except on a retry
   * after an attempt whose answer was lost: then it counts as deleted (docs/decisions/015-retried-delete.md).
   * `DELETE /api/token/:id`
   * @example
   * await client.tokens.delete(12);
   */
  delete(id: number, options?: RequestOptions): ApiPromise<void> {
    return this.client.remove('/api/token/{id}', { path: { id } }, options);
  }

  /**
   * Deletes several tokens; ids that are not the caller's are skipped. Resolves to how many were deleted.
   * `POST /api/token/batch`
   * @example
   * const deleted = await client.tokens.deleteMany([12, 13]);
   */
  deleteMany(ids: number[], options?: RequestOptions): ApiPromise<number> {
    return ApiPromise.try(() => {
      assertIds(ids, 'tokens.deleteMany', Infinity);
      return this.client.request('post', '/api/token/batch', { body: { ids } }, options);
    });
  }

  /**
   * The full key of a token (48 characters, without `sk-`). `POST /api/token/:id/key`
   * @example
   * const key = await client.tokens.revealKey(12);
   */
  revealKey(id: number, options?: RequestOptions): ApiPromise<string> {
    return this.client.request('post', '/api/token/{id}/key', { path: { id } }, options).map((data) => data.key);
  }

  /**
   * The full keys of up to 100 tokens, by id; ids that are not the caller's are left out. `POST /api/token/batch/keys`
   * @example
   * const keys = await client.tokens.revealKeys([12, 13]); // { '12': '…', '13': '…' }
   */
  revealKeys(ids: number[], options?: RequestOptions): ApiPromise<TokenKeys> {
    return ApiPromise.try(() => {
      assertIds(ids, 'tokens.revealKeys', 100);
      return this.client.request('post', '/api/token/batch/keys', { body: { ids } }, options).map((data) => data.keys);
    });
  }

  #setStatus(id: number, status: 1 | 2, method: string, options?: RequestOptions): ApiPromise<Token> {
    return ApiPromise.try(() => {
      assertId('id', id, method);
      return this.client.request('put', '/api/token/', { query: { status_only: 'true' }, body: { id, status } }, options);
    });
  }
}

function assertIds(ids: unknown, method: string, max: number): asserts ids is number[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > max) {
    throw new TypeError(`Failed to call ${method}: \`ids\` must be a non-empty array${max === Infinity ? '' : ` of at most ${max}`} ids.`);
  }
  for (const id of ids) assertId('ids[]', id, method);
}
