import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { createReferenceServer } from '../../mocks/index.js';
import { useAetherRaw } from '../support/aether-raw.js';
import { testServer } from '../support/test-server.js';

/**
 * The seeded sandbox: upstream's bootstrap admin `admin@localhost` with a generated password, faker users (one
 * inactive) with keys and a month of usage, deterministic per seed and consistent with itself.
 */
const api = useAetherRaw();

test('seed: the bootstrap admin is admin@localhost, username admin, quota $1000, the first account listed', async () => {
  const [first] = api.server.accounts;
  expect(first).toMatchObject({ email: 'admin@localhost', username: 'admin', role: 'admin' });
  expect(first!.password).toMatch(/^[0-9A-Za-z]{12}$/);
  const row = api.server.state.users[0]!;
  expect(row).toMatchObject({ id: first!.user_id, email: 'admin@localhost', username: 'admin', role: 'admin', quota_usd: 1000, is_active: true });
});

test('seed: every active account logs in by email with its printed password; the inactive one is refused', async () => {
  for (const account of api.server.accounts) {
    const answer = await api.call('POST', '/api/auth/login', { body: { email: account.email, password: account.password } });
    expect(answer.status, account.email).toBe(account.role === 'inactive user' ? 401 : 200);
    if (answer.status === 200) expect(answer.body.role).toBe(account.role);
  }
});

test('seed: two admins, three users and an inactive user, with unique emails and usernames', () => {
  const roles = api.server.accounts.map((a) => a.role);
  expect(roles).toEqual(['admin', 'admin', 'user', 'user', 'user', 'inactive user']);
  const { users } = api.server.state;
  expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
  expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
  // Only the bootstrap admin carries a reserved name; the others pass upstream's username rules.
  for (const user of users.slice(1)) expect(user.username).toMatch(/^[a-z0-9_-]{3,30}$/);
});

test('seed: every key is sk- and 32 letters or digits, stored as its SHA-256, readable again through include_key', async () => {
  const admin = api.account('admin');
  const { access_token: token } = await api.login('admin');
  const own = api.server.state.api_keys.filter((k) => k.user_id === admin.user_id);
  expect(own.map((k) => k.is_standalone).sort()).toEqual([false, true]);
  for (const key of own) {
    const full = (await api.call('GET', `/api/users/me/api-keys/${key.id}?include_key=true`, { token })).body.key as string;
    expect(full).toMatch(/^sk-[A-Za-z0-9]{32}$/);
    expect(key.key_hash).toBe(createHash('sha256').update(full).digest('hex'));
    expect(key.key_encrypted).not.toContain(full);
  }
  for (const user of api.server.state.users) expect(api.server.state.api_keys.some((k) => k.user_id === user.id), user.username).toBe(true);
});

test('seed: usage rows add up to each user\'s spending and each key\'s counters', () => {
  const { users, api_keys: keys, usages } = api.server.state;
  expect(usages.length).toBeGreaterThan(0);
  for (const user of users) {
    const spent = usages.filter((u) => u.user_id === user.id).reduce((sum, u) => sum + u.total_cost_usd, 0);
    expect(user.used_usd).toBeCloseTo(spent, 10);
    expect(user.total_usd).toBeCloseTo(spent, 10);
  }
  for (const key of keys) expect(key.total_requests).toBe(usages.filter((u) => u.api_key_id === key.id).length);
});

test('seed: the same seed gives the same state and accounts; another seed other people', async () => {
  const [a, b, c] = [1, 1, 2].map((seed) => createReferenceServer({ dialect: 'aether', seed, clock: { frozen: true } }));
  await Promise.all([a!.ready, b!.ready, c!.ready]);
  expect(JSON.stringify(a!.state)).toBe(JSON.stringify(b!.state));
  expect(a!.accounts).toEqual(b!.accounts);
  expect(c!.accounts.map((x) => x.email)).not.toEqual(a!.accounts.map((x) => x.email));
  expect(c!.accounts[0]!.email).toBe('admin@localhost');
});

test('seed: registration is closed and rate limits are off, as a test wants them; CORS as upstream run from source', () => {
  expect(api.server.state.settings).toEqual({
    enable_registration: false,
    RateLimitEnabled: false,
    CorsOrigins: ['http://localhost:3000', 'http://localhost:5173', 'http://127.0.0.1:3000', 'http://127.0.0.1:5173'],
    CorsAllowCredentials: true,
  });
});

const exported = async (server: { fetch(path: string): Promise<Response> }) => (await server.fetch('/__mock/state')).text();
const generatedServer = (seed: number, users: number) => testServer('aether', { seed, users }, generatedErrors);
const generatedErrors: string[] = [];

test('seed --users: N faker users follow the seeded ones, each with one key and its usage charged, the same bytes for one seed', async () => {
  const [a, b, plain] = await Promise.all([generatedServer(3, 200), generatedServer(3, 200), generatedServer(3, 0)]);
  expect(await exported(a)).toBe(await exported(b));
  expect(a.state.users).toHaveLength(plain.state.users.length + 200);
  expect(a.accounts).toEqual(plain.accounts);
  const generated = a.state.users.slice(plain.state.users.length);
  expect(new Set(a.state.users.map((u) => u.username)).size).toBe(a.state.users.length);
  expect(new Set(a.state.users.map((u) => u.email)).size).toBe(a.state.users.length);
  expect(a.state.api_keys).toHaveLength(plain.state.api_keys.length + 200);
  const usages = a.state.usages.slice(plain.state.usages.length);
  expect(usages.length).toBeGreaterThan(0);
  for (const user of generated) {
    const charged = usages.filter((u) => u.user_id === user.id).reduce((sum, u) => sum + u.total_cost_usd, 0);
    expect(user.used_usd).toBeCloseTo(charged, 9);
  }
  expect(generatedErrors).toEqual([]);
});

test('seed --users: a generated user logs in by email with the documented password and reveals its own key', async () => {
  const server = await generatedServer(5, 20);
  const user = server.state.users.findLast((u) => u.is_active)!;
  const login = await server.fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: 'Sandbox123456' }) });
  expect(login.status).toBe(200);
  const authorization = `Bearer ${((await login.json()) as { access_token: string }).access_token}`;
  const key = server.state.api_keys.find((k) => k.user_id === user.id)!;
  const shown = (await (await server.fetch(`/api/users/me/api-keys/${key.id}?include_key=true`, { headers: { authorization } })).json()) as { key: string };
  expect(shown.key).toMatch(/^sk-[A-Za-z0-9]{32}$/);
  expect(createHash('sha256').update(shown.key).digest('hex')).toBe(key.key_hash);
  expect(await exported(server)).not.toContain(shown.key);
  expect(generatedErrors).toEqual([]);
});

test('seed --users: a reset seeds the generated users again, to the same bytes', async () => {
  const server = await generatedServer(7, 30);
  const before = await exported(server);
  server.state.users.pop();
  server.state.usages.length = 0;
  await server.reset();
  expect(await exported(server)).toBe(before);
});

test('seed --users: a count past 1,000,000 is refused before anything starts', () => {
  expect(() => createReferenceServer({ dialect: 'aether', users: 1_000_001 })).toThrow(/users 1000001 is out of range/);
});
