/**
 * What each user spent over a range of days. `GET /1/usages`
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import { Resource } from '../../core/resource.js';
import type { OpenCatClient } from '../client.js';
import type { Data } from '../internal/types.js';

/** A calendar day as the server compares it, `YYYY-MM-DD`. */
export type UsageDate = `${number}-${number}-${number}`;

/** The range of {@link Usages.list}: both days or neither. */
export type UsageListParams = { from: UsageDate; to: UsageDate } | { from?: undefined; to?: undefined };

/** One row as the server sends it (zero fields left out; the edge implementation spells `totalUint`). */
type WireUsage = Data<'/1/usages', 'get'>[number];

/** One user's usage over the range. */
export interface Usage {
  /** The user's id; deleted users are listed too. */
  userId: number;
  /** Tokens (units) used, prompt and completion together. */
  totalUnit: number;
  /** The cost in USD exactly as upstream sends it: six decimals from opencatd-open (`"0.000110"`), seven from the edge. */
  cost: string;
  /** `cost` as a number, for sums and charts; keep `cost` where every digit matters. */
  costUsd: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Usage per user. Root only. */
export class Usages extends Resource<OpenCatClient> {
  /**
   * Each user's usage over the days `[from, to)`: `from` counts, `to` does not. Without a range the server takes the
   * current month in its own time zone. Users without usage are absent. The edge implementation ignores the range
   * and answers lifetime totals. `GET /1/usages`
   * @example
   * const march = await client.usages.list({ from: '2026-03-01', to: '2026-04-01' });
   * for (const { userId, cost, costUsd } of march) console.log(userId, cost, costUsd);
   */
  list(params: UsageListParams = {}, options?: RequestOptions): ApiPromise<Usage[]> {
    return ApiPromise.try(() => this.client.request('get', '/1/usages', { query: rangeQuery(params) }, options).map((rows) => rows.map(toUsage)));
  }
}

/**
 * The query of a range, checked before anything is sent: opencatd-open compares the days as text and replaces a
 * lone bound by the current month, so a malformed day or a missing bound would answer the wrong rows without error.
 */
function rangeQuery(params: UsageListParams): { from?: string; to?: string } {
  const { from, to } = params ?? {};
  if (from === undefined && to === undefined) return {};
  if (from === undefined || to === undefined) {
    throw new TypeError('Failed to call usages.list: pass both `from` and `to`, or neither (then the server takes the current month).');
  }
  for (const [name, day] of [['from', from], ['to', to]] as const) {
    if (!isDay(day)) throw new TypeError(`Failed to call usages.list: \`${name}\` must be a day as YYYY-MM-DD, got ${JSON.stringify(day)}.`);
  }
  return { from, to };
}

function isDay(value: unknown): boolean {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toUsage(row: WireUsage): Usage {
  const wire = row as WireUsage & { totalUint?: number };
  const cost = wire.cost ?? '0';
  return { userId: wire.userId ?? 0, totalUnit: wire.totalUnit ?? wire.totalUint ?? 0, cost, costUsd: Number(cost) };
}
