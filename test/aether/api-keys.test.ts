import { expect, expectTypeOf, test } from 'vitest';
import { NotFoundError, type PagePromise } from '../../src/index.js';
import type { ApiKey, AetherClient } from '../../src/aether/index.js';
import { useAether } from '../support/aether-client.js';
import { loseFirstAnswer, retryAtOnce } from '../support/lost-answer.js';

const api = useAether();
const FULL_KEY = /^sk-[A-Za-z0-9]{32}$/;
const masked = (key: string) => `${key.slice(0, 10)}...${key.slice(-4)}`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

test('me.apiKeys.create: the full key once, masked everywhere after; reveal shows it again', async () => {
  const client = await api.loginAs('user');
  const created = await client.me.apiKeys.create({ name: 'laptop' });
  expect(created).toMatchObject({ name: 'laptop', key: expect.stringMatching(FULL_KEY), message: 'API密钥创建成功' });
  expect(created.key_display).toBe(masked(created.key));
  const listed = (await client.me.apiKeys.list()).items.find((k) => k.id === created.id)!;
  expect(listed).toMatchObject({ name: 'laptop', key_display: masked(created.key), is_active: true });
  expect(JSON.stringify(listed)).not.toContain(created.key);
  const detail = await client.me.apiKeys.retrieve(created.id);
  expect(detail).toMatchObject({ id: created.id, key_display: masked(created.key), rate_limit: expect.any(Number) });
  expect(await client.me.apiKeys.reveal(created.id)).toBe(created.key);
});

test('me.apiKeys.list: every key at once, newest first, and for await walks them', async () => {
  const client = await api.loginAs('user');
  await client.me.apiKeys.create({ name: 'first' });
  api.advance(1000);
  await client.me.apiKeys.create({ name: 'second' });
  const page = await client.me.apiKeys.list();
  expect(page.items[0]!.name).toBe('second');
  expect(page.hasNextPage()).toBe(false);
  const names: Array<string | null> = [];
  for await (const key of client.me.apiKeys.list()) names.push(key.name);
  expect(names).toEqual(page.items.map((k) => k.name));
  expectTypeOf<ReturnType<AetherClient['me']['apiKeys']['list']>>().toEqualTypeOf<PagePromise<ApiKey, number | undefined>>();
});

test('me.apiKeys.toggle: off, then on again', async () => {
  const client = await api.loginAs('user');
  const { id } = await client.me.apiKeys.create({ name: 'ci' });
  expect(await client.me.apiKeys.toggle(id)).toEqual({ id, is_active: false, message: 'API密钥已禁用' });
  expect(await client.me.apiKeys.toggle(id)).toEqual({ id, is_active: true, message: 'API密钥已启用' });
});

test('me.apiKeys.delete: gone for good; a second delete is a NotFoundError API密钥不存在', async () => {
  const client = await api.loginAs('user');
  const { id } = await client.me.apiKeys.create({ name: 'old' });
  await client.me.apiKeys.delete(id);
  const err = await client.me.apiKeys.delete(id).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err).toMatchObject({ code: 'not_found', message: 'API密钥不存在' });
  expect(err.body.error.details).toEqual({ resource_type: 'api_key' });
});

test('me.apiKeys.delete: a retry after a lost answer counts as deleted', async () => {
  const net = loseFirstAnswer(api.fetch, (request) => request.method === 'DELETE');
  const client = api.client({ fetch: net.fetch, ...retryAtOnce });
  const { email, password } = api.account('user');
  await client.auth.login({ email, password });
  const { id } = await client.me.apiKeys.create({ name: 'flaky' });
  await client.me.apiKeys.delete(id);
  expect(net.lost()).toBe(true);
  expect((await client.me.apiKeys.list()).items.map((k) => k.id)).not.toContain(id);
});

test('me.apiKeys: another user\'s key is not found', async () => {
  const admin = await api.loginAs('admin');
  const { id } = await admin.me.apiKeys.create({ name: 'admin key' });
  const user = await api.loginAs('user');
  await expect(user.me.apiKeys.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
  await expect(user.me.apiKeys.reveal(id)).rejects.toMatchObject({ status: 404, message: 'API密钥不存在' });
});

test('ids: a key id that is not a UUID is refused before anything is sent', async () => {
  const sent: string[] = [];
  const client = await api.loginAs('user', { onRequest: (r) => void sent.push(r.url) });
  const before = sent.length;
  await expect(client.me.apiKeys.retrieve('../../admin/users')).rejects.toThrow('Failed to call GET /api/users/me/api-keys/{key_id}: `keyId` must be a UUID.');
  await expect(client.users.apiKeys.delete(UNKNOWN, '42')).rejects.toThrow(TypeError);
  expect(sent).toHaveLength(before);
});

test('users.apiKeys.create: an admin issues a key to a user; {} is enough, named by the time', async () => {
  const admin = await api.loginAs('admin');
  const user_id = api.idOf('user');
  const named = await admin.users.apiKeys.create(user_id, { name: 'Key-2026-12-01', expire_days: 30 });
  expect(named).toMatchObject({ name: 'Key-2026-12-01', key: expect.stringMatching(FULL_KEY), message: 'API Key创建成功，请妥善保存完整密钥' });
  expect(Date.parse(named.expires_at!) - Date.parse(named.created_at)).toBe(30 * 24 * 60 * 60_000);
  const unnamed = await admin.users.apiKeys.create(user_id);
  expect(unnamed.name).toMatch(/^API Key \d{14}$/);
  expect(unnamed).toMatchObject({ rate_limit: 100, expires_at: null });
});

test('users.apiKeys.list: the user\'s keys with their email, name and total; is_active filters', async () => {
  const admin = await api.loginAs('admin');
  const user = await api.loginAs('user');
  const { id } = await user.me.apiKeys.create({ name: 'to disable' });
  await user.me.apiKeys.toggle(id);
  const user_id = api.idOf('user');
  const all = await admin.users.apiKeys.list(user_id);
  expect(all).toMatchObject({ user_email: api.account('user').email, username: api.account('user').username, total: all.api_keys.length });
  const active = await admin.users.apiKeys.list(user_id, { is_active: true });
  expect(active.api_keys.map((k) => k.id)).not.toContain(id);
  expect(all.api_keys.map((k) => k.id)).toContain(id);
});

test('users.apiKeys.delete: revoked for good; a key of another user is 404 API Key不存在或不属于该用户', async () => {
  const admin = await api.loginAs('admin');
  const user_id = api.idOf('user');
  const { id } = await admin.users.apiKeys.create(user_id, { name: 'temp' });
  const adminId = api.idOf('admin');
  const wrongOwner = await admin.users.apiKeys.delete(adminId, id).catch((e) => e);
  expect(wrongOwner).toBeInstanceOf(NotFoundError);
  expect(wrongOwner.message).toBe('API Key不存在或不属于该用户');
  await admin.users.apiKeys.delete(user_id, id);
  expect((await admin.users.apiKeys.list(user_id)).api_keys.map((k) => k.id)).not.toContain(id);
});
