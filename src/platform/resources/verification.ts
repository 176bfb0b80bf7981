/**
 * Real-name verification (personal and member accounts) and enterprise verification (the enterprise
 * account). Routes under `/api/v1/users/me/verify/`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PlatformClient } from '../client.js';
import type { Body, Data } from '../internal/types.js';
import { assertStrings } from '../internal/validate.js';
import type { EnterpriseProfile } from './enterprise.js';

/** The real-name status; the name is masked (`张**`), the id-card number never returned. */
export interface RealnameStatus extends Data<'/api/v1/users/me/verify/realname', 'get'> {}
/** Body of `POST /api/v1/users/me/verify/realname`. */
export interface RealnameSubmitParams extends Body<'/api/v1/users/me/verify/realname', 'post'> {}
/** Body of `POST /api/v1/users/me/verify/enterprise`. */
export interface EnterpriseVerifyParams extends Body<'/api/v1/users/me/verify/enterprise', 'post'> {}

/** Submit verification and follow its review. */
export class Verification extends Resource<PlatformClient> {
  /**
   * Submits the real name and id card for review; the status becomes `pending`.
   * `POST /api/v1/users/me/verify/realname`
   * @example
   * await client.verification.submitRealname({ real_name: '张三', id_card: '110101199001011237', id_card_front, id_card_back });
   */
  submitRealname(params: RealnameSubmitParams, options?: RequestOptions): ApiPromise<RealnameStatus> {
    return ApiPromise.try(() => {
      assertStrings(params, ['real_name', 'id_card', 'id_card_front', 'id_card_back'], 'verification.submitRealname');
      return this.client.request('post', '/api/v1/users/me/verify/realname', { body: params }, options);
    });
  }

  /**
   * The real-name status: unverified, pending, verified or rejected (with the reason).
   * `GET /api/v1/users/me/verify/realname`
   * @example
   * const { status, real_name } = await client.verification.retrieveRealname();
   */
  retrieveRealname(options?: RequestOptions): ApiPromise<RealnameStatus> {
    return this.client.request('get', '/api/v1/users/me/verify/realname', {}, options);
  }

  /**
   * Submits the enterprise's licence for review (the enterprise account only); `verify_status`
   * becomes `pending`. `POST /api/v1/users/me/verify/enterprise`
   * @example
   * await client.verification.submitEnterprise({ enterprise_name: 'XX 科技有限公司', credit_code: '91110000MA01ABCD1M', license_image, contact_name: '李四', contact_phone: '13900139000' });
   */
  submitEnterprise(params: EnterpriseVerifyParams, options?: RequestOptions): ApiPromise<EnterpriseProfile> {
    return ApiPromise.try(() => {
      assertStrings(params, ['enterprise_name', 'credit_code', 'license_image', 'contact_name', 'contact_phone'], 'verification.submitEnterprise');
      return this.client.request('post', '/api/v1/users/me/verify/enterprise', { body: params }, options);
    });
  }
}
