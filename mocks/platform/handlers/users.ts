/**
 * Registration and the caller's own account: `POST /api/v1/users/register`, `GET|PUT /api/v1/users/me`,
 * `PUT /api/v1/users/me/password`.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { consumeCaptchaToken } from '../captcha.js';
import { fail, ok } from '../envelope.js';
import { iso } from '../ids.js';
import { clearFailures, lockedFor, lockKey, recordFailure } from '../lockout.js';
import { CODE } from '../messages.js';
import { openPasswords, policyRefusal } from '../passwords.js';
import { newEnterprise, newUserRecord } from '../records.js';
import { changePasswordSchema, registerSchema, updateMeSchema } from '../schemas.js';
import { revokeSessions } from '../sessions.js';
import type { PlatformState } from '../state.js';
import { readBody } from '../validate.js';
import { userView } from '../views.js';

type Ctx = RequestContext<PlatformState>;

/**
 * `POST /api/v1/users/register`: 40306 → body → key → ciphertext → policy → captcha → 40901 → 40902.
 * No session is started; an enterprise account owns a new, unverified enterprise.
 */
export async function register(ctx: Ctx): Promise<Response> {
  if (!ctx.settings.RegisterEnabled) return fail(ctx, CODE.registration_closed);
  const body = await readBody(ctx, registerSchema);
  if (!body.ok) return body.response;
  const { user_type, email, key_id, password, phone, enterprise_name, captcha_token } = body.value;
  const opened = await openPasswords(ctx, key_id, [password]);
  if (!opened.ok) return opened.response;
  const weak = policyRefusal(ctx, opened.plain[0]!);
  if (weak) return weak;
  if (!(await consumeCaptchaToken(ctx, captcha_token))) return fail(ctx, CODE.captcha_token_invalid);
  opened.record();

  const { state } = ctx;
  if (state.users.some((u) => u.email === email)) return fail(ctx, CODE.email_taken);
  if (phone !== undefined && state.users.some((u) => u.phone === phone)) return fail(ctx, CODE.phone_taken);
  const now = ctx.clock.now();
  const user = newUserRecord({ email, phone: phone ?? null, user_type, password_hash: await ctx.hashPassword(opened.plain[0]!) }, now, ctx.random);
  state.users.push(user);
  if (user_type === 'enterprise') state.enterprises.push(newEnterprise(user, enterprise_name!, now, ctx.random));
  return ok({ user_id: user.user_id, email: user.email, user_type, created_at: iso(user.created_at) }, 201);
}

/** `GET /api/v1/users/me`. */
export function getMe(ctx: Ctx, caller: Caller): Response {
  return ok(userView(ctx.state, caller.user));
}

/** `PUT /api/v1/users/me`: nickname and avatar, partial; `avatar: null` removes it. */
export async function updateMe(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await readBody(ctx, updateMeSchema);
  if (!body.ok) return body.response;
  if (body.value.nickname !== undefined) caller.user.nickname = body.value.nickname;
  if (body.value.avatar !== undefined) caller.user.avatar = body.value.avatar;
  return ok(userView(ctx.state, caller.user));
}

/**
 * `PUT /api/v1/users/me/password`: body → key → both ciphertexts → policy → record → lockout → 40002 → 42202.
 * Success revokes every other session; the calling one stays.
 */
export async function changePassword(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await readBody(ctx, changePasswordSchema);
  if (!body.ok) return body.response;
  const opened = await openPasswords(ctx, body.value.key_id, [body.value.old_password, body.value.new_password]);
  if (!opened.ok) return opened.response;
  const [oldPassword, newPassword] = opened.plain as [string, string];
  const weak = policyRefusal(ctx, newPassword);
  if (weak) return weak;
  opened.record();

  const { user } = caller;
  const now = ctx.clock.now();
  const key = lockKey(user, user.email);
  const wait = lockedFor(ctx.state, key, now);
  if (wait) return fail(ctx, CODE.account_locked, { retry_after: wait });
  if (!(await ctx.verifyPassword(oldPassword, user.password_hash))) {
    const locked = recordFailure(ctx.state, key, now);
    return locked ? fail(ctx, CODE.account_locked, { retry_after: locked }) : fail(ctx, CODE.wrong_old_password);
  }
  clearFailures(ctx.state, key);
  if (oldPassword === newPassword) return fail(ctx, CODE.password_unchanged);
  user.password_hash = await ctx.hashPassword(newPassword);
  revokeSessions(ctx.state, user.user_id, now, caller.session.session_id);
  return ok(null);
}
