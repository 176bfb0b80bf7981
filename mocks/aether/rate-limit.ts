/**
 * Upstream's per-address limits (`IPRateLimiter`, Redis `INCR` + `EXPIRE 60`: a fixed window from the first request):
 * login 5 and register 3 per 60 s, checked after the body validates. The refusal names the window's remaining
 * seconds as Redis' `TTL` rounds them. Counted only while `RateLimitEnabled` is on (the CLI sandbox turns it on).
 * @module
 */
import type { RequestContext } from '../core/types.js';
import { httpError } from './envelope.js';
import { LOGIN } from './messages.js';
import type { AetherState } from './state.js';

/** One of upstream's `IPRateLimiter.DEFAULT_LIMITS`. */
export interface IpLimit {
  endpoint: string;
  max: number;
  message: (seconds: number) => string;
}

/** `DEFAULT_LIMITS["login"]`. */
export const LOGIN_LIMIT: IpLimit = { endpoint: 'login', max: 5, message: LOGIN.tooMany };
/** `DEFAULT_LIMITS["register"]`. */
export const REGISTER_LIMIT: IpLimit = { endpoint: 'register', max: 3, message: LOGIN.registerTooMany };

const WINDOW_SECONDS = 60;

/**
 * Counts this request against `limit` for the client's address; past it, upstream's 429.
 *
 * @example
 * throttle(ctx, LOGIN_LIMIT);
 */
export function throttle(ctx: RequestContext<AetherState>, limit: IpLimit): void {
  const key = `ip:rate_limit:${limit.endpoint}:${ctx.clientIp}`;
  if (ctx.rateLimit(key, limit.max, WINDOW_SECONDS, 'fixed')) return;
  const waitMs = ctx.rateLimitResetMs(key, limit.max, WINDOW_SECONDS, 'fixed');
  // Redis' TTL rounds the milliseconds left to the nearest second.
  throw httpError(429, limit.message(Math.floor((waitMs + 500) / 1000)));
}
