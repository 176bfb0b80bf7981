/**
 * The `from`/`to` of both usage routes: as sent, or, when either is missing or empty, both set to this month in
 * the server's zone (`getMonthStartAndEnd`).
 * @module
 */
import type { RequestContext } from '../core/types.js';
import { goQuery } from '../go/query.js';
import type { OpenCatState } from './state.js';
import { monthRange, zoneOffset } from './zone.js';

/**
 * The range a usage request asks for.
 *
 * @example
 * usageRange(ctx); // { from: '2024-07-01', to: '2024-08-01' } for a call without bounds in July
 */
export function usageRange(ctx: RequestContext<OpenCatState>): { from: string; to: string } {
  const query = goQuery(ctx.url);
  const from = query.get('from');
  const to = query.get('to');
  if (from === '' || to === '') return monthRange(ctx.clock.now(), zoneOffset(ctx.state.settings.TimeZone));
  return { from, to };
}
