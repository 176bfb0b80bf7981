/**
 * CORS as a dialect's upstream answers it: the one hook the engine calls for every request that carries an
 * `Origin`, before routing (a preflight, a refused origin) and on the answer (the `Access-Control-*` headers). The
 * framework rules are the layers in mocks/go/cors.ts (gin-contrib/cors) and ./starlette-cors.ts (Starlette).
 * @module
 */
import { z } from 'zod';
import { editHeaders } from './response.js';
import type { BaseState, RequestContext, Route } from './types.js';

/**
 * A dialect's CORS middleware ({@link Dialect.cors}). The engine calls it only for requests with an `Origin`
 * header and never for the sandbox's own paths under `/__mock/`, so a web page cannot read the control API.
 */
export interface CorsLayer<S extends BaseState = BaseState> {
  /**
   * Runs before the handler, faults and the 404/405: an answer here ends the request (a preflight, gin's 403 for
   * an origin it refuses); `undefined` lets it through. `route` is the matched route, `undefined` for none (no
   * route answers OPTIONS, so every preflight arrives here unrouted).
   */
  intercept(ctx: RequestContext<S>, origin: string, route: Route<S> | undefined): Response | undefined;
  /** Adds to `headers` (the answer's own) what the actual request's answer carries. */
  decorate(ctx: RequestContext<S>, origin: string, headers: Headers, route: Route<S> | undefined): void;
}

/**
 * What `layer` answers in place of the route (a preflight, a refused origin), if anything. Requests without
 * `Origin` pass untouched, as every framework leaves them.
 *
 * @example
 * const early = interceptCors(dialect.cors, ctx, match?.route);
 */
export function interceptCors<S extends BaseState>(layer: CorsLayer<S> | undefined, ctx: RequestContext<S>, route: Route<S> | undefined): Response | undefined {
  const origin = layer ? ctx.headers.get('origin') : null;
  return origin === null ? undefined : layer!.intercept(ctx, origin, route);
}

/**
 * `response` with `layer`'s headers for an actual request (the same object where its headers can be changed).
 *
 * @example
 * return decorateCors(dialect.cors, ctx, match?.route, await run(ctx, match.route));
 */
export function decorateCors<S extends BaseState>(layer: CorsLayer<S> | undefined, ctx: RequestContext<S>, route: Route<S> | undefined, response: Response): Response {
  const origin = layer ? ctx.headers.get('origin') : null;
  if (origin === null) return response;
  return editHeaders(response, (headers) => layer!.decorate(ctx, origin, headers, route));
}

/**
 * A settings value listing the origins a browser may call from (`CorsOrigins`): compared exactly, as Starlette
 * compares them. Bounded, as everything the control API stores is.
 */
export const corsOriginsSchema = z.array(z.string().min(1).max(2048)).max(100);
