/**
 * The auth module ("授权模块 2.1", designed in decisions 006–008): `GET /api/v1/auth/public-key`,
 * `POST /api/v1/auth/captcha`, `POST /api/v1/auth/captcha/verify`, `POST /api/v1/auth/login`,
 * `POST /api/v1/auth/refresh`, `POST /api/v1/auth/logout`.
 * @module
 */
import { sha256Hex } from '../../core/encoding.js';
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { answerCaptcha, consumeCaptchaToken, issueCaptcha } from '../captcha.js';
import { fail, ok } from '../envelope.js';
import { iso } from '../ids.js';
import { clearFailures, lockedFor, lockKey, recordFailure } from '../lockout.js';
import { CODE } from '../messages.js';
import { openPasswords } from '../passwords.js';
import { currentKey } from '../rsa-keys.js';
import { captchaVerifySchema, loginSchema, logoutSchema, refreshSchema } from '../schemas.js';
import { issuePair, revokeSessions, startSession } from '../sessions.js';
import type { PlatformState } from '../state.js';
import { readBody } from '../validate.js';
import { userView } from '../views.js';

type Ctx = RequestContext<PlatformState>;

/** `GET /api/v1/auth/public-key`: the current key, rotated lazily on the server clock. */
export async function getPublicKey(ctx: Ctx): Promise<Response> {
  const key = await currentKey(ctx.state, ctx.clock.now());
  return ok({ key_id: key.key_id, algorithm: 'RSA-OAEP-256', public_key: key.public_key_pem, expires_at: iso(key.expires_at) });
}

/** `POST /api/v1/auth/captcha` (no body). */
export function createCaptcha(ctx: Ctx): Response {
  return ok(issueCaptcha(ctx), 201);
}

/** `POST /api/v1/auth/captcha/verify`: one answer per captcha, right or wrong. */
export async function verifyCaptcha(ctx: Ctx): Promise<Response> {
  const body = await readBody(ctx, captchaVerifySchema);
  if (!body.ok) return body.response;
  const result = await answerCaptcha(ctx, body.value.captcha_id, body.value.answer);
  if (result.kind === 'invalid') return fail(ctx, CODE.captcha_invalid);
  if (result.kind === 'wrong') return fail(ctx, CODE.captcha_answer_wrong);
  return ok({ captcha_token: result.token, expires_at: result.expires_at });
}

/** `POST /api/v1/auth/login`: checks in the contract's order; one message for unknown account and wrong password. */
export async function login(ctx: Ctx): Promise<Response> {
  const body = await readBody(ctx, loginSchema);
  if (!body.ok) return body.response;
  const { email, phone, key_id, password, captcha_token } = body.value;
  const opened = await openPasswords(ctx, key_id, [password]);
  if (!opened.ok) return opened.response;
  if (!(await consumeCaptchaToken(ctx, captcha_token))) return fail(ctx, CODE.captcha_token_invalid);
  opened.record();

  const now = ctx.clock.now();
  const identifier = email ?? phone!;
  const user = ctx.state.users.find((u) => (email !== undefined ? u.email === email : u.phone === phone));
  const key = lockKey(user, identifier);
  const wait = lockedFor(ctx.state, key, now);
  if (wait) return fail(ctx, CODE.account_locked, { retry_after: wait });
  // Checked against no hash too: an unknown account costs what a wrong password costs, as its code says.
  const passwordOk = await ctx.verifyPassword(opened.plain[0]!, user?.password_hash ?? '');
  if (!user || !passwordOk) {
    const locked = recordFailure(ctx.state, key, now);
    return locked ? fail(ctx, CODE.account_locked, { retry_after: locked }) : fail(ctx, CODE.invalid_credentials);
  }
  if (user.status === 'frozen') return fail(ctx, CODE.account_frozen);
  clearFailures(ctx.state, key);
  user.last_login_at = now;
  const pair = await startSession(ctx, user);
  return ok({ ...pair, user: userView(ctx.state, user) });
}

/** `POST /api/v1/auth/refresh`: rotation; a dead refresh token presented again revokes its whole session. */
export async function refresh(ctx: Ctx): Promise<Response> {
  const body = await readBody(ctx, refreshSchema);
  if (!body.ok) return body.response;
  const now = ctx.clock.now();
  const hash = await sha256Hex(body.value.refresh_token);
  const token = ctx.state.refresh_tokens[hash];
  const session = token ? ctx.state.sessions[token.session_id] : undefined;
  const user = session ? ctx.state.users.find((u) => u.user_id === session.user_id) : undefined;
  if (!token || !session || !user) return fail(ctx, CODE.refresh_token_invalid);
  if (user.status === 'frozen') return fail(ctx, CODE.account_frozen);
  if (token.rotated_at !== null) {
    // Reuse (RFC 9700 §4.14): someone holds a copy; end the session for both of them.
    if (session.revoked_at === null) session.revoked_at = now;
    return fail(ctx, CODE.refresh_token_invalid);
  }
  if (session.revoked_at !== null || now >= session.expires_at) return fail(ctx, CODE.refresh_token_invalid);
  token.rotated_at = now;
  return ok(await issuePair(ctx, session));
}

/** `POST /api/v1/auth/logout`: this session, or every session with `all: true`. The body is optional. */
export async function logout(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await readBody(ctx, logoutSchema, { optional: true });
  if (!body.ok) return body.response;
  const now = ctx.clock.now();
  if (body.value.all) revokeSessions(ctx.state, caller.user.user_id, now);
  else caller.session.revoked_at = now;
  return ok(null);
}
