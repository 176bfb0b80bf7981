import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { createReferenceServer } from '../../mocks/index.js';
import { useAetherRaw } from '../support/aether-raw.js';

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
