import { afterEach, expect, onTestFinished, test, vi } from 'vitest';
import { createRateLimiter } from '../../mocks/core/rate-limit.js';
import { serve, type RunningServer } from '../../mocks/node/index.js';
import { createReferenceServer } from '../../mocks/index.js';
import { json, loginAs, newApiServer, serverErrors } from './support.js';

const LOGIN = { username: 'root', password: 'wrong-password' };
const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
  expect(serverErrors.splice(0)).toEqual([]);
});

test('limiter: at most max requests in any window; the oldest one leaving opens one slot', () => {
  const limiter = createRateLimiter();
  const limit = { max: 3, windowSeconds: 10 };
  const hit = (now: number) => limiter.hit('k', limit, now * 1000);
  expect([hit(100), hit(105), hit(106)]).toEqual([true, true, true]);
  expect(hit(109)).toBe(false);
  // 100 + 10: the oldest leaves, exactly one more fits; a refused request is not recorded.
  expect([hit(110), hit(110)]).toEqual([true, false]);
  expect(hit(115)).toBe(true);
  expect(limiter.hit('other', limit, 115_000)).toBe(true);
  limiter.clear();
  expect([hit(115), hit(115), hit(115), hit(115)]).toEqual([true, true, true, false]);
});

test('rate limits: off by default, so a test may log in as often as it likes', async () => {
  const server = await newApiServer();
  for (let i = 0; i < 25; i++) expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(200);
});

test('rate limits: with rateLimits on, the 21st login in 20 minutes is a 429 with an empty body', async () => {
  const server = await newApiServer({ rateLimits: true });
  for (let i = 0; i < 20; i++) expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(200);
  const limited = await server.fetch('/api/user/login', json('POST', LOGIN));
  expect(limited.status).toBe(429);
  expect(await limited.text()).toBe('');
  expect(limited.headers.get('content-type')).toBeNull();
  // Register shares the same CriticalRateLimit window (one key per IP, "CT").
  expect((await server.fetch('/api/user/register', json('POST', { username: 'late', password: 'password123' }))).status).toBe(429);
  // Routes without the critical limiter still answer.
  expect((await server.fetch('/api/user/groups')).status).toBe(200);
});

test('rate limits: the window runs on the server clock, sliding from the oldest request', async () => {
  const server = await newApiServer({ rateLimits: true });
  for (let i = 0; i < 20; i++) await server.fetch('/api/user/login', json('POST', LOGIN));
  server.clock.advance(1199_000);
  expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(429);
  server.clock.advance(1_000);
  expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(200);
  expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(200);
});

test('rate limits: switched at runtime through /__mock/settings, and reset clears the windows', async () => {
  const server = await newApiServer();
  await server.fetch('/__mock/settings', json('PATCH', { RateLimitEnabled: true }));
  for (let i = 0; i < 20; i++) await server.fetch('/api/user/login', json('POST', LOGIN));
  expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(429);
  await server.fetch('/__mock/settings', json('PATCH', { RateLimitEnabled: false }));
  expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(200);

  const limited = await newApiServer({ rateLimits: true });
  for (let i = 0; i < 21; i++) await limited.fetch('/api/user/login', json('POST', LOGIN));
  await limited.reset();
  expect(limited.state.settings.RateLimitEnabled).toBe(true);
  expect((await limited.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(200);
});

test('rate limits: each client IP has its own window (in-process callers may name theirs)', async () => {
  const server = await newApiServer({ rateLimits: true });
  const from = (ip: string) => json('POST', LOGIN, { 'x-gatewaykit-client-ip': ip });
  for (let i = 0; i < 20; i++) await server.fetch('/api/user/login', from('10.0.0.1'));
  expect((await server.fetch('/api/user/login', from('10.0.0.1'))).status).toBe(429);
  expect((await server.fetch('/api/user/login', from('10.0.0.2'))).status).toBe(200);
  // No header: the one in-process client.
  expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(200);
});

test('rate limits: over HTTP the key is the socket address; a client cannot pick its own', async () => {
  const server = await newApiServer({ rateLimits: true });
  const http = await serve(server, { port: 0 });
  running.push(http);
  const send = (i: number) =>
    fetch(`${http.url}/api/user/login`, { method: 'POST', headers: { 'x-gatewaykit-client-ip': `203.0.113.${i}` }, body: JSON.stringify(LOGIN) });
  for (let i = 0; i < 20; i++) expect((await send(i)).status).toBe(200);
  expect((await send(99)).status).toBe(429);
});

test('rate limits: PUT /api/user/self counts only after the auth check passed, as upstream orders them', async () => {
  const server = await newApiServer({ rateLimits: true });
  for (let i = 0; i < 25; i++) expect((await server.fetch('/api/user/self', json('PUT', { display_name: 'x' }))).status).toBe(401);
  const root = await loginAs(server, 'root', '123456');
  for (let i = 0; i < 19; i++) expect((await server.fetch('/api/user/self', json('PUT', { display_name: 'x' }, root))).status).toBe(200);
  // The login above was the 20th request in the "CT" window.
  expect((await server.fetch('/api/user/self', json('PUT', { display_name: 'x' }, root))).status).toBe(429);
});

test('rate limits: the global /api limit, 360 requests in 180 s, covers every route', async () => {
  const server = await newApiServer({ rateLimits: true });
  for (let i = 0; i < 360; i++) await server.fetch('/api/user/groups');
  expect((await server.fetch('/api/user/groups')).status).toBe(429);
  expect((await server.fetch('/api/user/self')).status).toBe(429);
  // The control API is not upstream's and never counts.
  expect((await server.fetch('/__mock/settings')).status).toBe(200);
  server.clock.advance(180_000);
  expect((await server.fetch('/api/user/groups')).status).toBe(200);
});

test('rate limits: the email-verification limit is 2 per 30 s and answers 429 with a JSON message', async () => {
  const server = await newApiServer({ rateLimits: true });
  const send = (n: number) => server.fetch(`/api/verification?email=user${n}@example.com`);
  expect((await send(1)).status).toBe(200);
  expect((await send(2)).status).toBe(200);
  const limited = await send(3);
  expect(limited.status).toBe(429);
  expect(await limited.json()).toEqual({ success: false, message: '发送过于频繁，请稍后再试' });
  expect(server.state.outbox).toHaveLength(2);
  server.clock.advance(30_000);
  expect((await send(4)).status).toBe(200);
});

test('rate limits: on a frozen server clock the window does not tick over while a test runs', async () => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 0, 0, 0, 999), toFake: ['Date'] });
  // Test files share a worker: real timers come back even when an assertion below fails.
  onTestFinished(() => void vi.useRealTimers());
  const server = await newApiServer({ rateLimits: true });
  for (let i = 0; i < 20; i++) await server.fetch('/api/user/login', json('POST', LOGIN));
  // Real time crosses a whole second here; a flowing clock would shift every window by one second.
  vi.setSystemTime(Date.UTC(2026, 0, 1, 0, 0, 1, 500));
  server.clock.advance(1199_000);
  expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(429);
});

