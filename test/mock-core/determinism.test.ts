import { afterAll, expect, test } from 'vitest';
import { createReferenceServer } from '../../mocks/index.js';
import { json, newApiServer, serverErrors } from './support.js';

afterAll(() => expect(serverErrors.splice(0)).toEqual([]));

const exported = async (server: Awaited<ReturnType<typeof newApiServer>>) => (await server.fetch('/__mock/state')).json();

test('seed: the same seed gives the same state and the same accounts', async () => {
  const a = await newApiServer({ seed: 'demo' });
  const b = await newApiServer({ seed: 'demo' });
  expect(await exported(a)).toEqual(await exported(b));
  expect(a.accounts).toEqual(b.accounts);
});

test('seed: different seeds give different users', async () => {
  const a = await newApiServer({ seed: 1 });
  const b = await newApiServer({ seed: 2 });
  expect(a.state.users.map((u) => u.username)).not.toEqual(b.state.users.map((u) => u.username));
});

test('seed: without a seed every server gets fresh data', async () => {
  const a = createReferenceServer({ dialect: 'newapi' });
  const b = createReferenceServer({ dialect: 'newapi' });
  await Promise.all([a.ready, b.ready]);
  expect(a.accounts[1]!.password).not.toBe(b.accounts[1]!.password);
});

test('seed: the seeded state has root, an admin, common users, a disabled and a soft-deleted user', async () => {
  const server = await newApiServer();
  const users = server.state.users;
  expect(users[0]).toMatchObject({ id: 1, username: 'root', role: 100, display_name: 'Root User', status: 1 });
  expect(users.filter((u) => u.role === 10)).toHaveLength(1);
  expect(users.filter((u) => u.status === 2)).toHaveLength(1);
  expect(users.filter((u) => u.deleted_at !== null)).toHaveLength(1);
  expect(server.accounts[0]).toEqual({ username: 'root', password: '123456', role: 100 });
  expect(server.accounts.every((a) => a.password.length >= 8 || a.username === 'root')).toBe(true);
});

test('seed: every listed account can log in', async () => {
  const server = await newApiServer();
  for (const account of server.accounts) {
    const response = await server.fetch('/api/user/login', json('POST', { username: account.username, password: account.password }));
    expect((await response.json()).success).toBe(true);
  }
});

test('reset: back to the seeded state, and a replay gives the same ids and codes', async () => {
  const server = await newApiServer({ seed: 9 });
  const seeded = await exported(server);
  const register = () => server.fetch('/api/user/register', json('POST', { username: 'newbie', password: 'password123' }));
  await register();
  const first = server.state.users.at(-1)!;
  await server.reset();
  expect(await exported(server)).toEqual(seeded);
  await register();
  const second = server.state.users.at(-1)!;
  expect({ ...second, created_at: 0 }).toEqual({ ...first, created_at: 0 });
});
