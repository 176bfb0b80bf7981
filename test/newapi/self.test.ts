import { expect, expectTypeOf, test } from 'vitest';
import { ApiError, ConflictError, NotFoundError, ValidationError } from '../../src/index.js';
import type { SelfUpdateParams } from '../../src/newapi/index.js';
import type { Body } from '../../src/newapi/internal/types.js';
import { useNewApi } from '../support/harness.js';
import { sessionHeaders } from '../support/sessions.js';

const api = useNewApi();

/** The n-th seeded account with `role` that can log in, and its database row. */
function seeded(role: number, nth = 0) {
  const account = api.server.accounts.filter((a) => a.role === role)[nth]!;
  return { ...account, row: api.server.state.users.find((u) => u.username === account.username)! };
}

const SELF_KEYS = [
  'id', 'username', 'display_name', 'role', 'status', 'email', 'github_id', 'discord_id', 'oidc_id', 'wechat_id',
  'telegram_id', 'linux_do_id', 'group', 'quota', 'used_quota', 'request_count', 'aff_code', 'aff_count', 'aff_quota',
  'aff_history_quota', 'inviter_id', 'setting', 'stripe_customer', 'sidebar_modules', 'permissions',
];

test('self.retrieve: upstream\'s keys, read from the database; no password, access token or remark', async () => {
  const user = seeded(1);
  user.row.remark = 'an admin-only note';
  const me = await (await api.loginAs(user.username)).self.retrieve();
  expect(Object.keys(me).sort()).toEqual([...SELF_KEYS].sort());
  expect(me).toMatchObject({ id: user.row.id, username: user.username, email: user.row.email, group: user.row.group, quota: user.row.quota });
  // `setting` is JSON text, and `sidebar_modules` is copied out of it as text too.
  expect(JSON.parse(me.setting).sidebar_modules).toBe(me.sidebar_modules);
});

test.each([
  ['root', 100, { sidebar_settings: false, sidebar_modules: {} }],
  ['an admin', 10, { sidebar_settings: true, sidebar_modules: { admin: { setting: false } } }],
  ['a common user', 1, { sidebar_settings: true, sidebar_modules: { admin: false } }],
])('self.retrieve: the permissions of %s', async (_, role, expected) => {
  const { permissions } = await (await api.loginAs(seeded(role).username)).self.retrieve();
  // JUL26 also adds `admin_permissions` (left out by the reference server, see docs/fidelity.md).
  expect({ sidebar_settings: permissions.sidebar_settings, sidebar_modules: permissions.sidebar_modules }).toEqual(expected);
});

test('self.update: sidebar_modules is stored in the settings and read back', async () => {
  const client = await api.loginAs(seeded(1).username);
  const sidebar = JSON.stringify({ chat: { enabled: false } });
  await client.self.update({ sidebar_modules: sidebar });
  const me = await client.self.retrieve();
  expect(me.sidebar_modules).toBe(sidebar);
  expect(JSON.parse(me.setting)).toMatchObject({ sidebar_modules: sidebar });
});

test('self.update: a sidebar_modules that takes the setting past 65,535 bytes is "Update failed"; the setting stays', async () => {
  const user = seeded(1);
  const headers = await sessionHeaders(api, user.username);
  const before = user.row.setting;
  const put = async (sidebar: string) => (await api.raw('/api/user/self', { method: 'PUT', headers, body: JSON.stringify({ sidebar_modules: sidebar }) })).json();
  expect(await put('x'.repeat(65_536))).toEqual({ success: false, message: 'Update failed' });
  expect(user.row.setting).toBe(before);
  expect(await put('x'.repeat(60_000))).toMatchObject({ success: true });
});

test('self.update: the settings answer is "Update successful" with data null', async () => {
  const headers = await sessionHeaders(api, seeded(1).username);
  const response = await api.raw('/api/user/self', { method: 'PUT', headers, body: JSON.stringify({ language: 'en' }) });
  expect(await response.json()).toEqual({ success: true, message: 'Update successful', data: null });
});

test('self.update: language switches the account\'s messages; with sidebar_modules in the same body it is ignored', async () => {
  const user = seeded(1);
  const client = await api.loginAs(user.username);
  await client.self.update({ sidebar_modules: '{}', language: 'zh-CN' });
  expect(JSON.parse(user.row.setting).language).toBeUndefined();
  await client.self.update({ language: 'zh-CN' });
  const err = await client.self.update({ password: 'brand-new-pass', original_password: 'not-my-password' }).catch((e) => e);
  expect(err.message).toBe('原密码错误');
});

test('self.update: profile fields change; the ones left out stay as they were', async () => {
  const user = seeded(1);
  const client = await api.loginAs(user.username);
  await client.self.update({ display_name: 'Renamed' });
  expect(await client.self.retrieve()).toMatchObject({ display_name: 'Renamed', username: user.username });
});

test('self.update: a new password needs the right original_password', async () => {
  const user = seeded(1);
  const client = await api.loginAs(user.username);
  const missing = await client.self.update({ password: 'brand-new-pass' }).catch((e) => e);
  expect(missing).toBeInstanceOf(ApiError);
  expect(missing.message).toBe('Original password is incorrect');
  const wrong = await client.self.update({ password: 'brand-new-pass', original_password: 'not-my-password' }).catch((e) => e);
  expect(wrong.message).toBe('Original password is incorrect');

  await client.self.update({ password: 'brand-new-pass', original_password: user.password });
  await expect(api.client().auth.login({ username: user.username, password: 'brand-new-pass' })).resolves.toMatchObject({ id: user.row.id });
  await expect(api.client().auth.login({ username: user.username, password: user.password })).rejects.toThrow(
    'Username or password is incorrect, or user has been banned',
  );
});

