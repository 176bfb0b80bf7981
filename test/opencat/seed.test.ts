import { expect, test } from 'vitest';
import { DIALECTS } from '../../mocks/dialects.js';
import { createReferenceServer } from '../../mocks/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { openCatRaw } from '../support/opencat-raw.js';
import { testServer } from '../support/test-server.js';

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

const exported = async (server: { fetch(path: string): Promise<Response> }) => (await server.fetch('/__mock/state')).text();
const generatedErrors: string[] = [];
const generatedServer = (seed: number, users: number) => testServer('opencat', { seed, users }, generatedErrors);

test('seed --users: N faker users follow the seeded ones with UUIDv4 tokens and usage rows, the same bytes for one seed', async () => {
  const [a, b, plain] = await Promise.all([generatedServer(3, 200), generatedServer(3, 200), generatedServer(3, 0)]);
  expect(await exported(a)).toBe(await exported(b));
  expect(a.state.users).toHaveLength(plain.state.users.length + 200);
  expect(a.accounts).toEqual(plain.accounts);
  expect(a.state.users.map((u) => u.id)).toEqual(a.state.users.map((_u, i) => i + 1));
  expect(a.state.next_user_id).toBe(a.state.users.length + 1);
  expect(new Set(a.state.users.map((u) => u.name)).size).toBe(a.state.users.length);
  expect(new Set(a.state.users.map((u) => u.token_sha256)).size).toBe(a.state.users.length);
  expect(a.state.daily_usages).toHaveLength(plain.state.daily_usages.length + 100);
  expect(generatedErrors).toEqual([]);
});

test('seed --users: root lists the generated users with their tokens, and one calls /1/me with its token', async () => {
  const server = await generatedServer(5, 20);
  const root = server.accounts.find((a) => a.role === 'root')!;
  const listed = (await (await server.fetch('/1/users', { headers: { authorization: `Bearer ${root.token}` } })).json()) as Array<{ id: number; name: string; token: string }>;
  const last = server.state.users.at(-1)!;
  const token = listed.find((u) => u.id === last.id)!.token;
  expect(token).toMatch(UUID_V4);
  const me = await server.fetch('/1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
  expect(((await me.json()) as { name: string }).name).toBe(last.name);
  expect(await exported(server)).not.toContain(token);
  expect(generatedErrors).toEqual([]);
});

test('seed --users: the state export with derived tokens imports back, and a forged derivation is refused by the schema', async () => {
  const server = await generatedServer(6, 10);
  const state = await exported(server);
  expect((await server.fetch('/__mock/state', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: state })).status).toBe(200);
  expect(await exported(server)).toBe(state);
  const forged = JSON.parse(state) as { users: Array<{ token_sealed: string }> };
  forged.users.at(-1)!.token_sealed = 'derived$x$16$0011223344556677';
  expect((await server.fetch('/__mock/state', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) })).status).toBe(400);
});

test('seed --users: a reset seeds the generated users again, to the same bytes', async () => {
  const server = await generatedServer(7, 30);
  const before = await exported(server);
  server.state.users.pop();
  server.state.daily_usages.length = 0;
  await server.reset();
  expect(await exported(server)).toBe(before);
});

test('seed --users: a count past 1,000,000 is refused before anything starts', () => {
  expect(() => createReferenceServer({ dialect: 'opencat', users: 1_000_001 })).toThrow(/users 1000001 is out of range/);
});
