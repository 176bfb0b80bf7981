/**
 * The caller's invitation code and rewards (UserAuth): `GET /api/user/aff` and `POST /api/user/aff_transfer`
 * (controller/user.go GetAffCode, TransferAffQuota; model/user.go TransferAffQuotaToQuota, JUL26).
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { fail, ok } from '../envelope.js';
import { goDecode } from '../../go/json-bind.js';
import { requiredError } from '../../go/validator.js';
import { DB, t } from '../messages.js';
import { exactQuota, QUOTA_RANGE_ERROR } from '../quota-range.js';
import { findUser, newAffCode, type NewApiState } from '../state.js';

type Ctx = RequestContext<NewApiState>;

const QUOTA_PER_UNIT = 500_000;
const TRANSFER_REQUEST = { qualified: 'controller.TransferAffQuotaRequest', name: 'TransferAffQuotaRequest', fields: { quota: 'int' } } as const;

// The model's errors are hard-coded Chinese (with LogQuota's full-width ＄) inside the i18n'd "Transfer failed" prefix.
const TRANSFER_MINIMUM = '转移额度最小为＄1.000000 额度！';
const TRANSFER_INSUFFICIENT = '邀请额度不足！';

/** `GET /api/user/aff`: the caller's 4-character code, drawn and saved first when the account has none (root). */
export function getAffCode(ctx: Ctx, caller: Caller): Response {
  const user = findUser(ctx.state, caller.id);
  if (!user) return fail(DB.recordNotFound);
  if (user.aff_code === '') user.aff_code = newAffCode(ctx.state, ctx.random);
  return ok(user.aff_code);
}

/** `POST /api/user/aff_transfer {quota}`: moves invitation rewards into the spendable quota, in one step. */
export async function transferAffQuota(ctx: Ctx, caller: Caller): Promise<Response> {
  if (!ctx.settings.PaymentComplianceConfirmed) return fail(t(caller.lang, 'payment.compliance_required'));
  const user = findUser(ctx.state, caller.id);
  if (!user) return fail(DB.recordNotFound);
  const body = goDecode(await ctx.readText(), TRANSFER_REQUEST);
  if (!body.ok) return fail(body.error);
  const { quota } = body.value;
  // binding:"required" on an int: 0 (or no field at all) fails validation.
  if (quota === 0) return fail(requiredError('TransferAffQuotaRequest', 'Quota'));
  if (quota < QUOTA_PER_UNIT) return fail(t(caller.lang, 'user.transfer_failed', { Error: TRANSFER_MINIMUM }));
  if (user.aff_quota < quota) return fail(t(caller.lang, 'user.transfer_failed', { Error: TRANSFER_INSUFFICIENT }));
  const credited = exactQuota(user.quota, quota);
  if (credited === undefined) return fail(QUOTA_RANGE_ERROR);
  user.aff_quota -= quota;
  user.quota = credited;
  return ok(null, t(caller.lang, 'user.transfer_success'));
}
