import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, expect, test, vi } from 'vitest';
import type { DialectName } from '../../mocks/index.js';
import { serve, type FetchHandler } from '../../mocks/node/index.js';
import { AetherClient } from '../../src/aether/index.js';
import { AbortError, connect, detectDialect, type DetectableDialect, type ProbeAnswer, type ProbeEvidence } from '../../src/index.js';
import { transport } from '../support/lifecycle.js';
import { testServer } from '../support/test-server.js';
import { BURNCLOUD_NOV25 } from './fixtures/burncloud-nov25.js';

const PROBE_PATHS = ['/api/user/groups', '/api/v1/users/me', '/api/auth/me', '/1/me'];

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});
const serverErrors: string[] = [];
afterEach(() => {
  expect(serverErrors.splice(0), 'answers with a 500').toEqual([]);
});

/**
 * A gateway at a base URL: over real HTTP (mocks/node) in the http project, the handler's own fetch in-process.
 * Every request the client sends is kept, cloned, to check what detection sent.
 */
async function gateway(handler: FetchHandler): Promise<{ baseURL: string; fetch: (request: Request) => Promise<Response>; sent: Request[] }> {
  const sent: Request[] = [];
  if (transport === 'http') {
    const running = await serve(handler);
    closers.push(running.close);
    return { baseURL: running.url, sent, fetch: (request) => (sent.push(request.clone()), fetch(request)) };
  }
  return { baseURL: 'http://gateway.test', sent, fetch: (request) => (sent.push(request.clone()), handler.fetch(request)) };
}

// Detection probes every family's routes on every server, so three of its four requests are off each server's
// contract on purpose: these servers run without the contract observer.
const referenceServer = (dialect: DialectName) => testServer(dialect, {}, serverErrors);

const answered = (handler: (request: Request) => Response): FetchHandler => ({ fetch: async (request) => handler(request) });
const json = (body: unknown, status = 200) => Response.json(body, { status });

/** What a reference server of `dialect` answers: `own` on the probe that identifies it, its not-found on the others. */
function answersOf(dialect: DetectableDialect, own: number, ownAnswer: [number, ProbeAnswer], notFound: [number, ProbeAnswer]): ProbeEvidence[] {
  return PROBE_PATHS.map((path, index) => {
    const [status, answer] = index === own ? ownAnswer : notFound;
    return { probe: `GET ${path}`, status, answer, fits: [dialect] };
  });
}

const EXPECTED: Record<DetectableDialect, ProbeEvidence[]> = {
  newapi: answersOf('newapi', 0, [200, 'newapi-groups'], [404, 'newapi-relay-404']),
  platform: answersOf('platform', 1, [401, 'platform-unauthenticated'], [404, 'platform-route-not-found']),
  aether: answersOf('aether', 2, [401, 'aether-unauthenticated'], [404, 'starlette-not-found']),
  opencat: answersOf('opencat', 3, [401, 'opencat-unauthorized'], [404, 'gin-not-found']),
};

test.each(['newapi', 'platform', 'aether', 'opencat'] as const)('detectDialect: the %s reference server is named with every probe agreeing', async (dialect) => {
  const server = await referenceServer(dialect);
  const { baseURL, fetch } = await gateway(server);

  await expect(detectDialect(baseURL, { fetch })).resolves.toEqual({ dialect, confidence: 1, evidence: EXPECTED[dialect] });
});

test.each(['newapi', 'platform', 'aether', 'opencat'] as const)('detectDialect: on %s it sends four GETs without credentials and changes nothing', async (dialect) => {
  const server = await referenceServer(dialect);
  const before = structuredClone(server.state);
  const { baseURL, fetch, sent } = await gateway(server);

  await detectDialect(`${baseURL}/?key=sk-in-the-query#fragment`, { fetch });

  expect(sent.map((request) => `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`)).toEqual(PROBE_PATHS.map((path) => `GET ${path}`));
  for (const request of sent) {
    expect([...request.headers.keys()]).toEqual([]);
    expect(request.credentials).toBe('omit');
    expect(request.redirect).toBe('manual');
  }
  expect(server.requests.map((entry) => entry.method).sort()).toEqual(['GET', 'GET', 'GET', 'GET']);
  expect(server.state).toEqual(before);
});

test("detectDialect: BurnCloud's November 2025 answers are new-api's, its single-page app included", async () => {
  const recorded = new Map(BURNCLOUD_NOV25.map((answer) => [`${answer.method} ${answer.path}`, answer]));
  const unrecorded: string[] = [];
  const { baseURL, fetch } = await gateway(
    answered((request) => {
      const key = `${request.method} ${new URL(request.url).pathname}`;
      const answer = recorded.get(key);
      if (!answer) return (unrecorded.push(key), new Response(null, { status: 501 }));
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    }),
  );

  const detection = await detectDialect(baseURL, { fetch });

  expect(unrecorded).toEqual([]);
  expect(detection).toEqual({
    dialect: 'newapi',
    confidence: 1,
    evidence: [...EXPECTED.newapi.slice(0, 3), { probe: 'GET /1/me', status: 200, answer: 'html-page', fits: ['newapi'] }],
  });
});

