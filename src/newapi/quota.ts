/** new-api's `QuotaPerUnit`: 500,000 quota is one display unit (USD). */
export const QUOTA_PER_UNIT = 500_000;

/**
 * Quota to display units (USD by default).
 *
 * @example
 * quotaToUsd(1_250_000); // 2.5
 */
export function quotaToUsd(quota: number, quotaPerUnit = QUOTA_PER_UNIT): number {
  return quota / quotaPerUnit;
}

/**
 * Display units (USD) to quota, rounded to a whole quota as the server stores integers.
 *
 * @example
 * usdToQuota(2.5); // 1_250_000
 */
export function usdToQuota(usd: number, quotaPerUnit = QUOTA_PER_UNIT): number {
  return Math.round(usd * quotaPerUnit);
}
