/**
 * Emailed codes (`common/verification.go`, JUL26): one code per purpose and address, valid for
 * `VerificationValidMinutes` on the server clock, cut from a random UUID's hex digits.
 * @module
 */
import { uuidV4Hex } from '../core/uuid.js';
import type { Random } from '../core/random.js';
import { sweepWhenDue } from '../core/sweep.js';
import type { NewApiState } from './state.js';

/** `common.VerificationValidMinutes`. */
export const VERIFICATION_VALID_MINUTES = 10;

/** `EmailVerificationPurpose` and `PasswordResetPurpose`: the prefix of the code's key. */
export const PURPOSE = { emailVerification: 'v', passwordReset: 'r' } as const;
type Purpose = (typeof PURPOSE)[keyof typeof PURPOSE];

/**
 * `GenerateVerificationCode(length)`: the first `length` hex digits of a random (v4) UUID, all 32 for 0.
 *
 * @example
 * verificationCode(ctx.random, 6); // 'a3f09c'
 */
export function verificationCode(random: Random, length: number): string {
  const hex = uuidV4Hex(random);
  return length === 0 ? hex : hex.slice(0, length);
}

/** `model.NormalizeEmail`: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * `RegisterVerificationCodeWithKey`: a new code replaces the previous one for the same purpose and address.
 * Upstream forgets the expired codes on each send once it holds more than 10; here the hourly sweep does
 * (`mocks/core/sweep.ts`), since walking the table through the journal on every send costs per code held. Either
 * way an expired code answers as a missing one, so clients cannot tell when it went.
 */
export function registerCode(state: NewApiState, purpose: Purpose, email: string, code: string, now: number): void {
  sweepWhenDue(state.swept_at, 'verification_codes', now, () => {
    for (const [key, sent] of Object.entries(state.verification_codes)) if (expired(sent.created_at, now)) delete state.verification_codes[key];
  });
  state.verification_codes[`${purpose}${email}`] = { code, created_at: now };
}

/** `VerifyCodeWithKey`: the code matches and was sent less than `VerificationValidMinutes` ago (whole seconds). */
export function verifyCode(state: NewApiState, purpose: Purpose, email: string, code: string, now: number): boolean {
  const sent = state.verification_codes[`${purpose}${email}`];
  if (!sent || expired(sent.created_at, now)) return false;
  return sent.code === code;
}

function expired(createdAt: number, now: number): boolean {
  return Math.floor((now - createdAt) / 1000) >= VERIFICATION_VALID_MINUTES * 60;
}

/** `DeleteKey`. */
export function deleteCode(state: NewApiState, purpose: Purpose, email: string): void {
  delete state.verification_codes[`${purpose}${email}`];
}