test('limiter: fixed mode counts from a key\'s first request and starts afresh a whole window later', () => {
  const limiter = createRateLimiter();
  const limit = { max: 2, windowSeconds: 60, mode: 'fixed' as const };
  const hit = (ms: number) => limiter.hit('ip', limit, ms);
  expect([hit(0), hit(30_000), hit(59_999)]).toEqual([true, true, false]);
  // Unlike a sliding window, both slots come back at once when the window expires.
  expect([hit(60_000), hit(60_001), hit(60_002)]).toEqual([true, true, false]);
  // The two modes never share a key's window.
  expect(limiter.hit('ip', { max: 2, windowSeconds: 60 }, 60_003)).toBe(true);
});

test('rate limits: the window is counted in milliseconds of the server clock, not in whole seconds', async () => {
  const server = await newApiServer({ rateLimits: true, clock: { frozen: true, now: Date.UTC(2026, 0, 1, 0, 0, 0, 900) } });
  for (let i = 0; i < 20; i++) await server.fetch('/api/user/login', json('POST', LOGIN));
  // 1199.2 s later the clock shows a second 1200 s on: whole seconds would open the window, milliseconds do not.
  server.clock.advance(1199_200);
  expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(429);
  server.clock.advance(800);
  expect((await server.fetch('/api/user/login', json('POST', LOGIN))).status).toBe(200);
});

test('rate limits: new-api keys on X-Forwarded-For as gin\'s ClientIP reads it; platform only on the socket', async () => {
  const server = await newApiServer({ rateLimits: true });
  const from = (forwarded: string) => json('POST', LOGIN, { 'x-forwarded-for': forwarded });
  for (let i = 0; i < 20; i++) await server.fetch('/api/user/login', from('203.0.113.7, 10.0.0.1'));
  expect((await server.fetch('/api/user/login', from('203.0.113.7'))).status).toBe(429);
  expect((await server.fetch('/api/user/login', from('203.0.113.8, 10.0.0.1'))).status).toBe(200);
  // A header gin cannot parse is ignored: the request counts for the socket address, whose window is fresh.
  expect((await server.fetch('/api/user/login', from('203.0.113.7, not-an-ip'))).status).toBe(200);

  const platform = createReferenceServer({ dialect: 'platform', seed: 1, clock: { frozen: true }, rateLimits: true });
  const key = (forwarded: string) => platform.fetch('/api/v1/auth/public-key', { headers: { 'x-forwarded-for': forwarded } });
  for (let i = 0; i < 60; i++) await key(`203.0.113.${i}`);
  expect((await key('198.51.100.1')).status).toBe(429);
});

test('limiter: resetInMs is how long a refused key waits: the rest of a fixed window, the oldest slot of a sliding one', () => {
  const limiter = createRateLimiter();
  const fixed = { max: 2, windowSeconds: 60, mode: 'fixed' as const };
  expect(limiter.resetInMs('ip', fixed, 0)).toBe(0);
  limiter.hit('ip', fixed, 10_000);
  limiter.hit('ip', fixed, 20_000);
  expect(limiter.resetInMs('ip', fixed, 30_000)).toBe(40_000);
  expect(limiter.resetInMs('ip', fixed, 70_000)).toBe(0);
  const sliding = { max: 2, windowSeconds: 10 };
  limiter.hit('k', sliding, 1_000);
  expect(limiter.resetInMs('k', sliding, 2_000)).toBe(0);
  limiter.hit('k', sliding, 4_000);
  expect(limiter.resetInMs('k', sliding, 5_000)).toBe(6_000);
});
