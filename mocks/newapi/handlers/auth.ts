/**
 * Public account routes: `POST /api/user/register`, `POST /api/user/login`, `POST /api/user/login/2fa`,
 * `GET /api/user/logout` and `GET /api/user/groups` (controller/user.go, controller/twofa.go, JUL26).
 * @module
 */
import { appendSetCookie } from '../../core/cookies.js';
import { rawForReading } from '../../core/journal.js';
import type { RequestContext } from '../../core/types.js';
import { sqliteLower } from '../../go/sql-lower.js';
import { fail, ok } from '../envelope.js';
import { validateUser } from '../user-rules.js';
import { groupsView } from '../groups.js';
import { headerLang, t, ZH } from '../messages.js';
import { exactQuota } from '../quota-range.js';
import { decodeBody, loginSchema, twoFaLoginSchema, userSchema } from '../schemas.js';
import { clearSession, loadSession, saveSession } from '../session.js';
import { newUserSetting } from '../setting.js';
import { findUser, newAffCode, newUserRecord, ROLE, STATUS, type NewApiState, type UserRecord } from '../state.js';
import { checkTwoFaCode } from '../twofa.js';
import { loginUserView } from '../views.js';

type Ctx = RequestContext<NewApiState>;

const VERIFICATION_VALID_MS = 10 * 60_000;

/** `POST /api/user/register`. */
export async function register(ctx: Ctx): Promise<Response> {
  const lang = headerLang(ctx.headers);
  const { settings, state } = ctx;
  if (!settings.RegisterEnabled) return fail(t(lang, 'user.register_disabled'));
  if (!settings.PasswordRegisterEnabled) return fail(t(lang, 'user.password_register_disabled'));
  const body = await decodeBody(ctx, userSchema);
  if (!body) return fail(t(lang, 'common.invalid_params'));
  const username = body.username.trim();
  const email = body.email.trim().toLowerCase();
  if (username === '') return fail(t(lang, 'common.invalid_params'));
  const invalid = validateUser({ ...body, username, email });
  if (invalid) return fail(t(lang, 'user.input_invalid', { Error: invalid }));
  if (settings.EmailVerificationEnabled) {
    if (email === '' || body.verification_code === '') return fail(t(lang, 'user.email_verification_required'));
    const sent = state.verification_codes[`v${email}`];
    if (!sent || ctx.clock.now() - sent.created_at >= VERIFICATION_VALID_MS || sent.code !== body.verification_code) {
      return fail(t(lang, 'user.verification_code_error'));
    }
    // LOWER(email) = ? in SQLite: the stored side is folded for ASCII only (mocks/go/sql-lower.ts).
    if (rawForReading(state.users).some((u) => sqliteLower(u.email) === email)) return fail(t(lang, 'user.email_already_taken'));
  }
  // CheckUserExistOrDeleted is unscoped: a soft-deleted user's name is never free again.
  const checkEmail = settings.EmailVerificationEnabled ? email : '';
  if (rawForReading(state.users).some((u) => u.username === username || (checkEmail !== '' && sqliteLower(u.email) === checkEmail))) {
    return fail(t(lang, 'user.exists'));
  }
  const inviter = body.aff_code ? state.users.find((u) => u.aff_code === body.aff_code && u.deleted_at === null) : undefined;
  const passwordHash = await ctx.hashPassword(body.password);
  const user = newUserRecord(state, {
    username,
    password_hash: passwordHash,
    display_name: username,
    email: settings.EmailVerificationEnabled ? email : '',
    inviter_id: inviter?.id ?? 0,
    quota: settings.QuotaForNewUser,
    aff_code: newAffCode(state, ctx.random),
    setting: newUserSetting(ROLE.common),
    created_at: Math.floor(ctx.clock.now() / 1000),
  });
  state.users.push(user);
  // JUL26 pays invitation rewards only once payment compliance is confirmed, and bumps aff_count only with a reward.
  if (inviter && settings.PaymentComplianceConfirmed) {
    // A reward that would leave a balance JSON cannot carry exactly is not paid (docs/fidelity.md); the
    // registration itself still succeeds, as upstream's does.
    const invitee = settings.QuotaForInvitee > 0 ? exactQuota(user.quota, settings.QuotaForInvitee) : undefined;
    if (invitee !== undefined) user.quota = invitee;
    const aff = settings.QuotaForInviter > 0 ? exactQuota(inviter.aff_quota, settings.QuotaForInviter) : undefined;
    const history = settings.QuotaForInviter > 0 ? exactQuota(inviter.aff_history_quota, settings.QuotaForInviter) : undefined;
    if (aff !== undefined && history !== undefined) {
      inviter.aff_count += 1;
      inviter.aff_quota = aff;
      inviter.aff_history_quota = history;
    }
  }
  return ok();
}

