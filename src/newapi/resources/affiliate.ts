/**
 * The caller's invitation code and rewards. Routes `/api/user/aff` and `/api/user/aff_transfer`.
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import { assertId } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';
import type { Body } from '../internal/types.js';

/** Body of `POST /api/user/aff_transfer`: the quota to move, at least 500000 (one unit). */
export interface AffTransferParams extends Body<'/api/user/aff_transfer', 'post'> {}

/** Invite others and spend the rewards. Invitees register with `aff_code`; the reward lands in `aff_quota`. */
export class Affiliate extends Resource<NewApiCore> {
  /**
   * The caller's 4-character invitation code; an account without one gets one first. `GET /api/user/aff`
   * @example
   * const code = await client.affiliate.retrieve();
   * await other.auth.register({ username: 'bob', password: 'password123', aff_code: code });
   */
  retrieve(options?: RequestOptions): ApiPromise<string> {
    return this.client.request('get', '/api/user/aff', {}, options);
  }

  /**
   * Moves invitation rewards (`aff_quota`) into the spendable `quota`, in one step. Refused below 500000 or
   * beyond `aff_quota`. `POST /api/user/aff_transfer`
   * @example
   * const { aff_quota } = await client.self.retrieve();
   * if (aff_quota >= 500_000) await client.affiliate.transfer({ quota: aff_quota });
   */
  transfer(params: AffTransferParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertId('quota', params?.quota, 'affiliate.transfer');
      return this.client.request('post', '/api/user/aff_transfer', { body: params }, options).map(toVoid);
    });
  }
}
