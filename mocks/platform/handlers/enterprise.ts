/**
 * The enterprise profile: `GET|PUT /api/v1/enterprise/profile`.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { fail, ok } from '../envelope.js';
import { CODE } from '../messages.js';
import { updateEnterpriseSchema } from '../schemas.js';
import { findEnterprise, type PlatformState } from '../state.js';
import { readBody } from '../validate.js';
import { enterpriseView } from '../views.js';

type Ctx = RequestContext<PlatformState>;

/** `GET /api/v1/enterprise/profile`: any account of the enterprise. */
export function getProfile(ctx: Ctx, caller: Caller): Response {
  const enterprise = findEnterprise(ctx.state, caller.user.enterprise_id);
  return enterprise ? ok(enterpriseView(ctx.state, enterprise)) : fail(ctx, CODE.wrong_account_type);
}

/** `PUT /api/v1/enterprise/profile`: owner and admins change the contact; name and credit code need verification. */
export async function updateProfile(ctx: Ctx, caller: Caller): Promise<Response> {
  const enterprise = findEnterprise(ctx.state, caller.user.enterprise_id);
  if (!enterprise) return fail(ctx, CODE.wrong_account_type);
  if (caller.user.enterprise_role === 'member') return fail(ctx, CODE.forbidden);
  const body = await readBody(ctx, updateEnterpriseSchema);
  if (!body.ok) return body.response;
  if (body.value.contact_name !== undefined) enterprise.contact_name = body.value.contact_name;
  if (body.value.contact_phone !== undefined) enterprise.contact_phone = body.value.contact_phone;
  return ok(enterpriseView(ctx.state, enterprise));
}
