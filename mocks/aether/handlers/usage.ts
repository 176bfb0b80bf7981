/**
 * `/api/admin/usage/stats` and `/api/admin/usage/aggregation/stats` (`src/api/admin/usage/routes.py`), computed from
 * the usage rows of the state (added through `POST /__mock/usages`).
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { httpError, json } from '../envelope.js';
import { USAGE } from '../messages.js';
import type { QueryParam, QueryValues } from '../query.js';
import type { AetherState } from '../state.js';
import { usageAggregation, usageStats, type GroupBy } from '../usage-stats.js';

type Ctx = RequestContext<AetherState>;

/** The query of `GET /api/admin/usage/stats`. */
export const STATS_QUERY: Record<string, QueryParam> = { start_date: { kind: 'datetime' }, end_date: { kind: 'datetime' } };

/** The query of `GET /api/admin/usage/aggregation/stats`. */
export const AGGREGATION_QUERY: Record<string, QueryParam> = {
  group_by: { kind: 'str', required: true },
  start_date: { kind: 'datetime' },
  end_date: { kind: 'datetime' },
  limit: { kind: 'int', default: 20, ge: 1, le: 100 },
};

const GROUPS = new Set<string>(['model', 'user', 'provider', 'api_format']);

/** `GET /api/admin/usage/stats`. */
export function getUsageStats(ctx: Ctx, _caller: Caller, query: QueryValues): Response {
  return json(usageStats(ctx.state, dates(query), ctx.clock.now()));
}

/**
 * The route function's own check of `group_by`, which upstream makes before the pipeline, so before
 * authentication: 400 `http_error`.
 */
export function checkGroupBy(query: QueryValues): void {
  const groupBy = query.group_by as string;
  if (!GROUPS.has(groupBy)) throw httpError(400, USAGE.badGroupBy(groupBy));
}

/** `GET /api/admin/usage/aggregation/stats`. */
export function getUsageAggregation(ctx: Ctx, _caller: Caller, query: QueryValues): Response {
  return json(usageAggregation(ctx.state, query.group_by as GroupBy, dates(query), query.limit as number));
}

function dates(query: QueryValues): { start?: number; end?: number } {
  return { start: query.start_date as number | undefined, end: query.end_date as number | undefined };
}