/** `POST /api/user/login`: by username or email; a user with 2FA gets a pending session instead. */
export async function login(ctx: Ctx): Promise<Response> {
  const lang = headerLang(ctx.headers);
  if (!ctx.settings.PasswordLoginEnabled) return fail(t(lang, 'user.password_login_disabled'));
  const body = await decodeBody(ctx, loginSchema);
  if (!body || body.username === '' || body.password === '') return fail(t(lang, 'common.invalid_params'));
  const name = body.username.trim();
  if (name === '') return fail(t(lang, 'common.invalid_params'));
  // `WHERE username = ? OR email = ?` with First(): the lowest id wins, soft-deleted rows are invisible.
  const user = ctx.state.users
    .filter((u) => u.deleted_at === null && (u.username === name || u.email === name))
    .sort((a, b) => a.id - b.id)[0];
  // An unknown name or an empty hash still costs a derivation (upstream answers those at once; docs/fidelity.md).
  const passwordOk = await ctx.verifyPassword(body.password, user?.password_hash ?? '');
  if (!user || !passwordOk || user.status !== STATUS.enabled) return fail(t(lang, 'user.username_or_password_error'));
  if (user.twofa?.enabled) {
    const cookie = saveSession(ctx, { pending_username: user.username, pending_user_id: user.id });
    return appendSetCookie(ok({ require_2fa: true }, t(lang, 'user.require_2fa')), cookie);
  }
  return completeLogin(ctx, user, []);
}

/** `POST /api/user/login/2fa`: finishes a login left pending by `/login`. Messages are Chinese in every version. */
export async function loginTwoFa(ctx: Ctx): Promise<Response> {
  const body = await decodeBody(ctx, twoFaLoginSchema);
  if (!body) return fail(ZH.paramError);
  const pending = loadSession(ctx)?.record.data.pending_user_id;
  if (pending === undefined) return fail(ZH.sessionExpired);
  if (!Number.isInteger(pending)) return fail(ZH.sessionInvalid);
  const user = findUser(ctx.state, pending);
  if (!user) return fail(ZH.userNotFound);
  if (!user.twofa?.enabled) return fail(ZH.twoFaNotEnabled);
  const result = await checkTwoFaCode(ctx, user.twofa, body.code);
  if (!result.ok) return fail(result.message);
  return completeLogin(ctx, user, ['pending_user_id', 'pending_username']);
}

/** `GET /api/user/logout`: no auth; ends the session whatever it holds. Access tokens keep working. */
export function logout(ctx: Ctx): Response {
  return appendSetCookie(ok(), clearSession(ctx));
}

/** `GET /api/user/groups`: no auth, and the caller is never detected (user id 0, group ""). */
export function publicGroups(ctx: Ctx): Response {
  return ok(groupsView(ctx.state.groups, ''));
}

/** `setupLogin`: stamps `last_login_at`, caches the identity in the session, answers the six-field map. */
function completeLogin(ctx: Ctx, user: UserRecord, clear: Array<'pending_user_id' | 'pending_username'>): Response {
  user.last_login_at = Math.floor(ctx.clock.now() / 1000);
  const cookie = saveSession(ctx, { id: user.id, username: user.username, role: user.role, status: user.status, group: user.group }, clear);
  return appendSetCookie(ok(loginUserView(user)), cookie);
}
