/**
 * `GET /1/usages` (router.go `HandleUsage`, store `QueryUsage`, c11824f): every user's sums over `[from, to)`,
 * deleted users included, one object per user with rows, in user id order.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import { goJson } from '../answers.js';
import type { OpenCatState } from '../state.js';
import { usageRange } from '../usage-range.js';
import { sumByUser } from '../usage-sums.js';
import { usageView } from '../views.js';

/** `GET /1/usages?from=YYYY-MM-DD&to=YYYY-MM-DD`. */
export function listUsages(ctx: RequestContext<OpenCatState>): Response {
  const { from, to } = usageRange(ctx);
  return goJson(sumByUser(ctx.state.daily_usages, from, to).map(usageView));
}
