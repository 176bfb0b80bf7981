/**
 * The contract's per-client rate limits (42901 with `Retry-After`): per minute, public key 60, captcha issue
 * and verify 20 each, login 10, register 5, refresh 30, email codes 5, every other route 600. They count only
 * while the `RateLimitEnabled` setting is on (the CLI sandbox; tests opt in).
 * @module
 */
import { limited } from '../core/combinators.js';
import { isSandboxPath } from '../core/control.js';
import type { Route } from '../core/types.js';
import { fail } from './envelope.js';
import { CODE } from './messages.js';
import type { PlatformState } from './state.js';

const WINDOW_SECONDS = 60;
const DEFAULT_PER_MINUTE = 600;

/** Requests per minute per client, by `METHOD path`. */
export const RATE_LIMITS: Readonly<Record<string, number>> = {
  'GET /api/v1/auth/public-key': 60,
  'POST /api/v1/auth/captcha': 20,
  'POST /api/v1/auth/captcha/verify': 20,
  'POST /api/v1/auth/login': 10,
  'POST /api/v1/users/register': 5,
  'POST /api/v1/auth/refresh': 30,
  'POST /api/v1/users/me/verify/email': 5,
};

/**
 * `route` behind its limit, counted per client address and route before anything else runs. The control
 * routes under `/__mock/` are never limited.
 *
 * @example
 * const routes = platformRoutes.map(withRateLimit);
 */
export function withRateLimit(route: Route<PlatformState>): Route<PlatformState> {
  if (isSandboxPath(route.path)) return route;
  const name = `${route.method} ${route.path}`;
  const limit = limited<PlatformState>({
    key: (ctx) => `${name}|${ctx.clientIp}`,
    max: RATE_LIMITS[name] ?? DEFAULT_PER_MINUTE,
    windowSeconds: WINDOW_SECONDS,
    // The window is a minute: the oldest counted request leaves it within that, so a minute is a safe wait.
    refuse: (ctx) => fail(ctx, CODE.rate_limited, { retry_after: WINDOW_SECONDS }),
  });
  return { ...route, handler: limit(route.handler) };
}
