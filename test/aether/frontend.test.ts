import { expect, test } from 'vitest';
import { consoleMessage, createConsoleClient } from '../support/aether-frontend.js';
import { useReferenceServer } from '../support/lifecycle.js';

/**
 * The frontend's own token handling against the HTTP sandbox: an axios client making exactly the calls of the
 * seed's `usersApi` (frontend/src/api/users.ts), with the bearer interceptor that refreshes on 401 as upstream's
 * console does, runs a whole admin-console session. Every response is contract-checked like any other.
 */
const life = useReferenceServer('aether', { transport: 'http' });

const NOW = Date.UTC(2026, 6, 1, 9, 0, 0);
const caught = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
const admin = () => life.server.accounts.find((a) => a.email === 'admin@localhost')!;

test('frontend: a whole admin-console session through usersApi, with the calls the seed makes', async () => {
  life.server.clock.set(NOW);
  const console = createConsoleClient(life.baseURL);
  await console.authApi.login(admin().email, admin().password);

  const users = await console.usersApi.getAllUsers();
  expect(users).toHaveLength(life.server.accounts.length);
  expect(Object.keys(users[0])).toEqual(['id', 'email', 'username', 'role', 'quota_usd', 'used_usd', 'total_usd', 'is_active', 'created_at']);

  // The create dialog sends allowed_* as empty lists; upstream ignores them.
  const created = await console.usersApi.createUser({ username: 'console_user', password: 'console-pass', email: 'console@example.com', role: 'user', quota_usd: 20, allowed_providers: [], allowed_endpoints: [], allowed_models: [] });
  expect(created).toMatchObject({ username: 'console_user', quota_usd: 20, allowed_models: null });
  expect(await console.usersApi.getUser(created.id)).toMatchObject({ id: created.id, last_login_at: null });

  // The edit dialog sends the password it was typed; upstream drops it. The row toggle sends is_active alone.
  const updated = await console.usersApi.updateUser(created.id, { username: 'console_user', email: 'console@example.com', quota_usd: 50, role: 'user', allowed_providers: [], allowed_endpoints: [], allowed_models: ['gpt-4o-mini'], password: 'typed-in-dialog' });
  expect(updated).toMatchObject({ quota_usd: 50, allowed_models: ['gpt-4o-mini'], allowed_providers: [] });
  expect((await console.usersApi.updateUser(created.id, { is_active: false })).is_active).toBe(false);

  const named = await console.usersApi.createApiKey(created.id, 'Key-2026-07-01');
  const unnamed = await console.usersApi.createApiKey(created.id);
  expect(named).toMatchObject({ name: 'Key-2026-07-01', message: 'API Key创建成功，请妥善保存完整密钥' });
  expect(unnamed.name).toBe('API Key 20260701090000');
  expect((await console.usersApi.getUserApiKeys(created.id)).map((k: { id: string }) => k.id)).toEqual([unnamed.id, named.id]);
  await console.usersApi.deleteApiKey(created.id, named.id);
  expect(await console.usersApi.getUserApiKeys(created.id)).toHaveLength(1);

  await console.usersApi.resetUserQuota(created.id);
  await console.usersApi.getAllUsers();
  expect((await console.usersApi.getUsageStats()).activity_heatmap.total_days).toBe(365);
  await console.usersApi.deleteUser(created.id);
  expect(consoleMessage(await caught(console.usersApi.getUser(created.id)))).toBe('用户不存在');

  const id = created.id;
  expect(console.sent).toEqual([
    { method: 'POST', url: '/api/auth/login', body: { email: 'admin@localhost', password: admin().password } },
    { method: 'GET', url: '/api/admin/users', body: undefined },
    { method: 'POST', url: '/api/admin/users', body: { username: 'console_user', password: 'console-pass', email: 'console@example.com', role: 'user', quota_usd: 20, allowed_providers: [], allowed_endpoints: [], allowed_models: [] } },
    { method: 'GET', url: `/api/admin/users/${id}`, body: undefined },
    { method: 'PUT', url: `/api/admin/users/${id}`, body: expect.objectContaining({ password: 'typed-in-dialog' }) },
    { method: 'PUT', url: `/api/admin/users/${id}`, body: { is_active: false } },
    { method: 'POST', url: `/api/admin/users/${id}/api-keys`, body: { name: 'Key-2026-07-01' } },
    // axios writes { name: undefined } as {}, which upstream accepts.
    { method: 'POST', url: `/api/admin/users/${id}/api-keys`, body: {} },
    { method: 'GET', url: `/api/admin/users/${id}/api-keys`, body: undefined },
    { method: 'DELETE', url: `/api/admin/users/${id}/api-keys/${named.id}`, body: undefined },
    { method: 'GET', url: `/api/admin/users/${id}/api-keys`, body: undefined },
    { method: 'PATCH', url: `/api/admin/users/${id}/quota`, body: undefined },
    { method: 'GET', url: '/api/admin/users', body: undefined },
    { method: 'GET', url: '/api/admin/usage/stats', body: undefined },
    { method: 'DELETE', url: `/api/admin/users/${id}`, body: undefined },
    { method: 'GET', url: `/api/admin/users/${id}`, body: undefined },
  ]);
});

