/**
 * The usage statistics upstream computes in SQL (`src/api/admin/usage/routes.py`, `UsageService.get_daily_activity`),
 * over the usage rows of the state: totals within the date filter, the zero-filled 365-day heatmap that ignores it,
 * and the four groupings. Python's `round(x, 2)` (half to even on the exact value) is kept.
 * @module
 */
import type { AetherState, AetherUsage } from './state.js';

const DAY_MS = 86_400_000;
const HEATMAP_DAYS = 365;
const UNFINISHED = new Set(['pending', 'streaming']);
const UNROUTED = new Set(['unknown', 'pending']);

/** The date filter, in epoch milliseconds, both ends included. */
export interface DateFilter {
  start?: number | undefined;
  end?: number | undefined;
}

/**
 * Python's `round(x, 2)`: correctly rounded, exact ties (x·8 odd) to the even neighbour.
 *
 * @example
 * pyRound2(0.125); // 0.12
 */
export function pyRound2(x: number): number {
  const eighths = x * 8;
  if (Number.isInteger(eighths) && !Number.isInteger(x * 4)) {
    const hundredths = x * 100;
    const floor = Math.floor(hundredths);
    return (floor % 2 === 0 ? floor : floor + 1) / 100;
  }
  return Number(x.toFixed(2));
}

const sum = (rows: readonly AetherUsage[], pick: (row: AetherUsage) => number) => rows.reduce((total, row) => total + pick(row), 0);

function within(rows: readonly AetherUsage[], filter: DateFilter): AetherUsage[] {
  return rows.filter((row) => (filter.start === undefined || row.created_at >= filter.start) && (filter.end === undefined || row.created_at <= filter.end));
}

// SQL's AVG over a nullable column: nulls are skipped, no rows is NULL (read as 0).
function average(values: readonly (number | null)[]): number {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? 0 : present.reduce((a, b) => a + b, 0) / present.length;
}

/**
 * `GET /api/admin/usage/stats`.
 *
 * @example
 * usageStats(ctx.state, {}, ctx.clock.now()).total_requests;
 */
export function usageStats(state: AetherState, filter: DateFilter, now: number) {
  const rows = within(state.usages, filter);
  const total = rows.length;
  const errors = rows.filter((row) => row.status_code >= 400 || row.error_message !== null).length;
  return {
    total_requests: total,
    total_tokens: sum(rows, (row) => row.total_tokens),
    total_cost: sum(rows, (row) => row.total_cost_usd),
    total_actual_cost: sum(rows, (row) => row.actual_total_cost_usd),
    avg_response_time: pyRound2(average(rows.map((row) => row.response_time_ms)) / 1000),
    error_count: errors,
    error_rate: total > 0 ? pyRound2((errors / total) * 100) : 0,
    cache_stats: {
      cache_creation_tokens: sum(rows, (row) => row.cache_creation_input_tokens),
      cache_read_tokens: sum(rows, (row) => row.cache_read_input_tokens),
      cache_creation_cost: sum(rows, (row) => row.cache_creation_cost_usd),
      cache_read_cost: sum(rows, (row) => row.cache_read_cost_usd),
    },
    activity_heatmap: activityHeatmap(state.usages, now),
  };
}

/** The 365 UTC days ending today, every one listed, whatever the date filter says. */
function activityHeatmap(usages: readonly AetherUsage[], now: number) {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const first = today - (HEATMAP_DAYS - 1) * DAY_MS;
  const buckets = new Map<number, { requests: number; total_tokens: number; total_cost: number; actual_total_cost: number }>();
  for (const row of usages) {
    if (row.created_at < first || row.created_at >= today + DAY_MS) continue;
    const day = Math.floor(row.created_at / DAY_MS) * DAY_MS;
    const bucket = buckets.get(day) ?? { requests: 0, total_tokens: 0, total_cost: 0, actual_total_cost: 0 };
    bucket.requests += 1;
    bucket.total_tokens += row.total_tokens;
    bucket.total_cost += row.total_cost_usd;
    bucket.actual_total_cost += row.actual_total_cost_usd;
    buckets.set(day, bucket);
  }
  const days = Array.from({ length: HEATMAP_DAYS }, (_, index) => {
    const day = first + index * DAY_MS;
    const bucket = buckets.get(day) ?? { requests: 0, total_tokens: 0, total_cost: 0, actual_total_cost: 0 };
    return { date: isoDate(day), ...bucket };
  });
  return { start_date: isoDate(first), end_date: isoDate(today), total_days: HEATMAP_DAYS, max_requests: Math.max(0, ...days.map((day) => day.requests)), days };
}

