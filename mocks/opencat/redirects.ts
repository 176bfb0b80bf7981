/**
 * gin's `RedirectTrailingSlash` (on by default, gin.go v1.10): a path that misses only because of a trailing
 * slash is redirected to the path without it, 301 for GET (with net/http's small HTML body) and 307 for every
 * other method (no body), the query kept. One redirect route per route, same method, so `GET /1/users/init/`
 * (no GET route without the slash) stays a 404 as in gin.
 * @module
 */
import type { Route } from '../core/types.js';
import type { OpenCatState } from './state.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };

/**
 * The redirect routes for `routes`.
 *
 * @example
 * trailingSlashRedirects([{ method: 'GET', path: '/1/users', handler }]); // GET /1/users/ → 301 Location: /1/users
 */
export function trailingSlashRedirects(routes: ReadonlyArray<Route<OpenCatState>>): Route<OpenCatState>[] {
  return routes.map((route) => ({
    method: route.method,
    path: `${route.path}/`,
    mutates: false,
    handler: (ctx) => {
      const location = `${ctx.url.pathname.replace(/\/$/, '')}${ctx.url.search}`;
      if (ctx.method !== 'GET') return new Response(null, { status: 307, headers: { location } });
      const href = location.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
      return new Response(`<a href="${href}">Moved Permanently</a>.\n\n`, { status: 301, headers: { location, 'content-type': 'text/html; charset=utf-8' } });
    },
  }));
}
