/**
 * The range of quotas the reference server keeps. Upstream's `quota` column is an int64 (SQLite, its default
 * database), but a JavaScript number holds integers exactly only up to 2^53 − 1, and JSON readers round past it.
 * A change whose result would leave that range is refused rather than stored rounded (docs/fidelity.md).
 * @module
 */

/** Refusal text, passed through as upstream passes a database error (`common.ApiError(c, err)`: not translated). */
export const QUOTA_RANGE_ERROR =
  'Failed to change the quota: the result would pass ±9007199254740991, the largest quota the reference server keeps exactly. Please change it by a smaller amount.';

/**
 * `quota + delta` when the result is still an exact integer, else `undefined`.
 *
 * @example
 * exactQuota(Number.MAX_SAFE_INTEGER, 1); // undefined
 * exactQuota(10, -25); // -15 (upstream's `quota - ?` goes below zero too)
 */
export function exactQuota(quota: number, delta: number): number | undefined {
  const sum = quota + delta;
  // Both operands are safe integers, so a sum within the safe range is exact; outside it, it may be rounded.
  return Number.isSafeInteger(sum) ? sum : undefined;
}
