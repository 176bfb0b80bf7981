/**
 * Enterprise members, invitations, quotas and roles. Routes under `/api/v1/enterprise/`.
 * The owner and admins manage; see decision 010 for who may act on whom.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise } from '../../core/page.js';
import type { PlatformClient } from '../client.js';
import type { Body, Data, Item, ListParams } from '../internal/types.js';
import { assertStrings } from '../internal/validate.js';

/** A member of the caller's enterprise, the owner included (role `owner`). */
export interface Member extends Item<'/api/v1/enterprise/members'> {}
/** Filters of `GET /api/v1/enterprise/members` (`role`, `status`, `keyword`) and paging. */
export interface MemberListParams extends ListParams<'/api/v1/enterprise/members'> {}
/** Body of `POST /api/v1/enterprise/members/invite`. */
export interface InviteParams extends Body<'/api/v1/enterprise/members/invite', 'post'> {}
/** A pending invitation; its token is only in the email. */
export interface Invitation extends Data<'/api/v1/enterprise/members/invite', 'post'> {}
/** The token from the email; a **plain** `password` when no account has the invited email yet. */
export interface AcceptInvitationParams extends Omit<Body<'/api/v1/enterprise/invitations/accept', 'post'>, 'key_id' | 'password'> {
  /** The new account's password, plain (the SDK encrypts it). Leave it out to link the logged-in personal account. */
  password?: string;
}
/** A member's daily limits and today's usage. */
export interface Quota extends Data<'/api/v1/enterprise/members/{member_id}/quota', 'get'> {}
/** Body of `PUT /api/v1/enterprise/members/{member_id}/quota`: both limits, `null` for no cap. */
export interface QuotaSetParams extends Body<'/api/v1/enterprise/members/{member_id}/quota', 'put'> {}
/** Body of `PUT /api/v1/enterprise/members/{member_id}/role`. */
export interface RoleChangeParams extends Body<'/api/v1/enterprise/members/{member_id}/role', 'put'> {}

/** Invite, list and remove members; read and set their quotas; change their roles. */
export class Members extends Resource<PlatformClient> {
  /**
   * One page of members (owner and admins only). `GET /api/v1/enterprise/members`
   * @example
   * for await (const member of client.members.list({ role: 'admin' })) console.log(member.email);
   */
  list(params: MemberListParams = {}, options?: RequestOptions): PagePromise<Member> {
    return this.client.page('/api/v1/enterprise/members', params, options);
  }

  /**
   * Emails an invitation valid 7 days; the enterprise must be verified. `POST /api/v1/enterprise/members/invite`
   * @example
   * await client.members.invite({ email: 'dev@company.com', role: 'member' });
   */
  invite(params: InviteParams, options?: RequestOptions): ApiPromise<Invitation> {
    return ApiPromise.try(() => {
      assertStrings(params, ['email'], 'members.invite');
      return this.client.request('post', '/api/v1/enterprise/members/invite', { body: params }, options);
    });
  }

  /**
   * Accepts an invitation: creates a member account (anonymous, with a password) or links the
   * logged-in personal account (without one). `POST /api/v1/enterprise/invitations/accept`
   * @example
   * await client.members.acceptInvitation({ token, password: 'Passw0rd!', nickname: '开发同学' });
   */
  acceptInvitation(params: AcceptInvitationParams, options?: RequestOptions): ApiPromise<Member> {
    return ApiPromise.try(() => {
      assertStrings(params, ['token'], 'members.acceptInvitation');
      const { password, ...rest } = params;
      const send = (body: Body<'/api/v1/enterprise/invitations/accept', 'post'>) => this.client.request('post', '/api/v1/enterprise/invitations/accept', { body }, options);
      if (password === undefined) return send(rest);
      assertStrings(params, ['password'], 'members.acceptInvitation');
      return this.client.withPasswords({ password }, (fields) => send({ ...rest, ...fields }), options);
    });
  }

  /**
   * Removes a member; the account becomes personal and keeps its login. Someone who is not a member is a
   * `NotFoundError`, except on a retry after an attempt whose answer was lost: then they count as removed
   * (docs/decisions/015-retried-delete.md). `DELETE /api/v1/enterprise/members/{member_id}`
   * @example
   * await client.members.delete('u_01HX40A1B2C3D4E5F6G7H8J9KM');
   */
  delete(memberId: string, options?: RequestOptions): ApiPromise<void> {
    return this.client.remove('/api/v1/enterprise/members/{member_id}', { path: { member_id: memberId } }, options);
  }

  /**
   * A member's daily quota and today's usage. `GET /api/v1/enterprise/members/{member_id}/quota`
   * @example
   * const { tokens_per_day, tokens_used_today } = await client.members.retrieveQuota(memberId);
   */
  retrieveQuota(memberId: string, options?: RequestOptions): ApiPromise<Quota> {
    return this.client.request('get', '/api/v1/enterprise/members/{member_id}/quota', { path: { member_id: memberId } }, options);
  }

  /**
   * Replaces both daily limits (`null` no cap, `0` blocked). `PUT /api/v1/enterprise/members/{member_id}/quota`
   * @example
   * await client.members.setQuota(memberId, { tokens_per_day: 1_000_000, requests_per_day: null });
   */
  setQuota(memberId: string, params: QuotaSetParams, options?: RequestOptions): ApiPromise<Quota> {
    return ApiPromise.try(() => {
      if (params?.tokens_per_day === undefined || params.requests_per_day === undefined) throw new TypeError('Failed to call members.setQuota: pass both `tokens_per_day` and `requests_per_day` (`null` for no cap).');
      return this.client.request('put', '/api/v1/enterprise/members/{member_id}/quota', { path: { member_id: memberId }, body: params }, options);
    });
  }

  /**
   * Makes a member an admin or an admin a member (the owner only). `PUT /api/v1/enterprise/members/{member_id}/role`
   * @example
   * await client.members.changeRole(memberId, { role: 'admin' });
   */
  changeRole(memberId: string, params: RoleChangeParams, options?: RequestOptions): ApiPromise<Member> {
    return ApiPromise.try(() => {
      assertStrings(params, ['role'], 'members.changeRole');
      return this.client.request('put', '/api/v1/enterprise/members/{member_id}/role', { path: { member_id: memberId }, body: params }, options);
    });
  }
}
