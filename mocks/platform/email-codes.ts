/**
 * Email codes: 6 digits to the outbox, 10 minutes, 5 wrong tries, one live code per address and purpose, and a
 * per-address send limit (one per 60 s, 10 per 24 h) that applies whether or not an account has the address,
 * so `reset_password` cannot be used to probe for accounts.
 * @module
 */
import { sendMessage } from '../core/outbox.js';
import { sweepWhenDue } from '../core/sweep.js';
import type { RequestContext } from '../core/types.js';
import type { PlatformState } from './state.js';

type Ctx = RequestContext<PlatformState>;
export type EmailPurpose = 'register' | 'reset_password' | 'change_email';

export const EMAIL_CODE_TTL_MS = 10 * 60_000;
export const RESEND_AFTER_S = 60;
const DAY_MS = 86_400_000;
const DAILY_MAX = 10;
const MAX_WRONG = 5;

const SUBJECTS: Record<EmailPurpose, string> = {
  register: 'Verify your email',
  reset_password: 'Reset your password',
  change_email: 'Confirm your new email',
};

/**
 * Seconds until another code may go to `email`, or `undefined` when one may go now.
 *
 * @example
 * const wait = sendCooldown(ctx, email);
 */
export function sendCooldown(ctx: Ctx, email: string): number | undefined {
  const now = ctx.clock.now();
  const sends = (ctx.state.email_sends[email] ?? []).filter((t) => now - t < DAY_MS);
  const last = sends[sends.length - 1];
  if (last !== undefined && now - last < RESEND_AFTER_S * 1000) return Math.ceil((last + RESEND_AFTER_S * 1000 - now) / 1000);
  if (sends.length >= DAILY_MAX) return Math.ceil((sends[0]! + DAY_MS - now) / 1000);
  return undefined;
}

/**
 * Counts a send to `email` and, when `deliver`, stores a new code (replacing the live one for that purpose) and
 * puts the email in the outbox. An anonymous reset for an unknown address counts without delivering.
 *
 * @example
 * const expiresAt = sendEmailCode(ctx, email, 'register', caller.user.user_id, true);
 */
export function sendEmailCode(ctx: Ctx, email: string, purpose: EmailPurpose, userId: string | null, deliver: boolean): number {
  const now = ctx.clock.now();
  sweepWhenDue(ctx.state.swept_at, 'email', now, () => forgetOld(ctx.state, now));
  const sends = (ctx.state.email_sends[email] ?? []).filter((t) => now - t < DAY_MS);
  sends.push(now);
  ctx.state.email_sends[email] = sends;
  const expiresAt = now + EMAIL_CODE_TTL_MS;
  if (!deliver) return expiresAt;
  const code = String(ctx.random.int(1_000_000)).padStart(6, '0');
  ctx.state.email_codes[`${purpose}:${email}`] = { code, user_id: userId, expires_at: expiresAt, wrong_attempts: 0 };
  const body = `Your verification code is ${code}. It expires in 10 minutes. If you did not ask for it, ignore this email.`;
  sendMessage(ctx.state, { channel: 'email', to: email, subject: SUBJECTS[purpose], body, code }, now);
  return expiresAt;
}

// Addresses with no send in the last day no longer limit anything, and an expired code can never be checked.
function forgetOld(state: PlatformState, now: number): void {
  for (const [address, sends] of Object.entries(state.email_sends)) if (!sends.some((t) => now - t < DAY_MS)) delete state.email_sends[address];
  for (const [key, record] of Object.entries(state.email_codes)) if (now >= record.expires_at) delete state.email_codes[key];
}

/**
 * Checks a code and uses it up on success. A wrong code counts; the 5th wrong one kills the code. A code sent
 * for one caller (`register`, `change_email`) is only good for that caller.
 *
 * @example
 * if (!checkEmailCode(ctx, 'register', email, body.code, caller.user.user_id)) return fail(ctx, CODE.email_code_invalid);
 */
export function checkEmailCode(ctx: Ctx, purpose: EmailPurpose, email: string, code: string, userId: string | null): boolean {
  const key = `${purpose}:${email}`;
  const record = Object.hasOwn(ctx.state.email_codes, key) ? ctx.state.email_codes[key] : undefined;
  if (!record) return false;
  if (ctx.clock.now() >= record.expires_at) {
    delete ctx.state.email_codes[key];
    return false;
  }
  if (record.user_id !== userId) return false;
  if (record.code !== code) {
    record.wrong_attempts += 1;
    if (record.wrong_attempts >= MAX_WRONG) delete ctx.state.email_codes[key];
    return false;
  }
  delete ctx.state.email_codes[key];
  return true;
}
