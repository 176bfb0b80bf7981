/**
 * Usage statistics, for administrators. Routes under `/api/admin/usage/`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import { Resource } from '../../core/resource.js';
import type { AetherClient } from '../client.js';
import type { components } from '../generated/schema.js';
import type { Data, Query } from '../internal/types.js';

/** Totals, costs in USD, cache figures and the 365-day activity heatmap. */
export interface UsageStats extends Data<'/api/admin/usage/stats', 'get'> {}
/** `start_date` / `end_date` (ISO date-times) filter the totals; the heatmap always covers the last 365 days. */
export interface UsageStatsParams extends Query<'/api/admin/usage/stats', 'get'> {}
type Schemas = components['schemas'];
/** The dimensions usage can be grouped by. */
export type UsageGroupBy = UsageAggregationParams['group_by'];
/** One row of usage grouped by `G`: its shape depends on the dimension. */
export type UsageAggregationRow<G extends UsageGroupBy = UsageGroupBy> = {
  model: Schemas['UsageByModel'];
  user: Schemas['UsageByUser'];
  provider: Schemas['UsageByProvider'];
  api_format: Schemas['UsageByApiFormat'];
}[G];
/** `group_by` (required), the date filters and `limit` (1–100, default 20). */
export interface UsageAggregationParams extends Query<'/api/admin/usage/aggregation/stats', 'get'> {}

/** What the gateway's users spent. */
export class Usage extends Resource<AetherClient> {
  /**
   * Usage totals, optionally between two dates. `GET /api/admin/usage/stats`
   * @example
   * const { total_requests, total_cost, activity_heatmap } = await client.usage.stats({ start_date: '2026-11-01T00:00:00Z' });
   */
  stats(params: UsageStatsParams = {}, options?: RequestOptions): ApiPromise<UsageStats> {
    return this.client.request('get', '/api/admin/usage/stats', { query: params }, options);
  }

  /**
   * Usage grouped by one dimension, largest first; the rows are typed by `group_by`. A `group_by` outside the
   * four is refused before authentication (400 `Invalid group_by value: …`). `GET /api/admin/usage/aggregation/stats`
   * @example
   * for (const row of await client.usage.aggregation({ group_by: 'model', limit: 10 })) console.log(row.model, row.total_cost);
   */
  aggregation<G extends UsageGroupBy>(params: UsageAggregationParams & { group_by: G }, options?: RequestOptions): ApiPromise<UsageAggregationRow<G>[]> {
    return this.client.request('get', '/api/admin/usage/aggregation/stats', { query: params }, options) as unknown as ApiPromise<UsageAggregationRow<G>[]>;
  }
}
