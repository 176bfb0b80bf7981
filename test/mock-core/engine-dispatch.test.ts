import { expect, test } from 'vitest';
import { createEngine } from '../../mocks/core/engine.js';
import { jsonResponse } from '../../mocks/core/response.js';
import type { Dialect } from '../../mocks/core/types.js';
import { tinyDialect, type TinyState } from './tiny-dialect.js';

/**
 * What a dialect's own control route (a sandbox provider) relies on: `ctx.dispatch` back into the server, its
 * address in `ctx.serverUrl`, the raw body in `ctx.readText`, and no injected faults under `/__mock/`.
 */
const withProvider: Dialect<TinyState> = {
  ...tinyDialect,
  routes: [
    ...tinyDialect.routes,
    {
      method: 'POST',
      path: '/__mock/provider/callback',
      mutates: false,
      handler: async (ctx) => {
        const form = new URLSearchParams(await ctx.readText());
        const answer = await ctx.dispatch(new Request(`${ctx.serverUrl}/echo`, { method: 'POST', body: JSON.stringify({ n: form.get('n') }) }));
        return jsonResponse({ serverUrl: ctx.serverUrl, answered: await answer.json() });
      },
    },
  ],
};

test('engine: ctx.dispatch reaches the server\'s own writing routes from a non-writing route, under the base path', async () => {
  const seen: string[] = [];
  const engine = createEngine(withProvider, { seed: 1, basePath: '/gw', onResponse: (request) => void seen.push(new URL(request.url).pathname) });
  const response = await engine.handle(new Request('http://host:8080/gw/__mock/provider/callback', { method: 'POST', body: 'n=7' }));
  expect(await response.json()).toEqual({ serverUrl: 'http://host:8080/gw', answered: { body: { n: '7' } } });
  expect(engine.state.counter).toBe(1);
  // The dispatched request went through the whole pipeline, observer included.
  expect(seen).toEqual(['/gw/echo', '/gw/__mock/provider/callback']);
});

test('engine: injected faults never hit a dialect\'s /__mock/ routes', async () => {
  const engine = createEngine(withProvider, { seed: 1 });
  await engine.handle(new Request('http://localhost/__mock/faults', { method: 'PUT', body: JSON.stringify({ fail_route: { method: 'POST', path: '/__mock/provider/callback', status: 503 } }) }));
  const response = await engine.handle(new Request('http://localhost/__mock/provider/callback', { method: 'POST', body: 'n=1' }));
  expect(response.status).toBe(200);
});

test('engine: readText and readJson share one read of the body', async () => {
  const engine = createEngine(
    { ...tinyDialect, routes: [{ method: 'POST', path: '/both', handler: async (ctx) => jsonResponse({ text: await ctx.readText(), json: await ctx.readJson() }) }] },
    { seed: 1 },
  );
  const response = await engine.handle(new Request('http://localhost/both', { method: 'POST', body: '{"a":1}' }));
  expect(await response.json()).toEqual({ text: '{"a":1}', json: { a: 1 } });
});
