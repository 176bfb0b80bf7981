/**
 * The caller's enterprise. `GET|PUT /api/v1/enterprise/profile`
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PlatformClient } from '../client.js';
import type { Body, Data } from '../internal/types.js';
import { assertAnyOf } from '../internal/validate.js';

/** The enterprise; credit code and contact phone masked. */
export interface EnterpriseProfile extends Data<'/api/v1/enterprise/profile', 'get'> {}
/** Body of `PUT /api/v1/enterprise/profile`: the contact only (name and credit code change through verification). */
export interface EnterpriseUpdateParams extends Body<'/api/v1/enterprise/profile', 'put'> {}

/** Read the enterprise and change its contact. */
export class Enterprise extends Resource<PlatformClient> {
  /**
   * The caller's enterprise, for any of its accounts. `GET /api/v1/enterprise/profile`
   * @example
   * const { enterprise_name, verify_status, member_count } = await client.enterprise.retrieve();
   */
  retrieve(options?: RequestOptions): ApiPromise<EnterpriseProfile> {
    return this.client.request('get', '/api/v1/enterprise/profile', {}, options);
  }

  /**
   * Changes the contact (owner and admins). `PUT /api/v1/enterprise/profile`
   * @example
   * await client.enterprise.update({ contact_name: '李四', contact_phone: '13900139000' });
   */
  update(params: EnterpriseUpdateParams, options?: RequestOptions): ApiPromise<EnterpriseProfile> {
    return ApiPromise.try(() => {
      assertAnyOf(params, ['contact_name', 'contact_phone'], 'enterprise.update');
      return this.client.request('put', '/api/v1/enterprise/profile', { body: params }, options);
    });
  }
}
