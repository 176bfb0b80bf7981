import { expect, test } from 'vitest';
import { testServer } from '../support/test-server.js';

/**
 * opencatd-open has no rate limit (no limiter middleware in opencat.go), so the sandbox has none either: the
 * CLI's `rateLimits: true` changes nothing, and there is no `RateLimitEnabled` setting to switch.
 */
test('rate limits: none, even on a server started with rateLimits on as the CLI sandbox is', async () => {
  const errors: string[] = [];
  const server = await testServer('opencat', { rateLimits: true }, errors);
  const authorization = `Bearer ${server.accounts[0]!.token}`;
  const statuses = new Set<number>();
  for (let i = 0; i < 120; i++) statuses.add((await server.fetch('/1/users/init', { method: 'POST' })).status);
  for (let i = 0; i < 120; i++) statuses.add((await server.fetch('/1/me', { headers: { authorization } })).status);
  expect([...statuses].sort()).toEqual([200, 403]);
  expect(errors).toEqual([]);
});

test('rate limits: the settings have no RateLimitEnabled switch; patching one is refused', async () => {
  const server = await testServer('opencat', {}, []);
  const response = await server.fetch('/__mock/settings', { method: 'PATCH', body: JSON.stringify({ RateLimitEnabled: true }) });
  expect(response.status).toBe(400);
  expect(await (await server.fetch('/__mock/settings')).json()).toEqual({ TimeZone: '+08:00' });
});
