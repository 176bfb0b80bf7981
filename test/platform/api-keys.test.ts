import { expect, test } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/index.js';
import { loseFirstAnswer, retryAtOnce } from '../support/lost-answer.js';
import { usePlatform } from '../support/platform.js';

const api = usePlatform();

test('create shows the full key once; list and retrieve show only its prefix', async () => {
  const client = await api.loginAs('personal');
  const created = await client.apiKeys.create({ name: '生产环境主 Key', key_type: 'production' });
  expect(created.api_key).toMatch(/^sk-prod-[a-z0-9]{32}$/);
  expect(created.key_prefix).toBe(`${created.api_key.slice(0, 12)}****`);
  expect(created).toMatchObject({ status: 'active', expires_at: null, allowed_models: [], allowed_ips: [] });
  const listed = (await client.apiKeys.list()).items.find((k) => k.key_id === created.key_id)!;
  expect(listed).not.toHaveProperty('api_key');
  expect(listed.key_prefix).toBe(created.key_prefix);
  expect(await client.apiKeys.retrieve(created.key_id)).toEqual(listed);
});

test('list filters by key_type and status', async () => {
  const client = await api.loginAs('personal');
  await client.apiKeys.create({ name: 'test key', key_type: 'test' });
  const tests = await client.apiKeys.list({ key_type: 'test' });
  expect(tests.items.length).toBeGreaterThan(0);
  expect(tests.items.every((k) => k.key_type === 'test' && k.key_prefix.startsWith('sk-test-'))).toBe(true);
  const disabled = await client.apiKeys.list({ status: 'disabled' });
  expect(disabled.items.every((k) => k.status === 'disabled')).toBe(true);
});

test('list pages: `for await` walks every key across pages', async () => {
  const client = await api.loginAs('personal');
  for (let i = 0; i < 3; i++) await client.apiKeys.create({ name: `k${i}`, key_type: 'test' });
  const first = await client.apiKeys.list({ pageSize: 2 });
  expect(first).toMatchObject({ page: 1, pageSize: 2 });
  const all = [];
  for await (const key of client.apiKeys.list({ pageSize: 2 })) all.push(key.key_id);
  expect(all).toHaveLength(first.total);
  expect(new Set(all).size).toBe(first.total);
});

test('update disables a key; an expired key reads expired', async () => {
  const client = await api.loginAs('personal');
  const soon = new Date(api.server.clock.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const key = await client.apiKeys.create({ name: 'short-lived', key_type: 'test', expires_at: soon });
  expect(await client.apiKeys.update(key.key_id, { status: 'disabled', name: 'off' })).toMatchObject({ status: 'disabled', name: 'off' });
  api.server.clock.advance(120_000);
  expect((await client.apiKeys.retrieve(key.key_id)).status).toBe('expired');
});

test('create validates the model and IP lists on the server (40001 naming the entry)', async () => {
  const client = await api.loginAs('personal');
  const err = await client.apiKeys.create({ name: 'bad', key_type: 'test', allowed_ips: ['10.0.0.0/8', 'not-an-ip'] }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err.body.data.fields[0].field).toBe('allowed_ips[1]');
});

test('delete removes the key; deleting it again is a NotFoundError 40402', async () => {
  const client = await api.loginAs('personal');
  const key = await client.apiKeys.create({ name: 'gone soon', key_type: 'test' });
  await client.apiKeys.delete(key.key_id);
  const err = await client.apiKeys.delete(key.key_id).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err.code).toBe(40402);
});

test('delete: a retry after the answer was lost resolves and the key is gone; a key that never existed still throws NotFoundError', async () => {
  const net = loseFirstAnswer(api.fetch, (request) => request.method === 'DELETE');
  const client = await api.loginAs('personal', { fetch: net.fetch, ...retryAtOnce });
  const key = await client.apiKeys.create({ name: 'lost answer', key_type: 'test' });
  await expect(client.apiKeys.delete(key.key_id)).resolves.toBeUndefined();
  expect(net.lost()).toBe(true);
  expect(api.server.state.api_keys.some((k) => k.key_id === key.key_id)).toBe(false);
  await expect(client.apiKeys.delete('key_01HX40A1B2C3D4E5F6G7H8J9KM')).rejects.toBeInstanceOf(NotFoundError);
});

test('delete: a lost answer, then a retry refused for an expired access token: the renewed call that finds nothing still resolves', async () => {
  const net = loseFirstAnswer(api.fetch, (request) => request.method === 'DELETE');
  // The access token expires while the first answer is lost, so the retry is a 401 and the client renews.
  const expireOnLoss = (request: Request) => net.fetch(request).catch((error) => (api.server.clock.advance(16 * 60_000), Promise.reject(error)));
  const client = await api.loginAs('personal', { fetch: expireOnLoss, ...retryAtOnce });
  const before = client.tokens!.access_token;
  const key = await client.apiKeys.create({ name: 'lost answer', key_type: 'test' });
  await expect(client.apiKeys.delete(key.key_id)).resolves.toBeUndefined();
  expect(client.tokens!.access_token).not.toBe(before);
  expect(api.server.state.api_keys.some((k) => k.key_id === key.key_id)).toBe(false);
});

test("another user's key is not found", async () => {
  const owner = await api.loginAs('personal');
  const [key] = (await owner.apiKeys.list()).items;
  const other = await api.loginAs('enterprise member');
  await expect(other.apiKeys.retrieve(key!.key_id)).rejects.toBeInstanceOf(NotFoundError);
});
