import { expect, test } from 'vitest';
import type { CorsLayer } from '../../mocks/core/cors.js';
import { createEngine } from '../../mocks/core/engine.js';
import { starletteCors, type StarletteCorsConfig } from '../../mocks/core/starlette-cors.js';
import type { Dialect } from '../../mocks/core/types.js';
import { ginCors } from '../../mocks/go/cors.js';
import { tinyDialect, type TinyState } from './tiny-dialect.js';

const url = (path: string) => `http://localhost${path}`;
const APP = 'https://app.test';

/** The tiny dialect with `cors`, plus a route that redirects (immutable headers) and one that sets `Vary`. */
function engineWith(cors: CorsLayer<TinyState>, options: Parameters<typeof createEngine>[1] = {}) {
  const dialect: Dialect<TinyState> = {
    ...tinyDialect,
    cors,
    routes: [
      ...tinyDialect.routes,
      { method: 'GET', path: '/moved', handler: () => Response.redirect('http://localhost/counter', 302) },
      { method: 'GET', path: '/varies', handler: () => new Response('x', { headers: { vary: 'Accept-Encoding' } }) },
    ],
  };
  return createEngine(dialect, { seed: 1, ...options });
}

const corsOf = (response: Response) => Object.fromEntries([...response.headers].filter(([n]) => n.startsWith('access-control-') || n === 'vary'));
const send = (engine: ReturnType<typeof engineWith>, method: string, path: string, headers: Record<string, string> = {}) =>
  engine.handle(new Request(url(path), { method, headers }));

const starlette = (config: Partial<StarletteCorsConfig> = {}) =>
  starletteCors<TinyState>(() => ({ allowOrigins: [APP], allowCredentials: true, allowMethods: ['GET', 'POST'], allowHeaders: ['*'], exposeHeaders: [], ...config }));

test('cors: a request without Origin never reaches the layer', async () => {
  const calls: string[] = [];
  const spy: CorsLayer<TinyState> = {
    intercept: () => (calls.push('intercept'), undefined),
    decorate: () => void calls.push('decorate'),
  };
  const engine = engineWith(spy);
  expect((await send(engine, 'GET', '/counter')).status).toBe(200);
  expect((await send(engine, 'OPTIONS', '/counter')).status).toBe(405);
  expect(calls).toEqual([]);
  await send(engine, 'GET', '/counter', { origin: APP });
  expect(calls).toEqual(['intercept', 'decorate']);
});

test('cors: a preflight is answered before routing, the handler and faults; dispatch answers it too', async () => {
  const engine = engineWith(starlette());
  await engine.ready;
  const preflight = () => new Request(url('/increment-then-throw'), { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'POST' } });
  expect([(await engine.handle(preflight())).status, engine.state.counter]).toEqual([200, 0]);
  expect((await engine.dispatch(preflight()))?.status).toBe(200);
  // Without Access-Control-Request-Method Starlette routes it, and `dispatch` has no route for it.
  expect(await engine.dispatch(new Request(url('/counter'), { method: 'OPTIONS', headers: { origin: APP } }))).toBeUndefined();
  expect(engine.requests.list()[0]).toMatchObject({ method: 'OPTIONS', status: 200 });
});

test('cors: the control API under /__mock/ never answers CORS', async () => {
  const engine = engineWith(starlette());
  const preflight = await engine.handle(new Request(url('/__mock/state'), { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'PUT' } }));
  expect([preflight.status, corsOf(preflight)]).toEqual([405, {}]);
  const state = await send(engine, 'GET', '/__mock/state', { origin: APP });
  expect([state.status, corsOf(state)]).toEqual([200, {}]);
});

test('cors: an answer with immutable headers (a redirect) still gets the layer\'s headers', async () => {
  const engine = engineWith(starlette());
  const moved = await send(engine, 'GET', '/moved', { origin: APP });
  expect([moved.status, moved.headers.get('location'), corsOf(moved)]).toEqual([
    302,
    'http://localhost/counter',
    { 'access-control-allow-credentials': 'true', 'access-control-allow-origin': APP, vary: 'Origin' },
  ]);
});

