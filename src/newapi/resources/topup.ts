/**
 * Redemption codes, as a user redeems them. `POST /api/user/topup`
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import { assertString } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';

/** Top up the caller's quota with a redemption code. Online payment is `client.payments`. */
export class TopUp extends Resource<NewApiCore> {
  /**
   * Redeems a code (32 hex characters) and resolves to the quota credited. A code is spent once; every
   * failure (unknown, used, disabled, expired) is the same "Redemption failed, please try again later",
   * on purpose. `POST /api/user/topup`
   * @example
   * const credited = await client.topup.redeem('9123b15ca2d34115855a91ce232a1cff');
   * console.log(`+${client.quotaToUsd(credited)} USD`);
   */
  redeem(key: string, options?: RequestOptions): ApiPromise<number> {
    return ApiPromise.try(() => {
      assertString('key', key, 'topup.redeem');
      return this.client.request('post', '/api/user/topup', { body: { key } }, options);
    });
  }
}
