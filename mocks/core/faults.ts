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
