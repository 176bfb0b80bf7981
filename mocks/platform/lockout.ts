/**
 * The password lockout (decision 008): 5 wrong passwords for one account, or one unknown identifier, within
 * 15 minutes lock its password checks for 15 minutes (42903 with `Retry-After`). Wrong `old_password`s on a
 * password change count towards the same account.
 * @module
 */
import { sweepWhenDue } from '../core/sweep.js';
import type { PlatformState } from './state.js';

const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
const MAX_FAILURES = 5;

/**
 * The lockout key of an account, or of an identifier no account has (so probing unknown ones locks too).
 *
 * @example
 * lockKey(user, body.email ?? body.phone!);
 */
export function lockKey(user: { user_id: string } | undefined, identifier: string): string {
  return user ? `u:${user.user_id}` : `id:${identifier.toLowerCase()}`;
}

/**
 * Seconds until `key` may try again, or `undefined` when it is not locked.
 *
 * @example
 * const wait = lockedFor(ctx.state, key, ctx.clock.now());
 * if (wait) return fail(ctx, CODE.account_locked, { retry_after: wait });
 */
export function lockedFor(state: PlatformState, key: string, nowMs: number): number | undefined {
  const record = state.login_failures[key];
  if (!record?.locked_until || nowMs >= record.locked_until) return undefined;
  return Math.max(1, Math.ceil((record.locked_until - nowMs) / 1000));
}

/**
 * Counts a wrong password; returns the lock's length in seconds when this failure locked the key.
 *
 * @example
 * const locked = recordFailure(ctx.state, key, ctx.clock.now());
 */
export function recordFailure(state: PlatformState, key: string, nowMs: number): number | undefined {
  // Every unknown identifier tried gets a record: forget those that no longer count, or the table only grows.
  sweepWhenDue(state.swept_at, 'login_failures', nowMs, () => {
    for (const [stale, failures] of Object.entries(state.login_failures)) if (!counts(failures, nowMs)) delete state.login_failures[stale];
  });
  const record = (state.login_failures[key] ??= { times: [], locked_until: null });
  record.times = record.times.filter((t) => nowMs - t < WINDOW_MS);
  record.times.push(nowMs);
  if (record.times.length < MAX_FAILURES) return undefined;
  record.times = [];
  record.locked_until = nowMs + LOCK_MS;
  return LOCK_MS / 1000;
}

// A record still matters while its lock runs or one of its failures is inside the window.
function counts(record: { times: number[]; locked_until: number | null }, nowMs: number): boolean {
  return (record.locked_until !== null && nowMs < record.locked_until) || record.times.some((t) => nowMs - t < WINDOW_MS);
}

/**
 * Forgets the failures of `key` (a successful login, a password reset).
 *
 * @example
 * clearFailures(ctx.state, `u:${user.user_id}`);
 */
export function clearFailures(state: PlatformState, key: string): void {
  delete state.login_failures[key];
}
