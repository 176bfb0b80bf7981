import { expect, expectTypeOf, test } from 'vitest';
import { NotFoundError, PermissionDeniedError, ValidationError, type PagePromise } from '../../src/index.js';
import type { AetherClient, UserListItem } from '../../src/aether/index.js';
import { useAether } from '../support/aether-client.js';
import { loseFirstAnswer, retryAtOnce } from '../support/lost-answer.js';

const api = useAether();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const NEW_USER = { username: 'mei_chen', email: 'mei@example.com', password: 'Blue-lotus-42' };

test('users.list: a bare skip/limit list without a total; for await walks every page', async () => {
  const admin = await api.loginAs('admin');
  const sent: string[] = [];
  const paging = await api.loginAs('admin', { onRequest: (r) => void sent.push(new URL(r.url).search) });
  const all = (await admin.users.list({ pageSize: 1000 })).items;
  const first = await paging.users.list({ pageSize: 2 });
  expect(first.total).toBeUndefined();
  expect(first.items).toHaveLength(2);
  const walked: string[] = [];
  for await (const user of paging.users.list({ pageSize: 2 })) walked.push(user.id);
  expect(walked).toEqual(all.map((u) => u.id));
  // Page n asks for skip = (n - 1) × limit; a full last page costs one more request, which comes back empty.
  expect(sent.slice(2)).toEqual(Array.from({ length: Math.floor(all.length / 2) + 1 }, (_, i) => `?skip=${2 * i}&limit=2`));
  expect(all[0]).not.toHaveProperty('allowed_models');
  expectTypeOf<ReturnType<AetherClient['users']['list']>>().toEqualTypeOf<PagePromise<UserListItem, number | undefined>>();
});

test('users.list: role and is_active filter', async () => {
  const admin = await api.loginAs('admin');
  const admins = (await admin.users.list({ role: 'admin' })).items;
  expect(admins.length).toBeGreaterThan(0);
  expect(admins.every((u) => u.role === 'admin')).toBe(true);
  const { id } = await admin.users.create(NEW_USER);
  await admin.users.update(id, { is_active: false });
  expect((await admin.users.list({ is_active: false })).items.map((u) => u.id)).toContain(id);
  expect((await admin.users.list({ is_active: true })).items.map((u) => u.id)).not.toContain(id);
});

test('users.list: a limit over 1000 is FastAPI\'s 422, a ValidationError naming query.limit', async () => {
  const admin = await api.loginAs('admin');
  const err = await Promise.resolve(admin.users.list({ pageSize: 1001 })).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err.status).toBe(422);
  expect(err.message).toBe('query.limit: Input should be less than or equal to 1000');
  expect(err.body.detail[0]).toMatchObject({ type: 'less_than_equal', loc: ['query', 'limit'] });
});

test('users.create: $10 unless told; null is unlimited; the new user logs in by email', async () => {
  const admin = await api.loginAs('admin');
  const created = await admin.users.create(NEW_USER);
  expect(created).toMatchObject({ username: 'mei_chen', email: 'mei@example.com', role: 'user', quota_usd: 10, used_usd: 0, is_active: true, allowed_models: null });
  const unlimited = await admin.users.create({ username: 'lan_li', email: 'lan@example.com', password: 'Red-maple-2026', quota_usd: null, role: 'admin' });
  expect(unlimited).toMatchObject({ quota_usd: null, role: 'admin' });
  const { user_id } = await api.client().auth.login({ email: NEW_USER.email, password: NEW_USER.password });
  expect(user_id).toBe(created.id);
});

test('users.create: upstream\'s messages, one at a time, as ValidationErrors', async () => {
  const admin = await api.loginAs('admin');
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ ...NEW_USER, username: 'a' }, '用户名: 字符串长度至少需要 2 个字符'],
    [{ ...NEW_USER, email: 'x@example.c' }, '邮箱格式不正确'],
    [{ ...NEW_USER, username: 'webhook' }, '该用户名为系统保留用户名'],
    [{ ...NEW_USER, password: 'ADMIN@123' }, '密码过于简单，请使用更复杂的密码'],
    [{ ...NEW_USER, quota_usd: 20000 }, '配额: 配额必须在 0-10000 范围内'],
    [{ ...NEW_USER, email: api.account('user').email }, `邮箱已存在: ${api.account('user').email}`],
  ];
  for (const [body, message] of cases) {
    const err = await admin.users.create(body as never).catch((e) => e);
    expect(err, message).toBeInstanceOf(ValidationError);
    expect(err, message).toMatchObject({ status: 400, code: 'invalid_request', message });
  }
});

test('users.retrieve: the full user; an unknown id is a NotFoundError with resource_type user', async () => {
  const admin = await api.loginAs('admin');
  const { id } = await admin.users.create(NEW_USER);
  expect(await admin.users.retrieve(id)).toMatchObject({ id, email: NEW_USER.email, last_login_at: null, allowed_providers: null });
  const err = await admin.users.retrieve(UNKNOWN).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err).toMatchObject({ code: 'not_found', message: '用户不存在' });
  expect(err.body.error.details).toEqual({ resource_type: 'user' });
});

test('users.retrieve: an id that is not a UUID is refused before anything is sent', async () => {
  const admin = await api.loginAs('admin');
  await expect(admin.users.retrieve('42')).rejects.toThrow('Failed to call GET /api/admin/users/{user_id}: `userId` must be a UUID.');
  await expect(admin.users.resetQuota(undefined as never)).rejects.toThrow(TypeError);
});