test('detectDialect: OpenCat\'s edge build (opencatd_worker on Hono) is opencat', async () => {
  // From opencatd_worker 31ad315 (src/core/index.ts, controller.ts): the `/1` middleware answers 401 without a
  // token; paths outside `/1` fall to Hono's default 404.
  const { baseURL, fetch } = await gateway(
    answered((request) =>
      new URL(request.url).pathname === '/1/me'
        ? json({ error: 'Unauthorized' }, 401)
        : new Response('404 Not Found', { status: 404, headers: { 'content-type': 'text/plain; charset=UTF-8' } }),
    ),
  );

  const detection = await detectDialect(baseURL, { fetch });

  expect(detection).toMatchObject({ dialect: 'opencat', confidence: 1 });
  expect(detection.evidence.map((item) => item.answer)).toEqual(['hono-not-found', 'hono-not-found', 'hono-not-found', 'opencat-unauthorized']);
});

// Servers that are none of the four, each resembling one family in part.
const STRANGERS: [string, (request: Request) => Response][] = [
  ['a bare gin app (404 page not found everywhere)', () => new Response('404 page not found', { status: 404, headers: { 'content-type': 'text/plain' } })],
  ['a bare FastAPI app ({"detail":"Not Found"} everywhere)', () => json({ detail: 'Not Found' }, 404)],
  ['a single-page app (200 HTML everywhere)', () => new Response('<!doctype html><title>App</title>', { headers: { 'content-type': 'text/html' } })],
  ['a catch-all that says success to everything', () => json({ success: true, message: '', data: {} })],
  ['an OpenAI-compatible relay (401 invalid_request_error everywhere)', () => json({ error: { message: 'Missing API key', type: 'invalid_request_error' } }, 401)],
];

test.each(STRANGERS)('detectDialect: %s is unknown', async (_name, handler) => {
  const { baseURL, fetch, sent } = await gateway(answered(handler));

  const detection = await detectDialect(baseURL, { fetch });

  expect(detection.dialect).toBe('unknown');
  expect(detection.confidence).toBe(0);
  expect(detection.evidence.map((item) => item.probe)).toEqual(PROBE_PATHS.map((path) => `GET ${path}`));
  expect(sent).toHaveLength(4);
});

test('detectDialect: a server giving two families their identifying answers is unknown, not the likelier one', async () => {
  // Half new-api, half platform: each family is identified and has a second probe agreeing.
  const { baseURL, fetch } = await gateway(
    answered((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/user/groups') return json({ success: true, message: '', data: { default: { ratio: 1, desc: 'default' } } });
      if (path === '/api/v1/users/me') return json({ code: 40101, message: 'Authentication required.', data: null }, 401);
      if (path === '/api/auth/me') return json({ error: { message: `Invalid URL (GET ${path})`, type: 'invalid_request_error', param: '', code: '' } }, 404);
      return json({ code: 40400, message: 'Route not found.', data: null }, 404);
    }),
  );

  const detection = await detectDialect(baseURL, { fetch });

  expect(detection.evidence.map((item) => item.fits)).toEqual([['newapi'], ['platform'], ['newapi'], ['platform']]);
  expect(detection).toMatchObject({ dialect: 'unknown', confidence: 0 });
});

test("detectDialect: new-api with FRONTEND_BASE_URL, whose unknown paths redirect to its frontend, is new-api and no redirect is followed", async () => {
  const { baseURL, fetch } = await gateway(
    answered((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/user/groups') return json({ success: true, message: '', data: { default: { ratio: 1, desc: '默认分组' } } });
      return new Response(null, { status: 301, headers: { location: `https://console.example.com${pathname}` } });
    }),
  );

  const detection = await detectDialect(baseURL, { fetch });

  expect(detection).toMatchObject({ dialect: 'newapi', confidence: 1 });
  expect(detection.evidence.slice(1).map((item) => item.answer)).toEqual(['newapi-frontend-redirect', 'newapi-frontend-redirect', 'newapi-frontend-redirect']);
});

test('detectDialect: one probe without an answer lowers the confidence but still names the family', async () => {
  const server = await referenceServer('opencat');
  const { baseURL, fetch } = await gateway(server);
  const refusing = (request: Request) => (new URL(request.url).pathname === '/api/auth/me' ? Promise.reject(new TypeError('fetch failed')) : fetch(request));

  const detection = await detectDialect(baseURL, { fetch: refusing });

  expect(detection.dialect).toBe('opencat');
  expect(detection.confidence).toBe(0.75);
  expect(detection.evidence[2]).toEqual({ probe: 'GET /api/auth/me', answer: 'unreachable', fits: [] });
});

