/**
 * The msw adapter: one `http.*` handler per route of the table, for users' own `setupServer` / `setupWorker`.
 * @module
 */
import type { HttpHandler } from 'msw';
import type { Engine } from './engine.js';
import { mswModule } from './msw-module.js';
import type { BaseState } from './types.js';

/**
 * msw handlers for every route of `engine`. With `baseUrl` they match that origin only; without it, any origin
 * (msw leaves relative paths unmatched in Node, hence the leading `*`). Throws, saying what to install, without msw.
 *
 * @example
 * const server = setupServer(...toMswHandlers(engine, 'http://localhost:3000'));
 */
export function toMswHandlers<S extends BaseState>(engine: Engine<S>, baseUrl?: string): HttpHandler[] {
  const { http } = mswModule();
  const byMethod = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete } as const;
  const prefix = baseUrl ? baseUrl.replace(/\/+$/, '') : '*';
  // msw picks the first handler that matches, so static paths go first; the resolver routes through the
  // engine's own table anyway, so precedence is right either way.
  const ordered = [...engine.routes].sort((a, b) => Number(a.path.includes(':')) - Number(b.path.includes(':')));
  return ordered.map((route) => byMethod[route.method](`${prefix}${route.path}`, ({ request }) => engine.handle(request)));
}
