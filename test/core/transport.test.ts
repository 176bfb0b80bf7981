import { afterEach, expect, test, vi } from 'vitest';
import { AbortError, ConnectionError, TimeoutError } from '../../src/index.js';
import { resolveOptions } from '../../src/core/index.js';
import { send } from '../../src/core/transport.js';
import { fakeFetch, json } from './fake-fetch.js';

const fast = { baseDelay: 1, maxDelay: 5, maxRetryAfter: 2_000 };
const options = (fetch: (r: Request) => Promise<Response>, extra = {}) =>
  resolveOptions({ baseURL: 'http://gw.test', fetch, retry: fast, ...extra });
const get = (path = '/api/x') => ({ method: 'GET', url: `http://gw.test${path}` });
const post = () => ({ method: 'POST', url: 'http://gw.test/api/x', body: '{"a":1}' });

test('a GET is retried on 503 and returns the first success', async () => {
  const { fetch, requests } = fakeFetch(new Response('', { status: 503 }), new Response('', { status: 503 }), json({ ok: 1 }));
  const { response } = await send(options(fetch), {}, get());
  expect(response.status).toBe(200);
  expect(requests).toHaveLength(3);
});

test('retries stop at maxRetries and hand back the last answer', async () => {
  const { fetch, requests } = fakeFetch(new Response('', { status: 502 }));
  const { response } = await send(options(fetch, { maxRetries: 1 }), {}, get());
  expect(response.status).toBe(502);
  expect(requests).toHaveLength(2);
});

test('a POST is never retried on a status: the server may already have acted', async () => {
  const { fetch, requests } = fakeFetch(new Response('', { status: 503 }), json({}));
  const { response } = await send(options(fetch), {}, post());
  expect(response.status).toBe(503);
  expect(requests).toHaveLength(1);
});

test('a POST is retried when the connection was refused, and its body is sent again intact', async () => {
  const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
  const { fetch, requests } = fakeFetch(refused, json({}));
  await send(options(fetch), {}, post());
  expect(requests).toHaveLength(2);
  expect(await requests[1]!.text()).toBe('{"a":1}');
});

test('a POST whose connection reset mid-flight is not retried and becomes a ConnectionError', async () => {
  const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('socket'), { code: 'ECONNRESET' }) });
  const { fetch, requests } = fakeFetch(reset, json({}));
  await expect(send(options(fetch), {}, post())).rejects.toBeInstanceOf(ConnectionError);
  expect(requests).toHaveLength(1);
});

test('Retry-After in seconds is obeyed before the next attempt', async () => {
  const { fetch, requests } = fakeFetch(new Response('', { status: 429, headers: { 'retry-after': '1' } }), json({}));
  const started = Date.now();
  await send(options(fetch), {}, get());
  expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  expect(requests).toHaveLength(2);
});

test('a Retry-After beyond the cap is not waited for', async () => {
  const { fetch, requests } = fakeFetch(new Response('', { status: 429, headers: { 'retry-after': '3600' } }), json({}));
  const { response } = await send(options(fetch), {}, get());
  expect(response.status).toBe(429);
  expect(requests).toHaveLength(1);
});

test('a slow attempt times out, is retried, and the call fails with TimeoutError', async () => {
  const hang = (request: Request) =>
    new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
  const { fetch, requests } = fakeFetch(hang);
  await expect(send(options(fetch, { timeout: 20, maxRetries: 1 }), {}, get())).rejects.toBeInstanceOf(TimeoutError);
  expect(requests).toHaveLength(2);
});

test('the deadline bounds the whole call, retries included', async () => {
  const { fetch } = fakeFetch(() => new Response('', { status: 503 }));
  const slowRetry = { baseDelay: 200, maxDelay: 200, maxRetryAfter: 1000 };
  const started = Date.now();
  const { response } = await send(options(fetch, { deadline: 100, maxRetries: 5, retry: slowRetry }), {}, get());
  expect(response.status).toBe(503);
  expect(Date.now() - started).toBeLessThan(150);
});

