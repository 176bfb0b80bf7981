/**
 * 2FA for the caller (UserAuth): `GET /api/user/2fa/status`, `POST /api/user/2fa/setup|enable|disable|backup_codes`;
 * and for administrators (AdminAuth): `GET /api/user/2fa/stats`, `DELETE /api/user/:id/2fa` (controller/twofa.go,
 * JUL26). The login step is `loginTwoFa` in `auth.ts`. Messages are Chinese in every version.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import { canManage, type Caller } from '../auth.js';
import { fail, ok } from '../envelope.js';
import { atoi } from '../../go/strconv.js';
import { DB, ZH } from '../messages.js';
import { goDecode } from '../../go/json-bind.js';
import { findUser, findUserUnscoped, type NewApiState } from '../state.js';
import { checkTotp, checkTwoFaCode, isLocked, matchesTotp, newBackupCodes, newPendingTwoFa, validateNumericCode } from '../twofa.js';

type Ctx = RequestContext<NewApiState>;

const CODE_REQUEST = { qualified: 'controller.Verify2FARequest', name: 'Verify2FARequest', fields: { code: 'string' } } as const;

// The 2FA rows hang off the user id, not the (possibly soft-deleted) user, so they are read unscoped.
const twoFaOf = (ctx: Ctx, id: number) => findUserUnscoped(ctx.state, id)?.twofa ?? null;

/** `GET /api/user/2fa/status`: `backup_codes_remaining` only while enabled. */
export function twoFactorStatus(ctx: Ctx, caller: Caller): Response {
  const twofa = twoFaOf(ctx, caller.id);
  if (!twofa) return ok({ enabled: false, locked: false });
  const locked = isLocked(twofa, ctx.clock.now());
  if (!twofa.enabled) return ok({ enabled: false, locked });
  return ok({ enabled: true, locked, backup_codes_remaining: twofa.backup_codes.filter((code) => code.used_at === null).length });
}

/** `POST /api/user/2fa/setup`: a new secret and backup codes, replacing a pending record; 2FA stays off. */
export async function setupTwoFactor(ctx: Ctx, caller: Caller): Promise<Response> {
  if (twoFaOf(ctx, caller.id)?.enabled) return fail('用户已启用2FA，请先禁用后重新设置');
  const user = findUser(ctx.state, caller.id);
  if (!user) return fail(DB.recordNotFound);
  const { record, secret, qr } = await newPendingTwoFa(ctx, user.username);
  const { codes, stored } = await newBackupCodes(ctx);
  user.twofa = { ...record, backup_codes: stored };
  // Shown once, as upstream shows it: the state keeps only the sealed copy.
  return ok({ secret, qr_code_data: qr, backup_codes: codes }, '2FA设置初始化成功，请使用认证器扫描二维码并输入验证码完成设置');
}

/** `POST /api/user/2fa/enable {code}`: TOTP only; no lock check and no failure counting, as upstream. */
export async function enableTwoFactor(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await readCode(ctx);
  if (!body) return fail(ZH.paramError);
  const twofa = twoFaOf(ctx, caller.id);
  if (!twofa) return fail('请先完成2FA初始化设置');
  if (twofa.enabled) return fail('2FA已经启用');
  const numeric = validateNumericCode(body.code);
  if (!numeric.ok) return fail(numeric.message);
  if (!(await matchesTotp(ctx, twofa, numeric.code, ctx.clock.now()))) return fail(ZH.codeOrBackupWrong);
  Object.assign(twofa, { enabled: true, failed_attempts: 0, locked_until: null });
  return ok(undefined, '两步验证启用成功');
}

/** `POST /api/user/2fa/disable {code}`: a TOTP or a backup code, as at login; deletes the secret and codes. */
export async function disableTwoFactor(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await readCode(ctx);
  if (!body) return fail(ZH.paramError);
  const user = findUserUnscoped(ctx.state, caller.id);
  if (!user?.twofa?.enabled) return fail(ZH.twoFaNotEnabled);
  const result = await checkTwoFaCode(ctx, user.twofa, body.code);
  if (!result.ok) return fail(result.message);
  user.twofa = null;
  return ok(undefined, '两步验证已禁用');
}

/** `POST /api/user/2fa/backup_codes {code}`: TOTP only; four new codes replace the old ones. */
export async function regenerateBackupCodes(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await readCode(ctx);
  if (!body) return fail(ZH.paramError);
  const twofa = twoFaOf(ctx, caller.id);
  if (!twofa?.enabled) return fail(ZH.twoFaNotEnabled);
  const numeric = validateNumericCode(body.code);
  if (!numeric.ok) return fail(numeric.message);
  const result = await checkTotp(ctx, twofa, numeric.code);
  if (!result.ok) return fail(result.message);
  const { codes, stored } = await newBackupCodes(ctx);
  twofa.backup_codes = stored;
  return ok({ backup_codes: codes }, '备用码重新生成成功');
}

/** `GET /api/user/2fa/stats`: live users, enabled records (soft-deleted users' included), and the rate. */
export function twoFactorStats(ctx: Ctx): Response {
  const total = ctx.state.users.filter((u) => u.deleted_at === null).length;
  const enabled = ctx.state.users.filter((u) => u.twofa?.enabled).length;
  return ok({ total_users: total, enabled_users: enabled, enabled_rate: `${goFixed1(total > 0 ? (enabled / total) * 100 : 0)}%` });
}

/** `DELETE /api/user/:id/2fa`: forces 2FA off (a pending record is deleted too) for a user the caller manages. */
export function adminDisableTwoFactor(ctx: Ctx, caller: Caller): Response {
  const id = atoi(ctx.params.id ?? '');
  if (!id.ok) return fail('用户ID格式错误');
  if (id.value === 0) return fail(ZH.idEmpty);
  const target = findUser(ctx.state, id.value);
  if (!target) return fail(DB.recordNotFound);
  if (!canManage(caller.role, target.role)) return fail('无权操作同级或更高级用户的2FA设置');
  if (!target.twofa) return fail(ZH.twoFaNotEnabled);
  target.twofa = null;
  return ok(undefined, '用户2FA已被强制禁用');
}

/** Go's `%.1f`: like `toFixed(1)`, but an exact tie rounds to even (Go rounds the exact binary value). */
function goFixed1(value: number): string {
  // Only x.x5 values whose double is exact are ties, and those are exactly the odd multiples of 0.25.
  if (Number.isInteger(value * 4) && (value * 4) % 2 !== 0) {
    const down = Math.floor(value * 10);
    return ((down % 2 === 0 ? down : down + 1) / 10).toFixed(1);
  }
  return value.toFixed(1);
}

/** `ShouldBindJSON(&req)` with `binding:"required"`: `undefined` when the body does not decode or `code` is empty. */
async function readCode(ctx: Ctx): Promise<{ code: string } | undefined> {
  const body = goDecode(await ctx.readText(), CODE_REQUEST);
  return body.ok && body.value.code !== '' ? body.value : undefined;
}
