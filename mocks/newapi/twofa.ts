/**
 * Checking a 2FA code at login (`Verify2FALogin` with `ValidateTOTPAndUpdateUsage` and
 * `ValidateBackupCodeAndUpdateUsage`): TOTP first when the code is six digits, then backup codes, with upstream's
 * lockout (5 failures → 300 s) and its Chinese messages. Setting 2FA up is a later feature; the state shape is here.
 * @module
 */
import { verifyTotp } from '../core/totp.js';
import type { RequestContext } from '../core/types.js';
import { ZH } from './messages.js';
import type { NewApiState, TwoFaRecord } from './state.js';

const MAX_FAIL_ATTEMPTS = 5;
const LOCKOUT_MS = 300_000;

/**
 * Verifies `code` against `twofa`, updating its counters and backup codes; `{ ok: false, message }` carries the
 * exact upstream message.
 *
 * @example
 * const result = await checkTwoFaCode(ctx, user.twofa, body.code);
 */
export async function checkTwoFaCode(ctx: RequestContext<NewApiState>, twofa: TwoFaRecord, code: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const now = ctx.clock.now();
  const locked = () => twofa.locked_until !== null && now < twofa.locked_until;
  const numeric = code.replaceAll(' ', '');
  // common.ValidateNumericCode: six characters that strconv.Atoi accepts.
  if (numeric.length === 6 && /^[+-]?\d+$/.test(numeric) && !locked()) {
    if (await verifyTotp(twofa.secret, numeric, now)) return succeed(twofa, now);
    recordFailure(twofa, now);
  }
  if (locked()) return { ok: false, message: ZH.locked(formatGoTime(twofa.locked_until!)) };
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

function succeed(twofa: TwoFaRecord, now: number): { ok: true } {
  twofa.failed_attempts = 0;
  twofa.locked_until = null;
  twofa.last_used_at = now;
  return { ok: true };
}

function recordFailure(twofa: TwoFaRecord, now: number): void {
  if (twofa.locked_until !== null && now < twofa.locked_until) return;
  twofa.failed_attempts += 1;
  if (twofa.failed_attempts >= MAX_FAIL_ATTEMPTS) twofa.locked_until = now + LOCKOUT_MS;
}

/** Go's `2006-01-02 15:04:05` layout, in UTC (upstream prints the server's local time). */
function formatGoTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
