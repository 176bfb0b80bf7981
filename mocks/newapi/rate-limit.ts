/**
 * new-api's rate limiters (`middleware/rate-limit.go`, `middleware/email-verification-rate-limit.go`, JUL26
 * defaults from `common/init.go`), in-memory flavour: per client IP, except `SearchRateLimit`, which is per user.
 * They count only while the `RateLimitEnabled` setting is on.
 * @module
 */
import { limited } from '../core/combinators.js';
import { jsonResponse } from '../core/response.js';
import type { Route } from '../core/types.js';
import type { NewApiState } from './state.js';

/** The limits upstream ships (`GLOBAL_API_RATE_LIMIT*`, `CRITICAL_RATE_LIMIT*`, `SEARCH_RATE_LIMIT*`). */
export const RATE_LIMITS = {
  globalApi: { max: 360, windowSeconds: 180 },
  critical: { max: 20, windowSeconds: 1200 },
  search: { max: 10, windowSeconds: 60 },
  emailVerification: { max: 2, windowSeconds: 30 },
} as const;

/** `c.Status(http.StatusTooManyRequests)`: no body, no content type. */
function tooManyRequests(): Response {
  return new Response(null, { status: 429 });
}

/**
 * `CriticalRateLimit()` in front of `handler` (key `CT<ip>`). Wraps a public handler, or an authed one where
 * upstream puts the limiter after `UserAuth` (`PUT /api/user/self`), so refused logins are not counted there.
 *
 * @example
 * { method: 'POST', path: '/api/user/login', handler: critical(login) }
 */
export const critical = limited<NewApiState, unknown[]>({ key: (ctx) => `CT${ctx.clientIp}`, ...RATE_LIMITS.critical, refuse: tooManyRequests });

/**
 * `SearchRateLimit()`: keyed by the authenticated user (`SR:user:<id>`), so it goes inside `authed`.
 *
 * @example
 * { method: 'GET', path: '/api/token/search', handler: user(searchLimited(searchTokens)) }
 */
export const searchLimited = limited<NewApiState, [{ id: number }]>({
  key: (_ctx, caller) => `SR:user:${caller.id}`,
  ...RATE_LIMITS.search,
  refuse: tooManyRequests,
});

/**
 * `EmailVerificationRateLimit()`: 2 sends / 30 s per IP, and unlike the others it answers with a JSON body.
 *
 * @example
 * { method: 'GET', path: '/api/verification', handler: emailVerificationLimited(sendVerification) }
 */
export const emailVerificationLimited = limited<NewApiState>({
  key: (ctx) => `EV:${ctx.clientIp}`,
  ...RATE_LIMITS.emailVerification,
  refuse: () => jsonResponse({ success: false, message: '发送过于频繁，请稍后再试' }, { status: 429 }),
});

const globalApi = limited<NewApiState>({ key: (ctx) => `GA${ctx.clientIp}`, ...RATE_LIMITS.globalApi, refuse: tooManyRequests });

/**
 * `GlobalAPIRateLimit()`, the first middleware of the `/api` group: every `/api/` route counts (key `GA<ip>`).
 * Control routes (`/__mock/`) are not upstream's and never count.
 *
 * @example
 * const routes = newApiRoutes.map(withGlobalApiLimit);
 */
export function withGlobalApiLimit(route: Route<NewApiState>): Route<NewApiState> {
  return route.path.startsWith('/api/') ? { ...route, handler: globalApi(route.handler) } : route;
}
