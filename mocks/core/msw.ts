/**
 * The msw adapter: one `http.*` handler per route of the table, for users' own `setupServer` / `setupWorker`.
 * @module
 */
import type { HttpHandler } from 'msw';
import { cookieHeadersForbidden, setCookiesOf } from './cookies.js';
import type { Engine } from './engine.js';
import { mswModule, type MswModule } from './msw-module.js';
import { credentialsCarryCookies, keptSetCookies } from './page-cookies.js';
import type { BaseState } from './types.js';

/**
 * msw handlers for every route of `engine`. With `baseUrl` they match that origin only; without it, any origin
 * (msw leaves relative paths unmatched in Node, hence the leading `*`). Throws, saying what to install, without msw.
 *
 * @example
 * const server = setupServer(...toMswHandlers(engine, 'http://localhost:3000'));
 */
export function toMswHandlers<S extends BaseState>(engine: Engine<S>, baseUrl?: string): HttpHandler[] {
  const msw = mswModule();
  const { http } = msw;
  const byMethod = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete } as const;
  const prefix = baseUrl ? baseUrl.replace(/\/+$/, '') : '*';
  // msw picks the first handler that matches, so static paths go first; the resolver routes through the
  // engine's own table anyway, so precedence is right either way.
  const ordered = [...engine.routes].sort((a, b) => Number(a.path.includes(':')) - Number(b.path.includes(':')));
  return ordered.map((route) =>
    byMethod[route.method](`${prefix}${route.path}`, ({ request, cookies }) => (cookieHeadersForbidden() ? inPage(msw, engine, request, cookies) : engine.handle(request))),
  );
}

/**
 * Under `setupWorker` the page's Request has no `Cookie` and its Response drops `Set-Cookie`, so the session cookie
 * rides msw's own cookie mechanism instead: msw hands the resolver the cookies it knows for the request (its store
 * and `document.cookie`), and keeps those of an `HttpResponse` whose init carries `Set-Cookie` (see docs/fidelity.md).
 */
async function inPage<S extends BaseState>({ HttpResponse }: MswModule, engine: Engine<S>, request: Request, cookies: Record<string, string>): Promise<Response> {
  // msw's store answers for the URL whatever the request's `credentials` say, and keeps any Set-Cookie handed to
  // it: the browser's rules are applied here, or `omit` (and `same-origin` to another origin) would carry a
  // session, and a cross-site answer would leave a Strict one.
  const carries = credentialsCarryCookies(request);
  const cookie = carries ? Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join('; ') : '';
  const response = await engine.handle(request, { cookie: cookie || undefined });
  const lines = carries ? keptSetCookies(request, setCookiesOf(response)) : [];
  if (lines.length === 0) return response;
  // msw reads the init's Set-Cookie as one joined line, which holds one cookie well: new-api sets one per answer.
  const headers: [string, string][] = [...response.headers, ...lines.map((line): [string, string] => ['set-cookie', line])];
  return new HttpResponse(response.body, { status: response.status, statusText: response.statusText, headers });
}
