/**
 * Redemption codes, as administrators create and manage them. Routes under `/api/redemption/`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise, PageParams } from '../../core/page.js';
import { assertId, assertString } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';
import type { Body, Data, Query } from '../internal/types.js';

/** A redemption code: `key`, `quota`, `status` (1 enabled, 2 disabled, 3 used), `expired_time` (0 = never). */
export interface Redemption extends Data<'/api/redemption/{id}', 'get'> {}
/** Filters of `GET /api/redemption/search`: a name prefix (or an id) and a status (`1`, `2`, `3`, `expired`). */
export interface RedemptionSearchParams extends PageParams, Omit<Query<'/api/redemption/search', 'get'>, 'p' | 'page_size'> {}
/** Body of `POST /api/redemption/`: `name`, `count` (1–100), `quota` (0 is stored as 100), `expired_time`. */
export interface RedemptionCreateParams extends Body<'/api/redemption/', 'post'> {}
/** Body of `PUT /api/redemption/`, without the id: `name`, `quota` and `expired_time`, all written as sent. */
export interface RedemptionUpdateParams extends Omit<Body<'/api/redemption/', 'put'>, 'id' | 'status'> {}

/** Manage redemption codes (admin role 10 or root 100). Users redeem them with `client.topup.redeem`. */
export class Redemptions extends Resource<NewApiCore> {
  /**
   * One page of codes, newest first; deleted codes are left out. `GET /api/redemption/`
   * @example
   * for await (const code of client.redemptions.list({ pageSize: 100 })) console.log(code.key, code.status);
   */
  list(params: PageParams = {}, options?: RequestOptions): PagePromise<Redemption> {
    return this.client.page('/api/redemption/', params, options);
  }

  /**
   * Codes whose name starts with `keyword` (or whose id equals it), optionally of one status. `GET /api/redemption/search`
   * @example
   * const usable = await client.redemptions.search({ keyword: 'launch', status: '1' });
   */
  search(params: RedemptionSearchParams = {}, options?: RequestOptions): PagePromise<Redemption> {
    return this.client.page('/api/redemption/search', params, options);
  }

  /** One code. `GET /api/redemption/:id` @example const code = await client.redemptions.retrieve(7); */
  retrieve(id: number, options?: RequestOptions): ApiPromise<Redemption> {
    return this.client.request('get', '/api/redemption/{id}', { path: { id } }, options);
  }

  /**
   * Creates `count` codes and resolves to their keys (32 hex characters each). `POST /api/redemption/`
   * @example
   * const keys = await client.redemptions.create({ name: 'launch', count: 10, quota: 500_000 });
   */
  create(params: RedemptionCreateParams, options?: RequestOptions): ApiPromise<string[]> {
    return ApiPromise.try(() => {
      assertString('name', params?.name, 'redemptions.create');
      assertId('count', params.count, 'redemptions.create');
      return this.client.request('post', '/api/redemption/', { body: params }, options);
    });
  }

  /**
   * Replaces a code's name, quota and expiry; send all three (one left out is written empty or 0). `PUT /api/redemption/`
   * @example
   * await client.redemptions.update(7, { name: 'launch', quota: 1_000_000, expired_time: 0 });
   */
  update(id: number, params: RedemptionUpdateParams, options?: RequestOptions): ApiPromise<Redemption> {
    return ApiPromise.try(() => {
      assertId('id', id, 'redemptions.update');
      return this.client.request('put', '/api/redemption/', { body: { ...params, id } }, options);
    });
  }

  /** Makes a code usable again. `PUT /api/redemption/?status_only=true` @example await client.redemptions.enable(7); */
  enable(id: number, options?: RequestOptions): ApiPromise<Redemption> {
    return this.#setStatus(id, 1, 'redemptions.enable', options);
  }

  /** Stops a code from being redeemed. `PUT /api/redemption/?status_only=true` @example await client.redemptions.disable(7); */
  disable(id: number, options?: RequestOptions): ApiPromise<Redemption> {
    return this.#setStatus(id, 2, 'redemptions.disable', options);
  }

  /**
   * Deletes a code. An unknown id is a `NotFoundError`, except on a retry after an attempt whose answer was lost:
   * then it counts as deleted (docs/decisions/015-retried-delete.md). `DELETE /api/redemption/:id`
   * @example
   * await client.redemptions.delete(7);
   */
  delete(id: number, options?: RequestOptions): ApiPromise<void> {
    return this.client.remove('/api/redemption/{id}', { path: { id } }, options);
  }

  /**
   * Deletes every used, disabled or expired code; resolves to how many. `DELETE /api/redemption/invalid`
   * @example
   * const removed = await client.redemptions.deleteInvalid();
   */
  deleteInvalid(options?: RequestOptions): ApiPromise<number> {
    return this.client.request('delete', '/api/redemption/invalid', {}, options);
  }

  #setStatus(id: number, status: 1 | 2, method: string, options?: RequestOptions): ApiPromise<Redemption> {
    return ApiPromise.try(() => {
      assertId('id', id, method);
      return this.client.request('put', '/api/redemption/', { query: { status_only: 'true' }, body: { id, status } }, options);
    });
  }
}