test('self.update: the validator\'s refusal is a bare "Invalid input", without details', async () => {
  const client = await api.loginAs(seeded(1).username);
  const err = await client.self.update({ display_name: 'x'.repeat(21) }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err.message).toBe('Invalid input');
});

test('self.update: taking another user\'s username is the raw database error', async () => {
  const client = await api.loginAs(seeded(1).username);
  const err = await client.self.update({ username: seeded(1, 1).username }).catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err.message).toBe('UNIQUE constraint failed: users.username');
});

test('self.delete: root cannot delete itself', async () => {
  const err = await (await api.loginAs('root')).self.delete().catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err.message).toBe('Cannot delete super administrator account');
  expect(api.server.state.users[0]!.deleted_at).toBeNull();
});

test('self.delete: a soft delete; the user cannot log in again and the username stays taken', async () => {
  const user = seeded(1);
  const client = await api.loginAs(user.username);
  await client.self.delete();
  expect(user.row.deleted_at).not.toBeNull();
  // The session is not cleared and still passes the middleware, but the account is gone.
  await expect(client.self.retrieve()).rejects.toThrow(NotFoundError);
  await expect(client.self.retrieve()).rejects.toThrow('record not found');
  await expect(api.client().auth.login({ username: user.username, password: user.password })).rejects.toThrow(
    'Username or password is incorrect, or user has been banned',
  );
  const again = await api.client().auth.register({ username: user.username, password: 'password123' }).catch((e) => e);
  expect(again).toBeInstanceOf(ConflictError);
  expect(again.message).toBe('Username already exists or has been deleted');
});

test('self.groups: the usable groups with their ratios', async () => {
  const user = seeded(1);
  user.row.group = 'default';
  const groups = await (await api.loginAs(user.username)).self.groups();
  expect(groups).toEqual({ default: { ratio: 1, desc: '默认分组' }, vip: { ratio: 1, desc: 'vip分组' } });
});

test('self.groups: the user\'s own group is always included, described 用户分组', async () => {
  const user = seeded(1);
  user.row.group = 'svip';
  const groups = await (await api.loginAs(user.username)).self.groups();
  expect(groups).toEqual({ default: { ratio: 1, desc: '默认分组' }, svip: { ratio: 1, desc: '用户分组' }, vip: { ratio: 1, desc: 'vip分组' } });
});

test('self.groups: special usable rules and group-to-group ratios apply to the user\'s group', async () => {
  const user = seeded(1);
  user.row.group = 'vip';
  api.server.state.groups.special_usable.vip = { '-:default': '', '+:svip': 'svip for vip users' };
  api.server.state.groups.group_ratio.vip = { svip: 0.8 };
  const groups = await (await api.loginAs(user.username)).self.groups();
  expect(groups).toEqual({ svip: { ratio: 0.8, desc: 'svip for vip users' }, vip: { ratio: 1, desc: 'vip分组' } });
});

test('self.models: the enabled models of every usable group, deduplicated', async () => {
  const user = seeded(1);
  user.row.group = 'default';
  const models = await (await api.loginAs(user.username)).self.models();
  // default: gpt-4o-mini, gpt-4o, claude-3-5-haiku; vip: gpt-4o, claude-sonnet-4 (o3-mini is disabled).
  expect([...models].sort()).toEqual(['claude-3-5-haiku-20241022', 'claude-sonnet-4-20250514', 'gpt-4o', 'gpt-4o-mini']);
});

test('self.models: group narrows to one usable group; a group the user cannot use gives []', async () => {
  const user = seeded(1);
  user.row.group = 'default';
  const client = await api.loginAs(user.username);
  expect([...(await client.self.models({ group: 'vip' }))].sort()).toEqual(['claude-sonnet-4-20250514', 'gpt-4o']);
  expect(await client.self.models({ group: 'svip' })).toEqual([]);
});

test('self.models: the server says null when there are none; the SDK gives []', async () => {
  const user = seeded(1);
  api.server.state.abilities = [];
  const response = await api.raw('/api/user/models', { headers: await sessionHeaders(api, user.username) });
  expect(await response.json()).toEqual({ success: true, message: '', data: null });
  expect(await (await api.loginAs(user.username)).self.models()).toEqual([]);
});

test('self.update: a sidebar_modules or language that is not a string is ignored, yet answered as a success', async () => {
  const user = seeded(1);
  const headers = await sessionHeaders(api, user.username);
  const before = user.row.setting;
  for (const body of [{ sidebar_modules: 42 }, { sidebar_modules: null }, { language: ['zh-CN'] }, { language: null, display_name: 'Not Read' }]) {
    const response = await api.raw('/api/user/self', { method: 'PUT', headers, body: JSON.stringify(body) });
    expect(await response.json()).toEqual({ success: true, message: 'Update successful', data: null });
  }
  expect(user.row.setting).toBe(before);
  expect(user.row.display_name).not.toBe('Not Read');
});

test('types: SelfUpdateParams, a union of named members, is exactly the body the document gives PUT /api/user/self', () => {
  expectTypeOf<SelfUpdateParams>().toEqualTypeOf<Body<'/api/user/self', 'put'>>();
});

test('request id: every answer carries new-api\'s X-Oneapi-Request-Id (time, build prefix, 8 random), and an error keeps it', async () => {
  const anonymous = api.client();
  const error = await anonymous.self.retrieve().catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.requestId).toMatch(/^\d{23}8268d9d6[0-9A-Za-z]{8}$/);
  const again = await anonymous.self.retrieve().catch((e) => e);
  expect(again.requestId).not.toBe(error.requestId);
});
