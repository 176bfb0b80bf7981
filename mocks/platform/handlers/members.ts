/**
 * Enterprise members (decision 010): `GET /api/v1/enterprise/members`, `DELETE …/members/{member_id}`,
 * `GET|PUT …/members/{member_id}/quota`, `PUT …/members/{member_id}/role`. The owner manages admins and
 * members, admins manage members, nobody removes, demotes or caps the owner.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { fail, ok } from '../envelope.js';
import { findMember, leaveEnterprise, seatOf } from '../membership.js';
import { CODE } from '../messages.js';
import { newestFirst, paginate } from '../pagination.js';
import { changeRoleSchema, memberListQuery, setQuotaSchema } from '../schemas.js';
import type { PlatformState } from '../state.js';
import { readBody, readQuery } from '../validate.js';
import { memberView, quotaView } from '../views.js';

type Ctx = RequestContext<PlatformState>;

/** `GET /api/v1/enterprise/members`: owner and admins; the owner is listed with role `owner`. */
export function listMembers(ctx: Ctx, caller: Caller): Response {
  const seat = seatOf(ctx, caller, { manage: true });
  if (!seat.ok) return seat.response;
  const query = readQuery(ctx, memberListQuery);
  if (!query.ok) return query.response;
  const { role, status, keyword, page, page_size } = query.value;
  const needle = keyword?.toLowerCase();
  const members = newestFirst(
    ctx.state.users.filter(
      (u) =>
        u.enterprise_id === seat.enterprise.enterprise_id &&
        (!role || u.enterprise_role === role) &&
        (!status || u.status === status) &&
        (!needle || u.email.includes(needle) || u.nickname.toLowerCase().includes(needle)),
    ),
    (u) => u.joined_at ?? u.created_at,
  );
  const now = ctx.clock.now();
  return ok(paginate(members, page, page_size, (u) => memberView(u, now)));
}

/** `DELETE /api/v1/enterprise/members/{member_id}`: the account becomes `personal` again. */
export function removeMember(ctx: Ctx, caller: Caller): Response {
  const seat = seatOf(ctx, caller, { manage: true });
  if (!seat.ok) return seat.response;
  const target = findMember(ctx, seat.enterprise);
  if (!target) return fail(ctx, CODE.member_not_found);
  if (target.enterprise_role === 'owner') return fail(ctx, CODE.owner_protected);
  // An admin acts on plain members only: not on other admins, not on themself.
  if (seat.role === 'admin' && target.enterprise_role !== 'member') return fail(ctx, CODE.forbidden);
  leaveEnterprise(target, ctx.clock.now());
  return ok(null);
}

/** `GET /api/v1/enterprise/members/{member_id}/quota`: owner and admins read anyone's, a member their own. */
export function getQuota(ctx: Ctx, caller: Caller): Response {
  const seat = seatOf(ctx, caller);
  if (!seat.ok) return seat.response;
  if (seat.role === 'member' && ctx.params.member_id !== caller.user.user_id) return fail(ctx, CODE.forbidden);
  const target = findMember(ctx, seat.enterprise);
  return target ? ok(quotaView(target, ctx.clock.now())) : fail(ctx, CODE.member_not_found);
}

/** `PUT /api/v1/enterprise/members/{member_id}/quota`: both caps replaced; usage counters kept. */
export async function setQuota(ctx: Ctx, caller: Caller): Promise<Response> {
  const seat = seatOf(ctx, caller, { manage: true });
  if (!seat.ok) return seat.response;
  const body = await readBody(ctx, setQuotaSchema);
  if (!body.ok) return body.response;
  const target = findMember(ctx, seat.enterprise);
  if (!target) return fail(ctx, CODE.member_not_found);
  if (target.enterprise_role === 'owner') return fail(ctx, CODE.owner_protected);
  if (seat.role === 'admin' && target.enterprise_role !== 'member') return fail(ctx, CODE.forbidden);
  target.quota.tokens_per_day = body.value.tokens_per_day;
  target.quota.requests_per_day = body.value.requests_per_day;
  return ok(quotaView(target, ctx.clock.now()));
}

/** `PUT /api/v1/enterprise/members/{member_id}/role`: the owner only; setting the current role is a no-op. */
export async function changeRole(ctx: Ctx, caller: Caller): Promise<Response> {
  const seat = seatOf(ctx, caller);
  if (!seat.ok) return seat.response;
  if (seat.role !== 'owner') return fail(ctx, CODE.forbidden);
  const body = await readBody(ctx, changeRoleSchema);
  if (!body.ok) return body.response;
  const target = findMember(ctx, seat.enterprise);
  if (!target) return fail(ctx, CODE.member_not_found);
  if (target.enterprise_role === 'owner') return fail(ctx, CODE.owner_protected);
  target.enterprise_role = body.value.role;
  return ok(memberView(target, ctx.clock.now()));
}
