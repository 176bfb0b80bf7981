/**
 * The two wrappers every dialect puts in front of handlers: `authed` (the dialect's auth resolver decides who is
 * calling, or answers the refusal) and `limited` (one rate limit on the server clock). Written once here; a
 * dialect supplies only its resolver, its numbers and its refusal.
 * @module
 */
import type { RateLimitMode } from './rate-limit.js';
import type { BaseState, Handler, RequestContext } from './types.js';

/** What an auth resolver decides: the caller, or the answer that refuses the request. */
export type Resolution<C> = { ok: true; caller: C } | { ok: false; response: Response };

/** A handler that runs once the caller is known. */
export type CallerHandler<S extends BaseState, C> = (ctx: RequestContext<S>, caller: C) => Response | Promise<Response>;

/**
 * Binds a dialect's auth resolver: the result wraps a handler that takes the caller.
 *
 * @example
 * const authed = authedBy(requireBearer);
 * { method: 'GET', path: '/api/v1/users/me', handler: authed(getMe) }
 */
export function authedBy<S extends BaseState, C>(
  resolve: (ctx: RequestContext<S>) => Resolution<C> | Promise<Resolution<C>>,
): (handler: CallerHandler<S, C>) => Handler<S> {
  return (handler) => async (ctx) => {
    const resolved = await resolve(ctx);
    return resolved.ok ? handler(ctx, resolved.caller) : resolved.response;
  };
}

/** A rate limit as a route declares it. `key` sees what the wrapped handler sees, so a limit behind auth can key on the caller. */
export interface LimitRule<S extends BaseState, A extends unknown[]> {
  key(ctx: RequestContext<S>, ...rest: A): string;
  max: number;
  windowSeconds: number;
  /** @default 'sliding' */
  mode?: RateLimitMode;
  /** The dialect's answer to a refused request (new-api: an empty 429; platform: 42901 with `Retry-After`). */
  refuse(ctx: RequestContext<S>): Response;
}

/**
 * Puts a rate limit in front of handlers: each request counts under `key`, and past `max` in the window the
 * handler does not run. Counts only while the dialect's `RateLimitEnabled` setting is on.
 *
 * @example
 * const critical = limited({ key: (ctx) => `CT${ctx.clientIp}`, max: 20, windowSeconds: 1200, refuse: tooManyRequests });
 * { method: 'POST', path: '/api/user/login', handler: critical(login) }
 */
export function limited<S extends BaseState, A extends unknown[] = []>(rule: LimitRule<S, A>) {
  const { max, windowSeconds, mode } = rule;
  return <B extends A>(handler: (ctx: RequestContext<S>, ...rest: B) => Response | Promise<Response>) =>
    (ctx: RequestContext<S>, ...rest: B): Response | Promise<Response> =>
      ctx.rateLimit(rule.key(ctx, ...rest), max, windowSeconds, mode) ? handler(ctx, ...rest) : rule.refuse(ctx);
}
