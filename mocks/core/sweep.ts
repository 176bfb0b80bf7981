/**
 * The hourly sweep: tables that collect records which die on the server clock (ended sessions, expired codes,
 * stale lockout counters) are walked at most once an hour of server time, by a request that adds to them. A
 * long-lived sandbox so forgets its dead records without walking every table on every request; when a dead record
 * goes is invisible to clients, since it already answers as a missing one would.
 * @module
 */

/** Server time between two sweeps of one table. */
export const SWEEP_EVERY_MS = 3_600_000;

/**
 * Runs `sweep` when the table `name` was last swept an hour or more ago (by `marks[name]`), and notes the time.
 * The marks live in the dialect's state, so an exported and re-imported sandbox keeps its rhythm.
 *
 * @example
 * sweepWhenDue(state.swept_at, 'verification_codes', now, () => dropExpiredCodes(state, now));
 */
export function sweepWhenDue(marks: Record<string, number>, name: string, nowMs: number, sweep: () => void): void {
  const last = Object.hasOwn(marks, name) ? marks[name]! : -Infinity;
  // A mark ahead of the clock (moved back, or a state imported from a later one) must not stop sweeps.
  if (nowMs >= last && nowMs - last < SWEEP_EVERY_MS) return;
  marks[name] = nowMs;
  sweep();
}
