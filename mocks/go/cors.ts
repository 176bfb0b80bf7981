/**
 * gin-contrib/cors v1.7.2 (`cors.New(config)`), as a {@link CorsLayer}: which requests it treats as CORS, what a
 * preflight answers, the headers of an actual answer, and its 403 for an origin it refuses.
 * @module
 */
import type { CorsLayer } from '../core/cors.js';
import type { BaseState, RequestContext, Route } from '../core/types.js';

/** The fields of gin-contrib's `Config` a dialect sets, with `cors.DefaultConfig()`'s values where it does not. */
export interface GinCorsConfig<S extends BaseState> {
  /** `AllowAllOrigins`: every origin, answered with `*`. */
  allowAllOrigins?: boolean;
  /** `AllowOrigins`, compared exactly (no wildcards); ignored with `allowAllOrigins`. */
  allowOrigins?: readonly string[];
  /** `AllowCredentials`. @default false */
  allowCredentials?: boolean;
  /** `AllowMethods`. @default ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] */
  allowMethods?: readonly string[];
  /** `AllowHeaders`: sent as written (canonicalised), never mirrored: `*` is the literal `*`. @default ['Origin', 'Content-Length', 'Content-Type'] */
  allowHeaders?: readonly string[];
  /** `ExposeHeaders`. @default [] */
  exposeHeaders?: readonly string[];
  /** `MaxAge` in seconds. @default 43200 (12 h) */
  maxAgeSeconds?: number;
  /**
   * Whether the route's handler chain holds the middleware: gin runs it only where `Use` put it. `undefined` is
   * gin's 404 chain (`NoRoute`), which holds every middleware the engine `Use`d.
   */
  covers(route: Route<S> | undefined): boolean;
}

/** The lists and switches of a config, which build its fixed headers. */
type Lists = Omit<GinCorsConfig<BaseState>, 'covers'>;

/**
 * The gin-contrib/cors middleware with `config`.
 *
 * @example
 * const cors = ginCors({ allowAllOrigins: true, covers: (route) => route === undefined });
 */
export function ginCors<S extends BaseState>(config: GinCorsConfig<S>): CorsLayer<S> {
  const all = config.allowAllOrigins === true;
  const origins = (config.allowOrigins ?? []).map((o) => o.trim().toLowerCase());
  const normal = normalHeaders(config, all);
  const preflight = preflightHeaders(config, all);
  // Its `applyCors`: no Origin, or the request's own host, is no CORS request; an origin it refuses is a bare 403.
  const applies = (ctx: RequestContext<S>, origin: string, route: Route<S> | undefined) => config.covers(route) && !sameHost(ctx, origin);
  return {
    intercept(ctx, origin, route) {
      if (!applies(ctx, origin, route)) return undefined;
      if (!all && !origins.includes(origin)) return new Response(null, { status: 403 });
      // Any OPTIONS is a preflight to gin-contrib, Access-Control-Request-Method or not: 204, no body.
      if (ctx.method !== 'OPTIONS') return undefined;
      const headers = new Headers(preflight);
      if (!all) headers.set('access-control-allow-origin', origin);
      return new Response(null, { status: 204, headers });
    },
    decorate(ctx, origin, headers, route) {
      if (!applies(ctx, origin, route)) return;
      // `header[key] = value`: each replaces what the handler set.
      for (const [name, value] of normal) headers.set(name, value);
      if (!all) headers.set('access-control-allow-origin', origin);
    },
  };
}

/** `c.Request.Host` against the origin, as `applyCors` compares them (the URL's host in-process, where no `Host` is sent). */
function sameHost(ctx: { headers: Headers; url: URL }, origin: string): boolean {
  const host = ctx.headers.get('host') ?? ctx.url.host;
  return origin === `http://${host}` || origin === `https://${host}`;
}

/** `generateNormalHeaders`. */
function normalHeaders(config: Lists, all: boolean): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  if (config.allowCredentials) headers.push(['access-control-allow-credentials', 'true']);
  const expose = config.exposeHeaders ?? [];
  if (expose.length > 0) headers.push(['access-control-expose-headers', distinct(expose).map(canonicalHeaderKey).join(',')]);
  headers.push(all ? ['access-control-allow-origin', '*'] : ['vary', 'Origin']);
  return headers;
}

/** `generatePreflightHeaders`: methods upper-cased, header names canonicalised, joined by a bare comma. */
function preflightHeaders(config: Lists, all: boolean): Headers {
  const headers = new Headers();
  if (config.allowCredentials) headers.set('access-control-allow-credentials', 'true');
  const methods = config.allowMethods ?? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
  if (methods.length > 0) headers.set('access-control-allow-methods', distinct(methods).map((m) => m.toUpperCase()).join(','));
  const allowed = config.allowHeaders ?? ['Origin', 'Content-Length', 'Content-Type'];
  if (allowed.length > 0) headers.set('access-control-allow-headers', distinct(allowed).map(canonicalHeaderKey).join(','));
  const maxAge = config.maxAgeSeconds ?? 43_200;
  if (maxAge > 0) headers.set('access-control-max-age', String(Math.floor(maxAge)));
  if (all) headers.set('access-control-allow-origin', '*');
  else for (const vary of ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers']) headers.append('vary', vary);
  return headers;
}

/** `normalize`: trimmed, lower-cased, first occurrence kept. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim().toLowerCase()))];
}

/** Go's `http.CanonicalHeaderKey` for the ASCII token names CORS lists (`content-type` → `Content-Type`). */
function canonicalHeaderKey(name: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) return name;
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}