test('aborting during the backoff stops the retries with AbortError', async () => {
  const { fetch, requests } = fakeFetch(new Response('', { status: 503 }));
  const controller = new AbortController();
  const call = send(options(fetch, { retry: { baseDelay: 500, maxDelay: 500 } }), {}, get(), { signal: controller.signal });
  setTimeout(() => controller.abort(), 30);
  await expect(call).rejects.toBeInstanceOf(AbortError);
  expect(requests).toHaveLength(1);
});

test('an already aborted signal sends nothing', async () => {
  const { fetch, requests } = fakeFetch(json({}));
  await expect(send(options(fetch), {}, get(), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
  expect(requests).toHaveLength(0);
});

test('fetch is looked up per call, so a fetch installed after the client is created is used', async () => {
  const resolved = resolveOptions({ baseURL: 'http://gw.test' });
  const original = globalThis.fetch;
  let seen = '';
  globalThis.fetch = (async (input: Request) => {
    seen = input.url;
    return json({});
  }) as typeof fetch;
  try {
    await send(resolved, {}, get('/late'));
  } finally {
    globalThis.fetch = original;
  }
  expect(seen).toBe('http://gw.test/late');
});

test('onRequest may replace the request and onResponse sees every attempt', async () => {
  const { fetch, requests } = fakeFetch(new Response('', { status: 500 }), json({}));
  const statuses: number[] = [];
  await send(
    options(fetch, {
      onRequest: (r: Request) => new Request(r, { headers: { 'x-trace': 't1' } }),
      onResponse: (r: Response) => void statuses.push(r.status),
    }),
    {},
    get(),
  );
  expect(requests.map((r) => r.headers.get('x-trace'))).toEqual(['t1', 't1']);
  expect(statuses).toEqual([500, 200]);
});

test('header precedence: client defaults < request < credentials < per-call headers', async () => {
  const { fetch, requests } = fakeFetch(json({}));
  const authorize = (h: Headers) => h.set('authorization', 'Bearer tok');
  await send(options(fetch, { headers: { 'x-a': 'client', authorization: 'client' } }), { authorize }, get(), { headers: { 'x-a': 'call' } });
  expect(requests[0]!.headers.get('x-a')).toBe('call');
  expect(requests[0]!.headers.get('authorization')).toBe('Bearer tok');
});

test('headers in any HeadersInit form: repeated names in an array combine, a Map or another realm\'s Headers is read', async () => {
  const { fetch, requests } = fakeFetch(json({}));
  const foreignHeaders = { *[Symbol.iterator]() { yield ['x-c', '3']; } }; // iterable, like a Headers from an iframe
  await send(options(fetch), {}, { ...get(), headers: foreignHeaders as unknown as HeadersInit }, { headers: [['x-a', '1'], ['x-a', '2']] as unknown as Record<string, string> });
  await send(options(fetch), {}, { ...get(), headers: new Map([['x-b', '1']]) as unknown as HeadersInit });
  expect([requests[0]!.headers.get('x-a'), requests[0]!.headers.get('x-c'), requests[1]!.headers.get('x-b')]).toEqual(['1, 2', '3', '1']);
});

test('aborted while onRequest runs: nothing is sent, and no response hook or cookie sees an answer', async () => {
  const controller = new AbortController();
  const { fetch, requests } = fakeFetch(json({}));
  let answered = 0;
  const hooks = { jar: { store: () => answered++, header: () => undefined } as never };
  const abortingHook = options(fetch, { onRequest: () => void controller.abort(new Error('cancelled')), onResponse: () => void answered++ });
  await expect(send(abortingHook, hooks, get(), { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
  expect({ sent: requests.length, answered }).toEqual({ sent: 0, answered: 0 });
});

test('a body that stalls after the headers counts against the timeout', async () => {
  const stalled = () => new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"a"')) }));
  const { fetch } = fakeFetch(stalled);
  await expect(send(options(fetch, { timeout: 30, maxRetries: 0 }), {}, get())).rejects.toBeInstanceOf(TimeoutError);
});

const remove = () => ({ method: 'DELETE', url: 'http://gw.test/api/x/1' });
const notFound = () => json({ message: 'not found' }, { status: 404 });
const failedWith = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

test('a retried DELETE says an earlier attempt may have acted after a reset, a timeout or a 5xx', async () => {
  for (const first of [failedWith('ECONNRESET'), new Response('', { status: 503 })]) {
    const { fetch } = fakeFetch(first, notFound());
    expect((await send(options(fetch, { maxRetries: 1 }), {}, remove())).earlierMayHaveActed).toBe(true);
  }
  const stalled = (request: Request) => new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
  const { fetch } = fakeFetch(stalled, notFound());
  expect((await send(options(fetch, { maxRetries: 1, timeout: 5 }), {}, remove())).earlierMayHaveActed).toBe(true);
});

test('a DELETE says no earlier attempt acted on its first answer, after a refused connection, a 408 or a 429', async () => {
  const firsts = [failedWith('ECONNREFUSED'), failedWith('ENOTFOUND'), new Response('', { status: 408 }), new Response('', { status: 429 })];
  for (const first of firsts) {
    const { fetch } = fakeFetch(first, notFound());
    expect((await send(options(fetch, { maxRetries: 1 }), {}, remove())).earlierMayHaveActed).toBe(false);
  }
  const { fetch } = fakeFetch(notFound());
  expect((await send(options(fetch), {}, remove())).earlierMayHaveActed).toBe(false);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

test('GATEWAYKIT_LOG=debug logs each request\'s method, URL, status and time to the console, with secrets redacted', async () => {
  vi.useFakeTimers({ toFake: ['performance', 'Date'] });
  vi.stubEnv('GATEWAYKIT_LOG', 'debug');
  const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
  const fetch = async () => {
    vi.advanceTimersByTime(42);
    return json({}, { headers: { 'set-cookie': 'session=s3cret-cookie' } });
  };
  const request = { method: 'GET', url: 'http://gw.test/api/verify?token=s3cret-query&email=a%40b.c', headers: { Authorization: 'Bearer s3cret-token' } };
  await send(options(fetch), {}, request);
  const lines = debug.mock.calls.map((call) => call[0]);
  expect(lines).toEqual([
    '[gatewaykit] → GET http://gw.test/api/verify?token=[redacted]&email=a%40b.c',
    '[gatewaykit] ← 200 GET http://gw.test/api/verify?token=[redacted]&email=a%40b.c in 42 ms',
  ]);
  expect(JSON.stringify(debug.mock.calls)).not.toContain('s3cret');
});

test('GATEWAYKIT_LOG=warn logs retries only; unset, or with an unknown level, nothing is logged', async () => {
  const spies = (['debug', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
  const retried = () => fakeFetch(new Response('', { status: 503 }), json({})).fetch;
  vi.stubEnv('GATEWAYKIT_LOG', 'warn');
  await send(options(retried()), {}, get());
  expect(spies.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 1, 0]);
  expect(spies[2]!.mock.calls[0]![0]).toMatch(/^\[gatewaykit\] Retry 1\/2 of GET http:\/\/gw.test\/api\/x in \d+ ms: status 503$/);
  for (const level of ['', 'off', 'verbose']) {
    vi.stubEnv('GATEWAYKIT_LOG', level);
    await send(options(retried()), {}, get());
  }
  expect(spies.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 1, 0]);
});

test('a logger option wins over GATEWAYKIT_LOG', async () => {
  vi.stubEnv('GATEWAYKIT_LOG', 'debug');
  const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
  const own: string[] = [];
  const logger = { debug: (m: string) => void own.push(m), info: () => {}, warn: () => {}, error: () => {} };
  await send(options(fakeFetch(json({})).fetch, { logger }), {}, get());
  expect([own.length, debug.mock.calls.length]).toEqual([2, 0]);
});