test('users.update: only the fields given change; the email is lower-cased; null clears a quota or a list', async () => {
  const admin = await api.loginAs('admin');
  const { id } = await admin.users.create(NEW_USER);
  const updated = await admin.users.update(id, { email: 'Mei.Chen@Example.com', quota_usd: null, allowed_models: ['gpt-4o'] });
  expect(updated).toMatchObject({ id, username: 'mei_chen', email: 'mei.chen@example.com', quota_usd: null, allowed_models: ['gpt-4o'], allowed_providers: null });
  expect(updated.updated_at).not.toBeNull();
  expect((await admin.users.update(id, { allowed_models: null })).allowed_models).toBeNull();
});

test('users.update: a disabled user is refused at their next call (403 用户不存在或已禁用)', async () => {
  const admin = await api.loginAs('admin');
  const { id } = await admin.users.create(NEW_USER);
  const mei = api.client();
  await mei.auth.login({ email: NEW_USER.email, password: NEW_USER.password });
  await admin.users.update(id, { is_active: false });
  await expect(mei.me.retrieve()).rejects.toMatchObject({ status: 403, message: '用户不存在或已禁用' });
});

test('users: a user who is not an admin gets a PermissionDeniedError 需要管理员权限', async () => {
  const user = await api.loginAs('user');
  const err = await user.users.list().catch((e) => e);
  expect(err).toBeInstanceOf(PermissionDeniedError);
  expect(err).toMatchObject({ status: 403, code: 'http_error', message: '需要管理员权限' });
});

test('users.delete: gone with their keys; a second delete is a NotFoundError 用户不存在 (http_error)', async () => {
  const admin = await api.loginAs('admin');
  const { id } = await admin.users.create(NEW_USER);
  await admin.users.apiKeys.create(id, { name: 'theirs' });
  await admin.users.delete(id);
  const err = await admin.users.delete(id).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err).toMatchObject({ code: 'http_error', message: '用户不存在' });
  await expect(admin.users.apiKeys.list(id)).rejects.toBeInstanceOf(NotFoundError);
});

test('users.delete: a retry after a lost answer counts as deleted', async () => {
  const net = loseFirstAnswer(api.fetch, (request) => request.method === 'DELETE');
  const admin = api.client({ fetch: net.fetch, ...retryAtOnce });
  await admin.auth.login({ email: api.account('admin').email, password: api.account('admin').password });
  const { id } = await admin.users.create(NEW_USER);
  await admin.users.delete(id);
  expect(net.lost()).toBe(true);
  await expect(admin.users.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
});

test('users.delete: the last admin cannot be deleted (不能删除最后一个管理员账户)', async () => {
  const admin = await api.loginAs('admin');
  const me = await admin.me.retrieve();
  for (const other of (await admin.users.list({ role: 'admin' })).items) if (other.id !== me.id) await admin.users.delete(other.id);
  const err = await admin.users.delete(me.id).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err).toMatchObject({ status: 400, message: '不能删除最后一个管理员账户' });
});

test('users.resetQuota: used_usd back to 0, quota_usd and total_usd kept', async () => {
  const admin = await api.loginAs('admin');
  const { id } = await admin.users.create({ ...NEW_USER, quota_usd: 5 });
  await api.raw('/__mock/usages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user_id: id, total_cost_usd: 1.25 }) });
  const before = await admin.users.retrieve(id);
  expect(before.used_usd).toBeGreaterThan(0);
  const reset = await admin.users.resetQuota(id);
  expect(reset).toEqual({ message: '配额已重置', user_id: id, quota_usd: 5, used_usd: 0, total_usd: before.total_usd });
  expect((await admin.users.retrieve(id)).used_usd).toBe(0);
});

test('users: every call of upstream\'s console usersApi (the seed document) has an SDK method that sends the same request', async () => {
  const sent: string[] = [];
  const admin = await api.loginAs('admin', {
    onRequest: async (request) => void sent.push(`${request.method} ${new URL(request.url).pathname} ${await request.clone().text()}`.trim()),
  });
  sent.length = 0;
  const id = api.idOf('user');
  // In usersApi's order: getAllUsers, getUser, createUser, updateUser, deleteUser, getUserApiKeys, createApiKey,
  // deleteApiKey, resetUserQuota, getUsageStats.
  await admin.users.list();
  await admin.users.retrieve(id);
  const created = await admin.users.create(NEW_USER);
  await admin.users.update(created.id, { quota_usd: 20 });
  await admin.users.delete(created.id);
  await admin.users.apiKeys.list(id);
  const key = await admin.users.apiKeys.create(id, { name: 'Key-2026-12-01' });
  await admin.users.apiKeys.delete(id, key.id);
  await admin.users.resetQuota(id);
  await admin.usage.stats();
  expect(sent).toEqual([
    'GET /api/admin/users',
    `GET /api/admin/users/${id}`,
    `POST /api/admin/users ${JSON.stringify(NEW_USER)}`,
    `PUT /api/admin/users/${created.id} {"quota_usd":20}`,
    `DELETE /api/admin/users/${created.id}`,
    `GET /api/admin/users/${id}/api-keys`,
    `POST /api/admin/users/${id}/api-keys {"name":"Key-2026-12-01"}`,
    `DELETE /api/admin/users/${id}/api-keys/${key.id}`,
    `PATCH /api/admin/users/${id}/quota`,
    'GET /api/admin/usage/stats',
  ]);
});