test.each([
  ['the default 3000 ms', undefined, 3_000],
  ['timeoutMs', 250, 250],
])('detectDialect: a server that never answers is unknown once %s have passed for each probe', async (_name, timeoutMs, limit) => {
  vi.useFakeTimers();
  try {
    const sent: Request[] = [];
    const hanging = (request: Request) => (sent.push(request), new Promise<Response>(() => {}));
    let settled = false;
    const detection = detectDialect('http://gateway.test', { fetch: hanging, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
    void detection.finally(() => (settled = true));

    await vi.advanceTimersByTimeAsync(limit - 1);
    expect(sent).toHaveLength(4);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    expect(settled).toBe(true);
    await expect(detection).resolves.toEqual({
      dialect: 'unknown',
      confidence: 0,
      evidence: PROBE_PATHS.map((path) => ({ probe: `GET ${path}`, answer: 'timeout', fits: [] })),
    });
  } finally {
    vi.useRealTimers();
  }
});

test("detectDialect: the caller's signal stops the probes of a server that hangs over HTTP", async () => {
  let arrived = 0;
  let allArrived: () => void;
  const fourArrived = new Promise<void>((resolve) => (allArrived = resolve));
  const hanging = createServer(() => {
    if (++arrived === 4) allArrived();
  });
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => (hanging.closeAllConnections(), hanging.close(() => resolve()))));
  const controller = new AbortController();

  const detection = detectDialect(`http://127.0.0.1:${(hanging.address() as AddressInfo).port}`, { signal: controller.signal });
  await fourArrived;
  controller.abort();

  await expect(detection).rejects.toBeInstanceOf(AbortError);
  expect(arrived).toBe(4);
});

test('detectDialect: a signal aborted before the call sends nothing', async () => {
  const fetch = vi.fn<(request: Request) => Promise<Response>>();

  await expect(detectDialect('http://gateway.test', { fetch, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
  expect(fetch).not.toHaveBeenCalled();
});

test.each([
  ['a relative URL', '/api', '`baseURL` must be an absolute http(s) URL'],
  ['another scheme', 'ftp://gateway.test', '`baseURL` must be an absolute http(s) URL'],
  ['credentials in the URL', 'https://admin:s3cret-pass@gateway.test', '`baseURL` carries credentials'],
])('detectDialect: %s is refused before anything is sent', async (_name, baseURL, message) => {
  const fetch = vi.fn<(request: Request) => Promise<Response>>();

  const error = await detectDialect(baseURL, { fetch }).catch((caught: unknown) => caught);

  expect(error).toBeInstanceOf(TypeError);
  expect((error as Error).message).toContain(message);
  expect((error as Error).message).not.toMatch(/s3cret|admin/);
  expect(fetch).not.toHaveBeenCalled();
});

test.each([0, -1, Number.NaN, Infinity])('detectDialect: timeoutMs %s is refused', async (timeoutMs) => {
  await expect(detectDialect('http://gateway.test', { timeoutMs, fetch: vi.fn() })).rejects.toThrow('`timeoutMs` must be a positive number');
});

test("connect({ dialect: 'auto' }) detects the gateway, then logs in and answers that dialect's Gateway", async () => {
  const server = await referenceServer('aether');
  const site = await gateway(server);
  const admin = server.accounts.find((a) => a.role === 'admin')!;
  const found = await connect({ baseURL: site.baseURL, fetch: site.fetch, dialect: 'auto', auth: { email: admin.email!, password: admin.password } });
  expect(found.dialect).toBe('aether');
  expect(found.native).toBeInstanceOf(AetherClient);
  expect((await found.me()).role).toBe('admin');
  // The four probes came first and carried no credentials; the login came after them.
  expect(site.sent.slice(0, 4).map((r) => [r.method, new URL(r.url).pathname, r.headers.has('authorization')])).toEqual(PROBE_PATHS.map((p) => ['GET', p, false]));
  expect(new URL(site.sent[4]!.url).pathname).toBe('/api/auth/login');
});

test("connect({ dialect: 'auto' }) refuses a server that is none of the four, rather than guess", async () => {
  const site = await gateway(answered(() => new Response('<!doctype html><title>app</title>', { headers: { 'content-type': 'text/html' } })));
  await expect(connect({ baseURL: site.baseURL, fetch: site.fetch, dialect: 'auto', auth: { token: 'not-sent' } })).rejects.toThrow(
    `Failed to connect: ${site.baseURL} answers as none of newapi, platform, aether and opencat. Please pass the dialect instead of 'auto'.`,
  );
  expect(site.sent.every((r) => !r.headers.has('authorization'))).toBe(true);
});