test('starletteCors: Vary gains Origin after what the handler set; no origins is no middleware', async () => {
  const varies = await send(engineWith(starlette()), 'GET', '/varies', { origin: APP });
  expect(varies.headers.get('vary')).toBe('Accept-Encoding, Origin');
  const off = await send(engineWith(starlette({ allowOrigins: [] })), 'OPTIONS', '/counter', { origin: APP, 'access-control-request-method': 'GET' });
  expect([off.status, corsOf(off)]).toEqual([405, {}]);
});

test('starletteCors: listed request headers are checked, and every origin with a cookie is named explicitly', async () => {
  const listed = engineWith(starlette({ allowHeaders: ['X-Token'] }));
  const ok = await send(listed, 'OPTIONS', '/counter', { origin: APP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-token, Content-Type' });
  expect([ok.status, ok.headers.get('access-control-allow-headers')]).toEqual([200, 'Accept, Accept-Language, Content-Language, Content-Type, X-Token']);
  const refused = await send(listed, 'OPTIONS', '/counter', { origin: APP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' });
  expect([refused.status, await refused.text()]).toEqual([400, 'Disallowed CORS headers']);
  const any = engineWith(starlette({ allowOrigins: ['*'], allowCredentials: false }));
  expect(corsOf(await send(any, 'GET', '/counter', { origin: APP }))).toEqual({ 'access-control-allow-origin': '*' });
  expect(corsOf(await send(any, 'GET', '/counter', { origin: APP, cookie: 'a=1' }))).toEqual({ 'access-control-allow-origin': APP, vary: 'Origin' });
  const star = await send(any, 'OPTIONS', '/counter', { origin: APP, 'access-control-request-method': 'GET' });
  expect(corsOf(star)).toMatchObject({ 'access-control-allow-origin': '*' });
});

test('ginCors: an origin outside AllowOrigins is a bare 403 before the handler runs; a listed one is named with Vary', async () => {
  const engine = engineWith(ginCors({ allowOrigins: [APP], exposeHeaders: ['x-request-id'], covers: () => true }));
  await engine.ready;
  const refused = await engine.handle(new Request(url('/echo'), { method: 'POST', body: '{}', headers: { origin: 'https://evil.test' } }));
  expect([refused.status, await refused.text(), engine.state.counter]).toEqual([403, '', 0]);
  const answer = await engine.handle(new Request(url('/echo'), { method: 'POST', body: '{}', headers: { origin: APP } }));
  expect([answer.status, corsOf(answer), engine.state.counter]).toEqual([200, { 'access-control-allow-origin': APP, 'access-control-expose-headers': 'X-Request-Id', vary: 'Origin' }, 1]);
  const preflight = await send(engine, 'OPTIONS', '/echo', { origin: APP });
  expect([preflight.status, corsOf(preflight)]).toEqual([
    204,
    {
      'access-control-allow-headers': 'Origin,Content-Length,Content-Type',
      'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS',
      'access-control-allow-origin': APP,
      'access-control-max-age': '43200',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    },
  ]);
});

test('ginCors: the request\'s own host is no CORS request, and a chain without the middleware is left alone', async () => {
  const engine = engineWith(ginCors({ allowOrigins: [APP], covers: (route) => route?.path !== '/counter' }));
  const own = await send(engine, 'OPTIONS', '/echo', { origin: 'http://localhost' });
  expect([own.status, corsOf(own)]).toEqual([405, {}]);
  const hosted = await send(engine, 'GET', '/varies', { origin: 'https://api.test', host: 'api.test' });
  expect([hosted.status, corsOf(hosted)]).toEqual([200, { vary: 'Accept-Encoding' }]);
  const uncovered = await send(engine, 'GET', '/counter', { origin: 'https://evil.test' });
  expect([uncovered.status, corsOf(uncovered)]).toEqual([200, {}]);
});
