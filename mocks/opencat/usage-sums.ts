/**
 * `store.QueryUsage` and `store.QueryUserUsage` over `daily_usages`: `SUM(total_unit)` and
 * `printf('%.6f', SUM(cost))` per user, for the rows with `date >= from AND date < to`. The column holds
 * `YYYY-MM-DD 00:00:00+00:00` as text, so the bounds compare as text (by day for `YYYY-MM-DD` bounds), except a
 * bound that looks like a number, which SQLite's NUMERIC affinity makes sort below every text.
 * @module
 */
import { looksNumeric } from './sqlite.js';
import type { DailyUsageRecord } from './state.js';

/** One user's sums, before `store.CalcUsage`'s `omitempty`. */
export interface UsageSum {
  user_id: number;
  total_unit: number;
  /** Six decimals, as `printf('%.6f', …)`. */
  cost: string;
}

/**
 * The text a daily row's date is stored as (go-sqlite writes a `time.Time` in UTC at midnight that way).
 *
 * @example
 * storedDate('2024-07-19'); // '2024-07-19 00:00:00+00:00'
 */
export function storedDate(date: string): string {
  return `${date} 00:00:00+00:00`;
}

/**
 * Whether a row of `date` falls in `[from, to)` as SQLite compares them.
 *
 * @example
 * inRange('2024-07-31', '2024-07-01', '2024-08-01'); // true
 */
export function inRange(date: string, from: string, to: string): boolean {
  const stored = storedDate(date);
  // A numeric bound is below every text: `date >= 0` always holds, `date < 0` never.
  const atLeastFrom = looksNumeric(from) || stored >= from;
  const beforeTo = !looksNumeric(to) && stored < to;
  return atLeastFrom && beforeTo;
}

/**
 * `GET /1/usages`: one sum per user with rows in range, in user id order (`GROUP BY user_id`).
 *
 * @example
 * sumByUser(state.daily_usages, '2024-07-01', '2024-08-01'); // [{ user_id: 1, total_unit: 55, cost: '0.000110' }]
 */
export function sumByUser(rows: readonly DailyUsageRecord[], from: string, to: string): UsageSum[] {
  const sums = new Map<number, { total_unit: number; cost_micros: number }>();
  for (const row of rows) {
    if (!inRange(row.date, from, to)) continue;
    const sum = sums.get(row.user_id) ?? { total_unit: 0, cost_micros: 0 };
    sum.total_unit += row.total_unit;
    sum.cost_micros += row.cost_micros;
    sums.set(row.user_id, sum);
  }
  return [...sums.entries()].sort(([a], [b]) => a - b).map(([user_id, sum]) => ({ user_id, total_unit: sum.total_unit, cost: sixDecimals(sum.cost_micros) }));
}

/**
 * `store.QueryUserUsage`: the one aggregate row of a user, without `GROUP BY`, so a user with no rows in range
 * still gets a row: `user_id` and the unit sum NULL (0), the cost `printf('%.6f', NULL)` = `0.000000`.
 *
 * @example
 * sumOfUser(state.daily_usages, 7, '2024-07-01', '2024-08-01'); // { user_id: 0, total_unit: 0, cost: '0.000000' }
 */
export function sumOfUser(rows: readonly DailyUsageRecord[], userId: number, from: string, to: string): UsageSum {
  const [sum] = sumByUser(
    rows.filter((row) => row.user_id === userId),
    from,
    to,
  );
  return sum ?? { user_id: 0, total_unit: 0, cost: '0.000000' };
}

/**
 * Millionths as a six-decimal string.
 *
 * @example
 * sixDecimals(110); // '0.000110'
 */
export function sixDecimals(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  return `${sign}${Math.floor(abs / 1_000_000)}.${String(abs % 1_000_000).padStart(6, '0')}`;
}
