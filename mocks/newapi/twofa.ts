/**
 * new-api's TOTP 2FA (`common/totp.go`, `model/twofa.go`): checking codes at login and on the 2FA routes (TOTP
 * first when the code is six digits, then backup codes), upstream's lockout (5 failures → 300 s), setting up a
 * secret with its QR payload and backup codes. Every message is hard-coded Chinese upstream.
 * @module
 */
import { newTotpSecret, verifyTotp } from '../core/totp.js';
import type { RequestContext } from '../core/types.js';
import { ZH } from './messages.js';
import { seal, unseal } from '../core/sealer.js';
import type { NewApiState, TwoFaRecord } from './state.js';

const MAX_FAIL_ATTEMPTS = 5;
const LOCKOUT_MS = 300_000;
const BACKUP_CODE_COUNT = 4;
const BACKUP_CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

type Ctx = RequestContext<NewApiState>;
type Check = { ok: true } | { ok: false; message: string };

/**
 * Verifies `code` against `twofa` as `Verify2FALogin` and `Disable2FA` do, updating its counters and backup codes;
 * `{ ok: false, message }` carries the exact upstream message.
 *
 * @example
 * const result = await checkTwoFaCode(ctx, user.twofa, body.code);
 */
export async function checkTwoFaCode(ctx: Ctx, twofa: TwoFaRecord, code: string): Promise<Check> {
  const now = ctx.clock.now();
  const numeric = validateNumericCode(code);
  if (numeric.ok && !isLocked(twofa, now)) {
    if (await matchesTotp(ctx, twofa, numeric.code, now)) return succeed(twofa, now);
    recordFailure(twofa, now);
  }
  if (isLocked(twofa, now)) return lockedAnswer(twofa);
  const normalized = normalizeBackupCode(code);
  if (normalized === undefined) return { ok: false, message: ZH.codeOrBackupIncorrect };
  for (const backup of twofa.backup_codes) {
    if (backup.used_at === null && (await ctx.verifyPassword(normalized, backup.hash))) {
      backup.used_at = now;
      return succeed(twofa, now);
    }
  }
  recordFailure(twofa, now);
  return { ok: false, message: ZH.codeOrBackupWrong };
}

/**
 * `ValidateTOTPAndUpdateUsage` (regenerating backup codes): TOTP only, refused while locked, failures counted.
 *
 * @example
 * const result = await checkTotp(ctx, twofa, '123456');
 */
export async function checkTotp(ctx: Ctx, twofa: TwoFaRecord, code: string): Promise<Check> {
  const now = ctx.clock.now();
  if (isLocked(twofa, now)) return lockedAnswer(twofa);
  if (await matchesTotp(ctx, twofa, code, now)) return succeed(twofa, now);
  recordFailure(twofa, now);
  return { ok: false, message: ZH.codeOrBackupWrong };
}

/**
 * Whether `code` is the TOTP of the record's sealed secret at `now` (one period of skew). A secret sealed by
 * another server (an imported state) matches no code; backup codes still work, as they are hashes.
 *
 * @example
 * if (!(await matchesTotp(ctx, twofa, numeric.code, ctx.clock.now()))) return fail(ZH.codeOrBackupWrong);
 */
export async function matchesTotp(ctx: Ctx, twofa: TwoFaRecord, code: string, now: number): Promise<boolean> {
  const secret = await unseal(ctx.random, twofa.secret_sealed, 'totp-secret');
  return secret !== undefined && (await verifyTotp(secret, code, now));
}

/**
 * `common.ValidateNumericCode`: spaces removed, six bytes, and something `strconv.Atoi` accepts.
 *
 * @example
 * validateNumericCode('123 456'); // { ok: true, code: '123456' }
 */
export function validateNumericCode(code: string): { ok: true; code: string } | { ok: false; message: string } {
  const clean = code.replaceAll(' ', '');
  if (new TextEncoder().encode(clean).length !== 6) return { ok: false, message: '验证码必须是6位数字' };
  if (!/^[+-]?\d+$/.test(clean)) return { ok: false, message: '验证码只能包含数字' };
  return { ok: true, code: clean };
}

/**
 * `common.NormalizeBackupCode` after `ValidateBackupCode`: `XXXX-XXXX` in upper case, or `undefined` when the
 * code is not eight characters of `[A-Z0-9]` once dashes are removed.
 *
 * @example
 * normalizeBackupCode('abcd1234'); // 'ABCD-1234'
 */
export function normalizeBackupCode(code: string): string | undefined {
  const clean = code.replaceAll('-', '').toUpperCase();
  return /^[A-Z0-9]{8}$/.test(clean) ? `${clean.slice(0, 4)}-${clean.slice(4)}` : undefined;
}

/** Whether the record is in its 300 s lock (`TwoFA.IsLocked`). */
export function isLocked(twofa: TwoFaRecord, now: number): boolean {
  return twofa.locked_until !== null && now < twofa.locked_until;
}

/**
 * Four fresh backup codes (`GenerateBackupCodes`), and their hashes as stored.
 *
 * @example
 * const { codes, stored } = await newBackupCodes(ctx);
 */
export async function newBackupCodes(ctx: Ctx): Promise<{ codes: string[]; stored: TwoFaRecord['backup_codes'] }> {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const raw = ctx.random.string(8, BACKUP_CODE_ALPHABET);
    return `${raw.slice(0, 4)}-${raw.slice(4)}`;
  });
  const hashes = await Promise.all(codes.map((code) => ctx.hashPassword(code)));
  return { codes, stored: hashes.map((hash) => ({ hash, used_at: null })) };
}

/**
 * A pending (not yet enabled) record with a fresh secret (stored sealed), the secret itself for the setup answer,
 * and the QR payload for it (`GenerateQRCodeData`, not URL-encoded, exactly as upstream prints it).
 *
 * @example
 * const { record, secret, qr } = await newPendingTwoFa(ctx, user.username);
 */
export async function newPendingTwoFa(ctx: Ctx, username: string): Promise<{ record: TwoFaRecord; secret: string; qr: string }> {
  const secret = newTotpSecret(ctx.random.bytes(20));
  const issuer = ctx.settings.SystemName;
  const qr = `otpauth://totp/${issuer}:${username} (${issuer})?secret=${secret}&issuer=${issuer}&digits=6&period=30`;
  const secret_sealed = await seal(ctx.random, secret, 'totp-secret');
  return { record: { secret_sealed, enabled: false, failed_attempts: 0, locked_until: null, last_used_at: null, backup_codes: [] }, secret, qr };
}

function succeed(twofa: TwoFaRecord, now: number): { ok: true } {
  twofa.failed_attempts = 0;
  twofa.locked_until = null;
  twofa.last_used_at = now;
  return { ok: true };
}

/** `IncrementFailedAttempts`: nothing while locked; the count is not reset when a lock ends, so one more failure relocks. */
function recordFailure(twofa: TwoFaRecord, now: number): void {
  if (isLocked(twofa, now)) return;
  twofa.failed_attempts += 1;
  if (twofa.failed_attempts >= MAX_FAIL_ATTEMPTS) twofa.locked_until = now + LOCKOUT_MS;
}

function lockedAnswer(twofa: TwoFaRecord): { ok: false; message: string } {
  return { ok: false, message: ZH.locked(formatGoTime(twofa.locked_until!)) };
}

/** Go's `2006-01-02 15:04:05` layout, in UTC (upstream prints the server's local time). */
function formatGoTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
