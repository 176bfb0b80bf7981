import { expect, test } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../mocks/core/body.js';
import { createEngine } from '../../mocks/core/engine.js';
import { drawSalt, hashWithSalt } from '../../mocks/core/password.js';
import { createRandom } from '../../mocks/core/random.js';
import { watchPasswordWork } from './support.js';
import { jsonResponse } from '../../mocks/core/response.js';
import type { RequestContext } from '../../mocks/core/types.js';
import { tinyDialect, type TinyState } from './tiny-dialect.js';

const url = (path: string) => `http://localhost${path}`;

test('engine: a handler that throws leaves no half-written state and answers in the dialect shape', async () => {
  const engine = createEngine(tinyDialect, { seed: 1 });
  await engine.ready;
  const before = structuredClone(engine.state);
  const response = await engine.handle(new Request(url('/increment-then-throw'), { method: 'POST' }));
  expect(response.status).toBe(500);
  expect(await response.json()).toEqual({ error: 'internal' });
  expect(engine.state).toEqual(before);
});

test('engine: the live state keeps its identity across a rollback', async () => {
  const engine = createEngine(tinyDialect, { seed: 1 });
  await engine.ready;
  const live = engine.state;
  await engine.handle(new Request(url('/increment-then-throw'), { method: 'POST' }));
  expect(engine.state).toBe(live);
});

test('engine: a body over 1 MiB is a 413 even without Content-Length', async () => {
  const engine = createEngine(tinyDialect);
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent > BODY_LIMIT_BYTES) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request(url('/echo'), { method: 'POST', body, duplex: 'half' } as RequestInit);
  expect(request.headers.get('content-length')).toBeNull();
  const response = await engine.handle(request);
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({ error: 'too_large' });
  expect(engine.state.counter).toBe(0);
});

test('engine: an oversized body is a 413 with an onResponse observer too, and the next write is not blocked', async () => {
  // The observer gets a clone, so the body is tee'd: cancelling the read branch must not wait for the other one.
  const engine = createEngine(tinyDialect, { onResponse: () => undefined });
  const big = new Request(url('/echo'), { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT_BYTES) }) });
  expect((await engine.handle(big)).status).toBe(413);
  const next = await engine.handle(new Request(url('/echo'), { method: 'POST', body: '{}' }));
  expect(next.status).toBe(200);
});

test('engine: a Content-Length that understates the body does not get past the limit', async () => {
  const engine = createEngine(tinyDialect);
  const body = JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT_BYTES) });
  const response = await engine.handle(new Request(url('/echo'), { method: 'POST', body, headers: { 'content-length': '10' } }));
  expect(response.status).toBe(413);
});

test('engine: a body of exactly 1 MiB is accepted', async () => {
  const engine = createEngine(tinyDialect);
  const body = JSON.stringify('x'.repeat(BODY_LIMIT_BYTES - 2));
  expect(new TextEncoder().encode(body).byteLength).toBe(BODY_LIMIT_BYTES);
  const response = await engine.handle(new Request(url('/echo'), { method: 'POST', body }));
  expect(response.status).toBe(200);
});

test('engine: malformed JSON gets the dialect\'s invalid-body answer', async () => {
  const engine = createEngine(tinyDialect);
  for (const body of ['{"a":', '', 'undefined']) {
    const response = await engine.handle(new Request(url('/echo'), { method: 'POST', body }));
    expect(await response.json()).toEqual({ error: 'invalid_body' });
  }
});

test('engine: dispatch answers undefined for an unknown route, handle the dialect 404', async () => {
  const engine = createEngine(tinyDialect);
  expect(await engine.dispatch(new Request(url('/nope')))).toBeUndefined();
  const response = await engine.handle(new Request(url('/nope')));
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: 'not_found' });
});

test('engine: onResponse sees clones and is awaited before the response is returned', async () => {
  const seen: string[] = [];
  const engine = createEngine(tinyDialect, {
    onResponse: async (request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`${request.method} ${new URL(request.url).pathname} ${await request.text()} ${response.status} ${await response.text()}`);
    },
  });
  const response = await engine.handle(new Request(url('/echo'), { method: 'POST', body: '{"a":1}' }));
  expect(seen).toEqual(['POST /echo {"a":1} 200 {"body":{"a":1}}']);
  expect(await response.json()).toEqual({ body: { a: 1 } });
});

test('engine: concurrent writes are serialised, so none is lost', async () => {
  const engine = createEngine(tinyDialect);
  await Promise.all(Array.from({ length: 20 }, () => engine.handle(new Request(url('/echo'), { method: 'POST', body: '1' }))));
  expect(engine.state.counter).toBe(20);
});

