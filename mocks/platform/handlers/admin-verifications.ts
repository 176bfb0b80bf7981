/**
 * The review queue the document implies: `GET /admin/v1/verifications`, `GET /admin/v1/verifications/{id}`,
 * `POST …/{id}/approve`, `POST …/{id}/reject`. Approving moves the user's real-name status or the enterprise's
 * `verify_status` to `verified`; rejecting records the reason the user sees.
 * @module
 */
import type { components } from 'gatewaykit/platform';
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { fail, ok } from '../envelope.js';
import { idPattern, iso, isoOrNull } from '../ids.js';
import { CODE } from '../messages.js';
import { newestFirst, paginate } from '../pagination.js';
import { reasonSchema, verificationListQuery } from '../schemas.js';
import { findEnterprise, findUser, type PlatformState, type VerificationRecord } from '../state.js';
import { readBody, readQuery } from '../validate.js';
import { maskCreditCode, maskName, maskPhone } from '../views.js';

type Ctx = RequestContext<PlatformState>;

const VERIFICATION_ID = idPattern('ver_');

/** `GET /admin/v1/verifications`: newest first; `status=pending` is the review queue. */
export function listVerifications(ctx: Ctx): Response {
  const query = readQuery(ctx, verificationListQuery);
  if (!query.ok) return query.response;
  const { type, status, user_id, page, page_size } = query.value;
  const items = newestFirst(
    ctx.state.verifications.filter((v) => (!type || v.type === type) && (!status || v.status === status) && (!user_id || v.user_id === user_id)),
    (v) => v.submitted_at,
  );
  return ok(paginate(items, page, page_size, verificationView));
}

/** `GET /admin/v1/verifications/{verification_id}`. */
export function getVerification(ctx: Ctx): Response {
  const found = findSubmission(ctx);
  return found ? ok(verificationView(found)) : fail(ctx, CODE.verification_not_found);
}

/** `POST /admin/v1/verifications/{verification_id}/approve`: `pending` → `verified`. */
export function approveVerification(ctx: Ctx, caller: Caller): Response {
  const found = findSubmission(ctx);
  if (!found) return fail(ctx, CODE.verification_not_found);
  if (found.status !== 'pending') return fail(ctx, CODE.verification_conflict);
  const now = ctx.clock.now();
  Object.assign(found, { status: 'verified', reviewed_at: now, reviewed_by: caller.user.user_id, reject_reason: null });
  applyOutcome(ctx.state, found, now);
  return ok(verificationView(found));
}

/** `POST /admin/v1/verifications/{verification_id}/reject`: `pending` → `rejected` with a reason. */
export async function rejectVerification(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await readBody(ctx, reasonSchema);
  if (!body.ok) return body.response;
  const found = findSubmission(ctx);
  if (!found) return fail(ctx, CODE.verification_not_found);
  if (found.status !== 'pending') return fail(ctx, CODE.verification_conflict);
  const now = ctx.clock.now();
  Object.assign(found, { status: 'rejected', reviewed_at: now, reviewed_by: caller.user.user_id, reject_reason: body.value.reason });
  applyOutcome(ctx.state, found, now);
  return ok(verificationView(found));
}

/** Mirrors a reviewed submission onto the user's real-name record or the enterprise. */
function applyOutcome(state: PlatformState, submission: VerificationRecord, nowMs: number): void {
  const verified = submission.status === 'verified';
  const outcome = { verify: verified ? 'verified' : 'rejected', verified_at: verified ? nowMs : null, reject_reason: submission.reject_reason } as const;
  if (submission.type === 'realname') {
    const user = findUser(state, submission.user_id);
    if (user) Object.assign(user.realname, { status: outcome.verify, verified_at: outcome.verified_at, reject_reason: outcome.reject_reason });
    return;
  }
  const enterprise = findEnterprise(state, submission.enterprise_id);
  if (enterprise) Object.assign(enterprise, { verify_status: outcome.verify, verified_at: outcome.verified_at, reject_reason: outcome.reject_reason });
}

function findSubmission(ctx: Ctx): VerificationRecord | undefined {
  const id = ctx.params.verification_id ?? '';
  return VERIFICATION_ID.test(id) ? ctx.state.verifications.find((v) => v.verification_id === id) : undefined;
}

/** A submission as reviewers see it: masked like every other view; the id-card number was never kept. */
function verificationView(v: VerificationRecord): components['schemas']['Verification'] {
  const review = { submitted_at: iso(v.submitted_at), reviewed_at: isoOrNull(v.reviewed_at), reviewed_by: v.reviewed_by, reject_reason: v.reject_reason };
  if (v.type === 'realname') {
    return { verification_id: v.verification_id, type: 'realname', user_id: v.user_id, status: v.status, real_name: maskName(v.real_name), id_card_front: v.id_card_front, id_card_back: v.id_card_back, ...review };
  }
  return {
    verification_id: v.verification_id,
    type: 'enterprise',
    user_id: v.user_id,
    enterprise_id: v.enterprise_id,
    status: v.status,
    enterprise_name: v.enterprise_name,
    credit_code: maskCreditCode(v.credit_code),
    license_image: v.license_image,
    contact_name: v.contact_name,
    contact_phone: maskPhone(v.contact_phone),
    ...review,
  };
}
