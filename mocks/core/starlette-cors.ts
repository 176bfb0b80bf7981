/**
 * Starlette 0.46's `CORSMiddleware` as a {@link CorsLayer}: a preflight is `OPTIONS` with `Origin` and
 * `Access-Control-Request-Method`, answered `200 OK` or `400 Disallowed CORS …` in plain text; every other request
 * with an `Origin` gets the simple headers, and the origin itself only where it is allowed. Aether runs it as
 * upstream configures it; platform (no upstream) takes the same rules for its configured origins.
 * @module
 */
import type { CorsLayer } from './cors.js';
import type { BaseState } from './types.js';

/** `CORSMiddleware`'s arguments (no `allow_origin_regex`: no dialect sets it). */
export interface StarletteCorsConfig {
  /** `allow_origins`, compared exactly; `*` allows every origin. */
  allowOrigins: readonly string[];
  /** `allow_credentials`. */
  allowCredentials: boolean;
  /** `allow_methods`; `*` is every method. */
  allowMethods: readonly string[];
  /** `allow_headers`; `*` mirrors whatever `Access-Control-Request-Headers` asks for. */
  allowHeaders: readonly string[];
  /** `expose_headers`, joined by `, ` into `Access-Control-Expose-Headers`. */
  exposeHeaders: readonly string[];
  /** `max_age` in seconds. @default 600 */
  maxAge?: number;
}

const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const SAFELISTED_HEADERS = ['Accept', 'Accept-Language', 'Content-Language', 'Content-Type'];

/**
 * The middleware with the config `configure` gives for the current settings; `undefined` (or no origins) is no
 * middleware at all, as an app that never calls `add_middleware(CORSMiddleware, …)`.
 *
 * @example
 * const cors = starletteCors((settings: { CorsOrigins: string[] }) => ({ allowOrigins: settings.CorsOrigins, … }));
 */
export function starletteCors<S extends BaseState>(configure: (settings: S['settings']) => StarletteCorsConfig | undefined): CorsLayer<S> {
  const installed = (settings: S['settings']) => {
    const config = configure(settings);
    return config && config.allowOrigins.length > 0 ? config : undefined;
  };
  return {
    intercept(ctx, origin) {
      if (ctx.method !== 'OPTIONS' || !ctx.headers.has('access-control-request-method')) return undefined;
      const config = installed(ctx.settings);
      return config && preflight(config, origin, ctx.headers);
    },
    decorate(ctx, origin, headers) {
      const config = installed(ctx.settings);
      if (!config) return;
      const all = config.allowOrigins.includes('*');
      if (all) headers.set('access-control-allow-origin', '*');
      if (config.allowCredentials) headers.set('access-control-allow-credentials', 'true');
      if (config.exposeHeaders.length > 0) headers.set('access-control-expose-headers', config.exposeHeaders.join(', '));
      // A request with cookies needs its origin named, even where every origin is allowed.
      if (all ? ctx.headers.has('cookie') : config.allowOrigins.includes(origin)) {
        headers.set('access-control-allow-origin', origin);
        const vary = headers.get('vary');
        headers.set('vary', vary === null ? 'Origin' : `${vary}, Origin`);
      }
    },
  };
}

/** `preflight_response`: the fixed headers, the origin where allowed, and the reasons it refuses in one text. */
function preflight(config: StarletteCorsConfig, origin: string, request: Headers): Response {
  const all = config.allowOrigins.includes('*');
  const explicit = !all || config.allowCredentials;
  const methods = config.allowMethods.includes('*') ? ALL_METHODS : config.allowMethods;
  const allHeaders = config.allowHeaders.includes('*');
  const allowedHeaders = [...new Set([...SAFELISTED_HEADERS, ...config.allowHeaders])].sort();
  const headers = new Headers({ 'content-type': 'text/plain; charset=utf-8' });
  if (explicit) headers.set('vary', 'Origin');
  else headers.set('access-control-allow-origin', '*');
  headers.set('access-control-allow-methods', methods.join(', '));
  headers.set('access-control-max-age', String(config.maxAge ?? 600));
  if (!allHeaders) headers.set('access-control-allow-headers', allowedHeaders.join(', '));
  if (config.allowCredentials) headers.set('access-control-allow-credentials', 'true');

  const failures: string[] = [];
  if (all || config.allowOrigins.includes(origin)) {
    if (explicit) headers.set('access-control-allow-origin', origin);
  } else {
    failures.push('origin');
  }
  if (!methods.includes(request.get('access-control-request-method')!)) failures.push('method');
  const requested = request.get('access-control-request-headers');
  if (allHeaders && requested !== null) {
    headers.set('access-control-allow-headers', requested);
  } else if (requested !== null) {
    const lower = allowedHeaders.map((h) => h.toLowerCase());
    if (requested.split(',').some((h) => !lower.includes(h.toLowerCase().trim()))) failures.push('headers');
  }
  const text = failures.length > 0 ? `Disallowed CORS ${failures.join(', ')}` : 'OK';
  return new Response(text, { status: failures.length > 0 ? 400 : 200, headers });
}
