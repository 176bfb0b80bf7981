/**
 * CORS as a dialect's upstream answers it: the one hook the engine calls for every request that carries an
 * `Origin`, before routing (a preflight, a refused origin) and on the answer (the `Access-Control-*` headers). The
 * framework rules are the layers in mocks/go/cors.ts (gin-contrib/cors) and ./starlette-cors.ts (Starlette).
 * @module
 */
import { z } from 'zod';
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
 * The answer of `answer()` with `layer`'s CORS: its preflight or refusal instead, or the answer with the layer's
 * headers. Requests without `Origin` pass untouched, as every framework leaves them.
 *
 * @example
 * const response = await withCors(dialect.cors, ctx, match?.route, () => run(ctx, match.route));
 */
export async function withCors<S extends BaseState>(
  layer: CorsLayer<S> | undefined,
  ctx: RequestContext<S>,
  route: Route<S> | undefined,
  answer: () => Response | Promise<Response>,
): Promise<Response> {
  const origin = layer ? ctx.headers.get('origin') : null;
  if (!layer || origin === null) return answer();
  const early = layer.intercept(ctx, origin, route);
  if (early) return early;
  const response = await answer();
  try {
    layer.decorate(ctx, origin, response.headers, route);
    return response;
  } catch {
    // Immutable headers (Response.redirect, a fetched answer): the first write throws, so nothing was half-set.
    const copy = new Response(response.body, response);
    layer.decorate(ctx, origin, copy.headers, route);
    return copy;
  }
}

/**
 * A settings value listing the origins a browser may call from (`CorsOrigins`): compared exactly, as Starlette
 * compares them. Bounded, as everything the control API stores is.
 */
export const corsOriginsSchema = z.array(z.string().min(1).max(2048)).max(100);