test('frontend: an expired access token is refreshed once for concurrent calls, which then go through', async () => {
  life.server.clock.set(NOW);
  const console = createConsoleClient(life.baseURL);
  await console.authApi.login(admin().email, admin().password);
  const firstRefresh = console.storage.get('refresh_token');
  life.server.clock.set(NOW + 86_400_000);
  const [users, stats, me] = await Promise.all([console.usersApi.getAllUsers(), console.usersApi.getUsageStats(), console.usersApi.getUser(admin().user_id)]);
  expect([users.length, stats.activity_heatmap.total_days, me.email]).toEqual([life.server.accounts.length, 365, 'admin@localhost']);
  expect(console.sent.filter((r) => r.url === '/api/auth/refresh')).toEqual([{ method: 'POST', url: '/api/auth/refresh', body: { refresh_token: firstRefresh } }]);
  // The rotated refresh token is stored, as onTokens would let an app persist it.
  expect(console.storage.get('refresh_token')).not.toBe(firstRefresh);
});

test('frontend: when the refresh fails too, both tokens are cleared and the original error is what the caller sees', async () => {
  life.server.clock.set(NOW);
  const console = createConsoleClient(life.baseURL);
  await console.authApi.login(admin().email, admin().password);
  life.server.clock.set(NOW + 8 * 86_400_000);
  const error = await caught(console.usersApi.getAllUsers());
  expect(consoleMessage(error)).toBe('Token已过期');
  expect((error as { config: { url: string } }).config.url).toBe('/api/admin/users');
  expect(console.storage.size).toBe(0);
});

test('frontend: a 403 is passed through and the login kept; a logged-out token is refreshed away', async () => {
  life.server.clock.set(NOW);
  const user = life.server.accounts.find((a) => a.role === 'user')!;
  const console = createConsoleClient(life.baseURL);
  await console.authApi.login(user.email, user.password);
  expect(consoleMessage(await caught(console.usersApi.getAllUsers()))).toBe('需要管理员权限');
  expect(console.storage.size).toBe(2);
  expect(console.sent.some((r) => r.url === '/api/auth/refresh')).toBe(false);
  // Upstream's 401 for a revoked token has no `detail`, so the console refreshes, and the new token works a second later.
  await fetch(`${life.baseURL}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${console.storage.get('access_token')}` } });
  life.server.clock.advance(1_000);
  life.server.state.users.find((u) => u.id === user.user_id)!.role = 'admin';
  expect((await console.usersApi.getAllUsers()).length).toBe(life.server.accounts.length);
  expect(console.sent.filter((r) => r.url === '/api/auth/refresh')).toHaveLength(1);
});
