/**
 * Real-name and enterprise verification, the user's side: `POST|GET /api/v1/users/me/verify/realname`,
 * `POST /api/v1/users/me/verify/enterprise`.
 * Submissions wait in `pending` for a platform admin (`/admin/v1/verifications`).
 * @module
 */
import { sha256Hex } from '../../core/encoding.js';
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { isValidIdCard } from '../checks.js';
import { fail, invalid, ok } from '../envelope.js';
import { newId } from '../ids.js';
import { CODE } from '../messages.js';
import { enterpriseVerifySchema, realnameSchema } from '../schemas.js';
import { findEnterprise, type PlatformState } from '../state.js';
import { readBody } from '../validate.js';
import { enterpriseView, realnameView } from '../views.js';

type Ctx = RequestContext<PlatformState>;

/** `POST /api/v1/users/me/verify/realname`: personal and member accounts; from unverified or rejected only. */
export async function submitRealname(ctx: Ctx, caller: Caller): Promise<Response> {
  const { user } = caller;
  if (user.user_type === 'enterprise') return fail(ctx, CODE.wrong_account_type);
  const body = await readBody(ctx, realnameSchema);
  if (!body.ok) return body.response;
  const now = ctx.clock.now();
  if (!isValidIdCard(body.value.id_card, now)) return invalid(ctx, [{ field: 'id_card', reason: 'must have a valid birth date and check character (GB 11643)' }]);
  if (user.realname.status === 'pending' || user.realname.status === 'verified') return fail(ctx, CODE.verification_conflict);
  const { real_name, id_card, id_card_front, id_card_back } = body.value;
  user.realname = {
    status: 'pending',
    real_name,
    // The number itself is never stored: only what a duplicate check would need.
    id_card_sha256: await sha256Hex(id_card.toUpperCase()),
    submitted_at: now,
    verified_at: null,
    reject_reason: null,
  };
  ctx.state.verifications.push({
    type: 'realname',
    verification_id: newId('ver_', now, ctx.random),
    user_id: user.user_id,
    status: 'pending',
    real_name,
    id_card_front,
    id_card_back,
    submitted_at: now,
    reviewed_at: null,
    reviewed_by: null,
    reject_reason: null,
  });
  return ok(realnameView(user));
}

/** `GET /api/v1/users/me/verify/realname`. */
export function getRealname(ctx: Ctx, caller: Caller): Response {
  if (caller.user.user_type === 'enterprise') return fail(ctx, CODE.wrong_account_type);
  return ok(realnameView(caller.user));
}

/** `POST /api/v1/users/me/verify/enterprise`: the owner only; sets name, credit code and contact, then `pending`. */
export async function submitEnterprise(ctx: Ctx, caller: Caller): Promise<Response> {
  const enterprise = caller.user.user_type === 'enterprise' ? findEnterprise(ctx.state, caller.user.enterprise_id) : undefined;
  if (!enterprise) return fail(ctx, CODE.wrong_account_type);
  const body = await readBody(ctx, enterpriseVerifySchema);
  if (!body.ok) return body.response;
  if (enterprise.verify_status === 'pending' || enterprise.verify_status === 'verified') return fail(ctx, CODE.verification_conflict);
  const now = ctx.clock.now();
  const { enterprise_name, credit_code, license_image, contact_name, contact_phone } = body.value;
  Object.assign(enterprise, { enterprise_name, credit_code, license_image, contact_name, contact_phone, verify_status: 'pending', verified_at: null, reject_reason: null });
  ctx.state.verifications.push({
    type: 'enterprise',
    verification_id: newId('ver_', now, ctx.random),
    user_id: caller.user.user_id,
    enterprise_id: enterprise.enterprise_id,
    status: 'pending',
    enterprise_name,
    credit_code,
    license_image,
    contact_name,
    contact_phone,
    submitted_at: now,
    reviewed_at: null,
    reviewed_by: null,
    reject_reason: null,
  });
  return ok(enterpriseView(ctx.state, enterprise));
}
