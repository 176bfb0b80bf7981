/**
 * Verification review, for platform admins. Routes under `/admin/v1/verifications`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise } from '../../core/page.js';
import type { PlatformClient } from '../client.js';
import type { Body, ListParams, Schema } from '../internal/types.js';
import { assertStrings } from '../internal/validate.js';

/** A real-name submission: the name and the ID card images, masked as everywhere. */
export interface RealnameSubmission extends Schema<'RealnameVerification'> {}
/** An enterprise submission: the company, its credit code and licence image, masked as everywhere. */
export interface EnterpriseSubmission extends Schema<'EnterpriseVerification'> {}
/**
 * A real-name or enterprise submission (discriminated by `type`): the document's `Verification`, spelled as a union
 * of named members so that signatures and hovers say `VerificationSubmission` instead of both shapes.
 */
export type VerificationSubmission = RealnameSubmission | EnterpriseSubmission;
/** Filters of `GET /admin/v1/verifications` (`type`, `status`) and paging. */
export interface VerificationListParams extends ListParams<'/admin/v1/verifications'> {}
/** Body of `POST /admin/v1/verifications/{verification_id}/reject`: the reason shown to the user. */
export interface RejectParams extends Body<'/admin/v1/verifications/{verification_id}/reject', 'post'> {}

/** The review queue: list, read, approve, reject. */
export class AdminVerifications extends Resource<PlatformClient> {
  /**
   * One page of submissions, newest first. `GET /admin/v1/verifications`
   * @example
   * for await (const submission of client.admin.verifications.list({ status: 'pending' })) console.log(submission.type);
   */
  list(params: VerificationListParams = {}, options?: RequestOptions): PagePromise<VerificationSubmission> {
    return this.client.page('/admin/v1/verifications', params, options);
  }

  /**
   * One submission. `GET /admin/v1/verifications/{verification_id}`
   * @example
   * const submission = await client.admin.verifications.retrieve('ver_01HX43D4E5F6G7H8J9KMNPQRST');
   */
  retrieve(verificationId: string, options?: RequestOptions): ApiPromise<VerificationSubmission> {
    return this.client.request('get', '/admin/v1/verifications/{verification_id}', { path: { verification_id: verificationId } }, options);
  }

  /**
   * Approves a pending submission: the user is real-name verified, or the enterprise verified.
   * `POST /admin/v1/verifications/{verification_id}/approve`
   * @example
   * await client.admin.verifications.approve(verificationId);
   */
  approve(verificationId: string, options?: RequestOptions): ApiPromise<VerificationSubmission> {
    return this.client.request('post', '/admin/v1/verifications/{verification_id}/approve', { path: { verification_id: verificationId } }, options);
  }

  /**
   * Rejects a pending submission with a reason the user sees. `POST /admin/v1/verifications/{verification_id}/reject`
   * @example
   * await client.admin.verifications.reject(verificationId, { reason: 'The licence image is unreadable.' });
   */
  reject(verificationId: string, params: RejectParams, options?: RequestOptions): ApiPromise<VerificationSubmission> {
    return ApiPromise.try(() => {
      assertStrings(params, ['reason'], 'admin.verifications.reject');
      return this.client.request('post', '/admin/v1/verifications/{verification_id}/reject', { path: { verification_id: verificationId }, body: params }, options);
    });
  }
}
