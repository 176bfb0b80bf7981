/**
 * The rules of decision 010 that several member routes share: the caller's enterprise and role, the target
 * member by path id, and what joining and leaving do to an account.
 * @module
 */
import type { RequestContext } from '../core/types.js';
import type { Caller } from './auth.js';
import { fail } from './envelope.js';
import { chinaDay, idPattern } from './ids.js';
import { CODE } from './messages.js';
import { emptyQuota, findEnterprise, type EnterpriseRecord, type MemberRole, type PlatformState, type UserRecord } from './state.js';

type Ctx = RequestContext<PlatformState>;

const USER_ID = idPattern('u_');

/** The caller's enterprise and role in it. */
export interface Seat {
  enterprise: EnterpriseRecord;
  role: MemberRole;
}

/**
 * The caller's seat, or 40303 for an account outside any enterprise; with `manage`, 40301 for plain members.
 *
 * @example
 * const seat = seatOf(ctx, caller, { manage: true });
 * if (!seat.ok) return seat.response;
 */
export function seatOf(ctx: Ctx, caller: Caller, options: { manage?: boolean } = {}): ({ ok: true } & Seat) | { ok: false; response: Response } {
  const enterprise = findEnterprise(ctx.state, caller.user.enterprise_id);
  const role = caller.user.enterprise_role;
  if (!enterprise || !role) return { ok: false, response: fail(ctx, CODE.wrong_account_type) };
  if (options.manage && role === 'member') return { ok: false, response: fail(ctx, CODE.forbidden) };
  return { ok: true, enterprise, role };
}

/**
 * The member named by `:member_id` in `enterprise`; a malformed id or another enterprise's account is absent.
 *
 * @example
 * const target = findMember(ctx, seat.enterprise);
 * if (!target) return fail(ctx, CODE.member_not_found);
 */
export function findMember(ctx: Ctx, enterprise: EnterpriseRecord): UserRecord | undefined {
  const id = ctx.params.member_id ?? '';
  if (!USER_ID.test(id)) return undefined;
  return ctx.state.users.find((u) => u.user_id === id && u.enterprise_id === enterprise.enterprise_id);
}

/**
 * Makes `user` a member of `enterprise` with `role`; the account type becomes `member` and its caps start empty.
 *
 * @example
 * joinEnterprise(user, enterprise, invitation.role, ctx.clock.now());
 */
export function joinEnterprise(user: UserRecord, enterprise: EnterpriseRecord, role: 'admin' | 'member', nowMs: number): void {
  user.user_type = 'member';
  user.enterprise_id = enterprise.enterprise_id;
  user.enterprise_role = role;
  user.joined_at = nowMs;
  user.quota = emptyQuota(chinaDay(nowMs));
}

/**
 * Turns a removed member back into a `personal` account: login and keys stay, the enterprise seat goes.
 *
 * @example
 * leaveEnterprise(target, ctx.clock.now());
 */
export function leaveEnterprise(user: UserRecord, nowMs: number): void {
  user.user_type = 'personal';
  user.enterprise_id = null;
  user.enterprise_role = null;
  user.joined_at = null;
  user.quota = emptyQuota(chinaDay(nowMs));
}
