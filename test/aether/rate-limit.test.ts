import { expect, test } from 'vitest';
import { useAetherRaw } from '../support/aether-raw.js';

/**
 * Upstream's per-address limits (Redis INCR + EXPIRE 60: a fixed window from the first counted request): 5 logins
 * and 3 registrations per 60 s, counted only for bodies that validate, keyed on the address upstream's
 * `get_client_ip` picks (one trusted proxy). Off by default for tests; on here through the settings.
 */
const api = useAetherRaw();

const T0 = Date.UTC(2026, 6, 1, 9, 0, 0);
const http = (message: string) => ({ error: { type: 'http_error', message } });

function limitsOn(): void {
  api.server.state.settings.RateLimitEnabled = true;
  api.server.clock.set(T0);
}

const login = (body: unknown, from = '198.51.100.7') => api.call('POST', '/api/auth/login', { body, headers: { 'x-forwarded-for': from } });
const wrong = () => login({ email: api.account('user').email, password: 'wrong-password' });
const right = () => login({ email: api.account('user').email, password: api.account('user').password });

test('rate limit: off by default, so a test may log in as often as it likes', async () => {
  for (let i = 0; i < 8; i++) expect((await wrong()).status).toBe(401);
});

test('rate limit: the 6th validated login in the window is a 429, even with the right password', async () => {
  limitsOn();
  await right();
  for (let i = 0; i < 4; i++) expect((await wrong()).status).toBe(401);
  api.server.clock.advance(12_000);
  const refused = await right();
  expect([refused.status, refused.body]).toEqual([429, http('登录请求过于频繁，请在 48 秒后重试')]);
});

test('rate limit: bodies that fail validation are not counted', async () => {
  limitsOn();
  for (let i = 0; i < 10; i++) expect((await login({ email: 'ab' })).status).toBe(400);
  for (let i = 0; i < 5; i++) expect((await wrong()).status).toBe(401);
  expect((await wrong()).status).toBe(429);
});

test('rate limit: the window is fixed from the first request and opens whole a window later', async () => {
  limitsOn();
  await wrong();
  api.server.clock.advance(50_000);
  for (let i = 0; i < 4; i++) await wrong();
  api.server.clock.set(T0 + 59_999);
  expect((await wrong()).status).toBe(429);
  api.server.clock.set(T0 + 60_000);
  for (let i = 0; i < 5; i++) expect((await wrong()).status).toBe(401);
  expect((await wrong()).status).toBe(429);
});

test('rate limit: the wait is the window\'s remaining seconds, rounded as Redis\' TTL rounds them', async () => {
  limitsOn();
  for (let i = 0; i < 5; i++) await wrong();
  api.server.clock.set(T0 + 30_600);
  expect((await wrong()).body).toEqual(http('登录请求过于频繁，请在 29 秒后重试'));
  api.server.clock.set(T0 + 30_500);
  expect((await wrong()).body).toEqual(http('登录请求过于频繁，请在 30 秒后重试'));
});

test('rate limit: counted per client address, the one a single trusted proxy reports', async () => {
  limitsOn();
  for (let i = 0; i < 5; i++) await wrong();
  expect((await wrong()).status).toBe(429);
  expect((await login({ email: 'x@y.zz', password: 'nope' }, '203.0.113.9')).status).toBe(401);
  // The entry left of the one trusted proxy is the client: a forged leftmost entry does not change it.
  expect((await login({ email: 'x@y.zz', password: 'nope' }, 'forged, 198.51.100.7, 10.0.0.1')).status).toBe(429);
  expect((await login({ email: 'x@y.zz', password: 'nope' }, 'forged, 203.0.113.10, 10.0.0.1')).status).toBe(401);
});

test('rate limit: register allows 3 per window, counted before the registration switch', async () => {
  limitsOn();
  const register = () => api.call('POST', '/api/auth/register', { body: { email: 'n@example.com', username: 'newcomer', password: 'secret-1' }, headers: { 'x-forwarded-for': '198.51.100.7' } });
  for (let i = 0; i < 3; i++) expect((await register()).body).toEqual({ error: { type: 'http_error', message: '系统暂不开放注册' } });
  expect((await register()).body).toEqual(http('注册请求过于频繁，请在 60 秒后重试'));
});

test('rate limit: admin routes have no limit of their own', async () => {
  limitsOn();
  const { access_token: token } = await api.login('admin');
  for (let i = 0; i < 30; i++) expect((await api.call('GET', '/api/admin/users?limit=1', { token })).status).toBe(200);
});
