/**
 * Fault injection: added latency, a random error rate (drawn from the seeded random, so runs repeat), and one
 * route forced to fail with a chosen status.
 * @module
 */
import { z } from 'zod';
import type { Random } from './random.js';

/** The body of `PUT /__mock/faults`. */
export const faultConfigSchema = z.strictObject({
  latency_ms: z.number().int().min(0).max(60_000).optional(),
  error_rate: z.number().min(0).max(1).optional(),
  fail_route: z
    .strictObject({
      method: z.string().transform((m) => m.toUpperCase()),
      /** A route pattern (`/api/user/:id`) or a concrete path (`/api/user/42`). */
      path: z.string().startsWith('/'),
      status: z.number().int().min(100).max(599),
    })
    .optional(),
});

/** The active faults. */
export type FaultConfig = z.infer<typeof faultConfigSchema>;

/**
 * The statuses `fail_route` may force when a dialect names none: every 4xx and 5xx, which any error shape can
 * carry. Not 1xx, 204, 205 or 304: those have no body, so the dialect's error could not be sent and the adapter
 * would report a crash instead.
 */
export const DEFAULT_FAULT_STATUSES: readonly number[] = Array.from({ length: 200 }, (_, i) => 400 + i);

/**
 * A list of statuses as short ranges, for error messages.
 *
 * @example
 * describeStatuses([200, 400, 401, 402]); // '200, 400–402'
 */
export function describeStatuses(statuses: readonly number[]): string {
  const sorted = [...new Set(statuses)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * The status an injected fault answers this request with, or `undefined` to let it through.
 *
 * @example
 * const status = pickFault(faults, 'GET', '/api/user/:id', '/api/user/42', random);
 */
export function pickFault(config: FaultConfig, method: string, routePath: string, pathname: string, random: Random): number | undefined {
  const fail = config.fail_route;
  if (fail && fail.method === method && (fail.path === routePath || fail.path === pathname)) return fail.status;
  if (config.error_rate && random.next() < config.error_rate) return 500;
  return undefined;
}
