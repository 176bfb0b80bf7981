/**
 * Email codes and the confirm step each purpose implies: `POST /api/v1/users/me/verify/email` and
 * `POST /api/v1/users/me/verify/email/confirm`. Both are open to anonymous callers for `reset_password`.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import { optionalCaller } from '../auth.js';
import { consumeCaptchaToken } from '../captcha.js';
import { checkEmailCode, RESEND_AFTER_S, sendCooldown, sendEmailCode } from '../email-codes.js';
import { fail, invalid, ok } from '../envelope.js';
import { iso } from '../ids.js';
import { clearFailures } from '../lockout.js';
import { CODE } from '../messages.js';
import { openPasswords, policyRefusal } from '../passwords.js';
import { confirmEmailSchema, sendEmailCodeSchema } from '../schemas.js';
import { revokeSessions } from '../sessions.js';
import type { PlatformState } from '../state.js';
import { readBody } from '../validate.js';

type Ctx = RequestContext<PlatformState>;

/** `POST /api/v1/users/me/verify/email`: body → caller → purpose rules → captcha (anonymous) → 42902 → send. */
export async function sendCode(ctx: Ctx): Promise<Response> {
  const body = await readBody(ctx, sendEmailCodeSchema);
  if (!body.ok) return body.response;
  const auth = await optionalCaller(ctx);
  if (!auth.ok) return auth.response;
  const { caller } = auth;
  const { email, purpose, captcha_token } = body.value;
  const { state } = ctx;

  if (purpose !== 'reset_password' && !caller) return fail(ctx, CODE.unauthenticated);
  if (purpose === 'register' && caller) {
    if (email !== caller.user.email) return invalid(ctx, [{ field: 'email', reason: "must be the caller's own email for purpose register" }]);
    if (caller.user.email_verified) return fail(ctx, CODE.email_already_verified);
  }
  if (purpose === 'change_email' && state.users.some((u) => u.email === email)) return fail(ctx, CODE.email_taken);
  if (!caller && !(await consumeCaptchaToken(ctx, captcha_token))) return fail(ctx, CODE.captcha_token_invalid);
  const wait = sendCooldown(ctx, email);
  if (wait) return fail(ctx, CODE.email_code_cooldown, { retry_after: wait });

  const owner = purpose === 'reset_password' ? state.users.find((u) => u.email === email) : caller?.user;
  const expiresAt = sendEmailCode(ctx, email, purpose, purpose === 'reset_password' ? null : caller!.user.user_id, owner !== undefined);
  return ok({ email, purpose, expires_at: iso(expiresAt), resend_after: RESEND_AFTER_S });
}

/** `POST /api/v1/users/me/verify/email/confirm`: verify, change the email, or reset the password. */
export async function confirmCode(ctx: Ctx): Promise<Response> {
  const body = await readBody(ctx, confirmEmailSchema);
  if (!body.ok) return body.response;
  const input = body.value;
  // A token that is sent must check out, even where none is needed (reset_password): see the auth section.
  const auth = await optionalCaller(ctx);
  if (!auth.ok) return auth.response;
  const now = ctx.clock.now();
  const confirmed = () => ok({ purpose: input.purpose, email: input.email, confirmed_at: iso(now) });

  if (input.purpose === 'reset_password') {
    const opened = await openPasswords(ctx, input.key_id, [input.new_password]);
    if (!opened.ok) return opened.response;
    const weak = policyRefusal(ctx, opened.plain[0]!);
    if (weak) return weak;
    opened.record();
    const user = ctx.state.users.find((u) => u.email === input.email);
    if (!user || !checkEmailCode(ctx, 'reset_password', input.email, input.code, null)) return fail(ctx, CODE.email_code_invalid);
    user.password_hash = await ctx.hashPassword(opened.plain[0]!);
    revokeSessions(ctx.state, user.user_id, now);
    clearFailures(ctx.state, `u:${user.user_id}`);
    return confirmed();
  }

  const user = auth.caller?.user;
  if (!user) return fail(ctx, CODE.unauthenticated);
  if (input.purpose === 'register') {
    if (input.email !== user.email || !checkEmailCode(ctx, 'register', input.email, input.code, user.user_id)) return fail(ctx, CODE.email_code_invalid);
    user.email_verified = true;
    return confirmed();
  }
  // Taken meanwhile: refuse before the code is used up, so it still works if the other account lets go.
  if (ctx.state.users.some((u) => u.email === input.email)) return fail(ctx, CODE.email_taken);
  if (!checkEmailCode(ctx, 'change_email', input.email, input.code, user.user_id)) return fail(ctx, CODE.email_code_invalid);
  user.email = input.email;
  user.email_verified = true;
  return confirmed();
}
