import { expect, test } from 'vitest';
import { DIALECTS } from '../../mocks/dialects.js';
import { createReferenceServer } from '../../mocks/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { openCatRaw } from '../support/opencat-raw.js';

/**
 * The seeded opencat server: initialised (root is user 1 with a UUIDv4 token), faker users with tokens (one of
 * them soft-deleted), one key of each type, and a month of usage ending today; the accounts carry the tokens.
 */
const life = useReferenceServer('opencat');
const api = openCatRaw(life);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('seed: root is user 1, named root, with a UUIDv4 token that lists users and keys; init is already done', async () => {
  const root = life.server.state.users[0]!;
  expect([root.id, root.name, root.deleted_at]).toEqual([1, 'root', null]);
  expect(api.rootToken()).toMatch(UUID_V4);
  expect(life.server.state.root_token_sha256).toBe(root.token_sha256);
  expect((await api.call('GET', '/1/users')).status).toBe(200);
  expect((await api.call('GET', '/1/keys')).status).toBe(200);
  expect((await api.call('POST', '/1/users/init')).status).toBe(403);
});

test('seed: the accounts are root and every live user, each with its own token and role, and no password', async () => {
  const live = life.server.state.users.filter((u) => u.deleted_at === null);
  expect(life.server.accounts.map((a) => [a.user_id, a.username, a.role, a.password])).toEqual(live.map((u) => [u.id, u.name, u.id === 1 ? 'root' : 'user', '']));
  for (const account of life.server.accounts) expect(account.token).toMatch(UUID_V4);
  expect(new Set(life.server.state.users.map((u) => u.token_sha256)).size).toBe(life.server.state.users.length);
  for (const account of life.server.accounts) {
    const me = (await api.call('GET', '/1/me', { headers: { authorization: `Bearer ${account.token}` } })).json as { id: number };
    expect(me.id).toBe(account.user_id);
  }
});

test('seed: one user is soft-deleted: left out of the accounts and the list, its token refused, its usage counted', async () => {
  const deleted = life.server.state.users.filter((u) => u.deleted_at !== null);
  expect(deleted).toHaveLength(1);
  const listed = (await api.call('GET', '/1/users')).json as { id: number }[];
  expect(listed.map((u) => u.id)).not.toContain(deleted[0]!.id);
  expect(life.server.accounts.map((a) => a.user_id)).not.toContain(deleted[0]!.id);
  expect(life.server.state.daily_usages.some((row) => row.user_id === deleted[0]!.id)).toBe(true);
});

test('seed: one key of each type the prefixes give, ids from 1, the next id after them', async () => {
  const keys = (await api.call('GET', '/1/keys')).json as { id: number; name: string; ApiType: string; key: string }[];
  expect(keys.map((k) => [k.id, k.ApiType])).toEqual([[1, 'openai'], [2, 'azure'], [3, 'claude'], [4, 'google']]);
  expect(keys.every((k) => k.key.startsWith('sk-'))).toBe(true);
  expect(life.server.state.next_key_id).toBe(5);
});

test('seed: a month of daily usage ending today in the server\'s zone, so the default range has this month', async () => {
  const days = [...new Set(life.server.state.daily_usages.map((row) => row.date))].sort();
  const today = new Date(life.server.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  expect(days.at(-1)! <= today).toBe(true);
  expect(Date.parse(today) - Date.parse(days[0]!)).toBeLessThanOrEqual(29 * 86_400_000);
  expect(days.length).toBeGreaterThan(20);
  const all = (await api.call('GET', '/1/usages?from=0000-01-01&to=9999-12-31')).json as { userId: number }[];
  expect(all.length).toBeGreaterThan(3);
});

test('seed: the same seed and clock give the same state and accounts; another seed other users', async () => {
  const now = Date.UTC(2024, 6, 19, 3);
  const make = async (seed: number) => {
    const server = createReferenceServer({ dialect: 'opencat', seed, clock: { frozen: true, now } });
    await server.ready;
    return server;
  };
  const [a, b, c] = await Promise.all([make(7), make(7), make(8)]);
  expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
  expect(a.accounts).toEqual(b.accounts);
  expect(c.accounts.map((u) => u.token)).not.toEqual(a.accounts.map((u) => u.token));
  expect(a.state.daily_usages.at(-1)!.date).toBe('2024-07-19');
});

test('seed: a state export holds no user token and no upstream key in clear', async () => {
  const exported = await (await life.raw('/__mock/state')).text();
  const keys = ((await api.call('GET', '/1/keys')).json as { key: string }[]).map((k) => k.key);
  for (const secret of [...life.server.accounts.map((a) => a.token), ...keys]) expect(exported).not.toContain(secret);
  // What is there still imports back and answers the same.
  const users = (await api.call('GET', '/1/users')).text;
  expect((await life.raw('/__mock/state', { method: 'PUT', body: exported })).status).toBe(200);
  expect((await api.call('GET', '/1/users')).text).toBe(users);
});

test('seed: the sandbox serves opencat on port 4012', () => {
  expect(DIALECTS.opencat.sandbox.port).toBe(4012);
});
