import type { Money } from '../money.js';

/**
 * `amount` when it is in USD, the unit of the dialects that keep dollars (Aether): a TypeError before anything is
 * sent otherwise, since converting new-api's quota needs that server's rate and counts never convert.
 *
 * @example
 * usdAmount(Money.of('usd', 5), 'aether', 'quota.set').toNumber(); // 5
 */
export function usdAmount(amount: Money, dialect: string, operation: string): Money {
  if (amount?.unit !== 'usd') {
    throw new TypeError(`Failed to call ${operation}: ${dialect} keeps quotas in USD, got ${amount?.unit ?? String(amount)}. Please pass Money.of('usd', …) or convert with .to('usd', { quotaPerUsd }).`);
  }
  return amount;
}