/** The dimensions of `GET /api/admin/usage/aggregation/stats`. */
export type GroupBy = 'model' | 'user' | 'provider' | 'api_format';

/**
 * `GET /api/admin/usage/aggregation/stats`: groups by request count, most first (ties in order of first
 * appearance), at most `limit`.
 *
 * @example
 * usageAggregation(ctx.state, 'model', {}, 20);
 */
export function usageAggregation(state: AetherState, groupBy: GroupBy, filter: DateFilter, limit: number): unknown[] {
  const rows = within(state.usages, filter);
  switch (groupBy) {
    case 'model':
      return grouped(rows.filter(finishedAndRouted), (row) => row.model, limit).map(([model, group]) => ({ model, request_count: group.length, ...costs(group) }));
    case 'api_format':
      return grouped(rows.filter((row) => finishedAndRouted(row) && row.api_format !== null), (row) => row.api_format, limit).map(([format, group]) => ({
        api_format: format ?? 'unknown',
        request_count: group.length,
        ...costs(group),
        avg_response_time_ms: average(group.map((row) => row.response_time_ms)),
      }));
    case 'user': {
      const users = new Map(state.users.map((user) => [user.id, user]));
      return grouped(rows.filter((row) => row.user_id !== null && users.has(row.user_id)), (row) => row.user_id, limit).map(([id, group]) => {
        const user = users.get(id!)!;
        return { user_id: user.id, email: user.email, username: user.username, request_count: group.length, total_tokens: sum(group, (row) => row.total_tokens), total_cost: sum(group, (row) => row.total_cost_usd) };
      });
    }
    case 'provider':
      return providerAggregation(rows, limit);
  }
}

// Upstream counts provider attempts from its request_candidates table; here a finished row with a provider id is
// one attempt: a success when `completed`, a failure when `failed` (docs/fidelity.md).
function providerAggregation(rows: readonly AetherUsage[], limit: number): unknown[] {
  const attempts = rows.filter((row) => row.provider_id !== null && (row.status === 'completed' || row.status === 'failed'));
  const finished = rows.filter((row) => row.provider_id !== null && !UNFINISHED.has(row.status));
  return grouped(attempts, (row) => row.provider_id, limit).map(([id, group]) => {
    const billed = finished.filter((row) => row.provider_id === id);
    const successes = group.filter((row) => row.status === 'completed').length;
    return {
      provider_id: id,
      provider: group[0]!.provider,
      request_count: group.length,
      ...costs(billed),
      avg_response_time_ms: average(group.map((row) => row.response_time_ms)),
      success_rate: pyRound2((successes / group.length) * 100),
      error_count: group.length - successes,
    };
  });
}

function finishedAndRouted(row: AetherUsage): boolean {
  return !UNFINISHED.has(row.status) && !UNROUTED.has(row.provider);
}

function costs(group: readonly AetherUsage[]) {
  return { total_tokens: sum(group, (row) => row.total_tokens), total_cost: sum(group, (row) => row.total_cost_usd), actual_cost: sum(group, (row) => row.actual_total_cost_usd) };
}

function grouped<K>(rows: readonly AetherUsage[], keyOf: (row: AetherUsage) => K, limit: number): [K, AetherUsage[]][] {
  const groups = new Map<K, AetherUsage[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, limit);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