test('engine: a base path is stripped before routing', async () => {
  const engine = createEngine(tinyDialect, { basePath: '/gw' });
  const response = await engine.handle(new Request(url('/gw/counter')));
  expect(response.status).toBe(200);
});

test('engine: a write arriving while another request hashes a password does not wait for it; the hashing request sees that write', async () => {
  const engine = createEngine(tinyDialect, { seed: 1 });
  await engine.ready;
  const seeded = [...engine.state.items];
  const work = watchPasswordWork({ hold: true });
  const hashing = engine.handle(new Request(url('/hash'), { method: 'POST' }));
  await work.started;
  // The lock is free, and what the hashing request wrote before the hash is not in the state meanwhile.
  expect(engine.state.items).toEqual(seeded);
  const echo = await engine.handle(new Request(url('/echo'), { method: 'POST', body: '{}' }));
  expect(echo.status).toBe(200);
  expect(engine.state.counter).toBe(1);
  work.release();
  expect(await (await hashing).json()).toEqual({ seen: 1 });
  expect(engine.state.items).toEqual([...seeded, 'before hashing', expect.stringMatching(/^pbkdf2\$1000\$/), expect.any(String)]);
  expect(work.iterations).toEqual([1000]);
});

test('engine: a seeded server that hashes outside the lock draws the same salt and ids as one run straight through', async () => {
  const engine = createEngine(tinyDialect, { seed: 3 });
  await engine.ready;
  await engine.handle(new Request(url('/hash'), { method: 'POST' }));
  // The seed draws one 6-letter item; the handler then draws a salt, and a 4-letter id after the hash.
  const straight = createRandom(3);
  straight.string(6, 'abcdef');
  const expectedHash = await hashWithSalt('secret', drawSalt(straight), 1000);
  expect(engine.state.items.slice(2)).toEqual([expectedHash, straight.string(4, 'abcdef')]);
});

test('engine: a known path with another method is the dialect 405 naming the allowed methods; HEAD and OPTIONS too', async () => {
  const engine = createEngine(tinyDialect);
  for (const method of ['DELETE', 'HEAD', 'OPTIONS']) {
    const response = await engine.handle(new Request(url('/counter'), { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  }
  expect(await (await engine.handle(new Request(url('/echo')))).json()).toEqual({ error: 'method_not_allowed', allowed: ['POST'] });
  expect((await engine.handle(new Request(url('/nope'), { method: 'DELETE' }))).status).toBe(404);
});

test('engine: a dialect without 405s (gin) answers a wrong method with its 404', async () => {
  const engine = createEngine({ ...tinyDialect, errors: { ...tinyDialect.errors, methodNotAllowed: null } });
  for (const method of ['DELETE', 'HEAD', 'OPTIONS']) {
    const response = await engine.handle(new Request(url('/counter'), { method }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found' });
  }
});

test('engine: an empty body, invalid JSON, a non-object and an oversized body reach four different hooks', async () => {
  const answer = (error: string) => () => jsonResponse({ error }, { status: 400 });
  const errors = { ...tinyDialect.errors, emptyBody: answer('empty'), invalidJson: answer('invalid'), notObject: answer('not object'), bodyTooLarge: answer('too large') };
  const routes = [{ method: 'POST' as const, path: '/object', handler: async (ctx: RequestContext<TinyState>) => jsonResponse(await ctx.readJsonObject()) }];
  const engine = createEngine({ ...tinyDialect, routes, errors });
  const send = async (body: string) => (await (await engine.handle(new Request(url('/object'), { method: 'POST', body }))).json()) as unknown;
  expect(await send('')).toEqual({ error: 'empty' });
  expect(await send(' ')).toEqual({ error: 'invalid' });
  expect(await send('{"a":')).toEqual({ error: 'invalid' });
  for (const body of ['[]', '1', 'null', '"text"']) expect(await send(body)).toEqual({ error: 'not object' });
  expect(await send(JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT_BYTES) }))).toEqual({ error: 'too large' });
  expect(await send('{"a":1}')).toEqual({ a: 1 });
});

test('engine: a dialect with a requestId rule stamps a fresh id on every answer, 404s included, but not on the sandbox\'s own', async () => {
  let made = 0;
  const engine = createEngine({ ...tinyDialect, requestId: { header: 'X-Test-Request-Id', make: () => `id-${++made}` } }, { seed: 1 });
  const ids = [];
  for (const path of ['/increment-then-throw', '/no-such-route']) ids.push((await engine.handle(new Request(url(path), { method: 'POST' }))).headers.get('x-test-request-id'));
  expect(ids).toEqual(['id-1', 'id-2']);
  expect((await engine.handle(new Request(url('/__mock/state')))).headers.has('x-test-request-id')).toBe(false);
});
