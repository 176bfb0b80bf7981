import { expect, test } from 'vitest';
import { ApiError, NotFoundError, PermissionDeniedError } from '../../src/index.js';
import { useNewApi } from '../support/harness.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';

const api = useNewApi();

const seeded = (role: number, nth = 0) => {
  const account = api.server.accounts.filter((a) => a.role === role)[nth]!;
  return { ...account, row: api.server.state.users.find((u) => u.username === account.username)! };
};
const HIGHER = 'No permission to update users of same or higher permission level';
const QUOTA_RANGE =
  'Failed to change the quota: the result would pass ±9007199254740991, the largest quota the reference server keeps exactly. Please change it by a smaller amount.';

/** `model.User{Role, Status}` as JSON: what every successful manage action but add_quota answers. */
const zeroUser = (role: number, status: number) => ({
  id: 0, username: '', password: '', original_password: '', display_name: '', role, status, email: '', github_id: '',
  discord_id: '', oidc_id: '', wechat_id: '', telegram_id: '', verification_code: '', quota: 0, used_quota: 0,
  request_count: 0, group: '', aff_code: '', aff_count: 0, aff_quota: 0, aff_history_quota: 0, inviter_id: 0,
  DeletedAt: null, linux_do_id: '', setting: '', stripe_customer: '', created_at: 0, last_login_at: 0,
});

test('users.disable: answers a zero-valued user that carries only the new role and status', async () => {
  const user = seeded(1);
  const result = await (await api.loginAs('root')).users.disable(user.row.id);
  expect(result).toEqual(zeroUser(1, 2));
  expect(user.row.status).toBe(2);
});

test('users.disable / enable: a disabled user cannot log in until enabled again', async () => {
  const user = seeded(1);
  const root = await api.loginAs('root');
  await root.users.disable(user.row.id);
  await expect(api.client().auth.login({ username: user.username, password: user.password })).rejects.toThrow(
    'Username or password is incorrect, or user has been banned',
  );
  expect(await root.users.enable(user.row.id)).toEqual(zeroUser(1, 1));
  await expect(api.client().auth.login({ username: user.username, password: user.password })).resolves.toMatchObject({ status: 1 });
});

test('users.promote / demote: root makes a common user an admin and back', async () => {
  const user = seeded(1);
  const root = await api.loginAs('root');
  expect(await root.users.promote(user.row.id)).toEqual(zeroUser(10, 1));
  expect((await root.users.retrieve(user.row.id)).role).toBe(10);
  await expect(root.users.promote(user.row.id)).rejects.toThrow('This user is already an administrator');
  expect(await root.users.demote(user.row.id)).toEqual(zeroUser(1, 1));
  await expect(root.users.demote(user.row.id)).rejects.toThrow('This user is already a common user');
});

test('users.promote: root only; an admin is refused even for a common user', async () => {
  const user = seeded(1);
  const err = await (await api.loginAs(seeded(10).username)).users.promote(user.row.id).catch((e) => e);
  expect(err).toBeInstanceOf(PermissionDeniedError);
  expect(err.message).toBe('Regular administrators cannot promote other users to administrator');
  expect(user.row.role).toBe(1);
});

test('users: an admin manages common users only: another admin and root are refused', async () => {
  const admin = await api.loginAs(seeded(10).username);
  await expect(admin.users.disable(seeded(1).row.id)).resolves.toEqual(zeroUser(1, 2));
  for (const target of [seeded(10).row.id, 1]) {
    const err = await admin.users.disable(target).catch((e) => e);
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect(err.message).toBe(HIGHER);
  }
  await expect(admin.users.demote(seeded(10).row.id)).rejects.toThrow(HIGHER);
});

test('users: root cannot disable, demote or soft-delete root', async () => {
  const root = await api.loginAs('root');
  await expect(root.users.disable(1)).rejects.toThrow('Cannot disable super administrator user');
  await expect(root.users.demote(1)).rejects.toThrow('Cannot demote super administrator user');
  await expect(root.users.softDelete(1)).rejects.toThrow('Cannot delete super administrator account');
  expect(api.server.state.users[0]).toMatchObject({ role: 100, status: 1, deleted_at: null });
});

test('users: root can demote another admin', async () => {
  const admin = seeded(10);
  expect(await (await api.loginAs('root')).users.demote(admin.row.id)).toEqual(zeroUser(1, 1));
  expect(admin.row.role).toBe(1);
});

test('users.softDelete: JUL26 soft-deletes, then answers record not found (its re-read is scoped)', async () => {
  const user = seeded(1);
  const root = await api.loginAs('root');
  const err = await root.users.softDelete(user.row.id).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err.message).toBe('record not found');
  // ...and yet it happened: the user is listed as deleted, and retrieve no longer finds it.
  expect((await root.users.search({ status: -1 })).items.map((u) => u.id)).toContain(user.row.id);
  await expect(root.users.retrieve(user.row.id)).rejects.toThrow('record not found');
  await expect(api.client().auth.login({ username: user.username, password: user.password })).rejects.toThrow(
    'Username or password is incorrect, or user has been banned',
  );
});

test('users: every action but addQuota on a soft-deleted user answers record not found and changes nothing', async () => {
  const deleted = api.server.state.users.find((u) => u.deleted_at !== null)!;
  const before = structuredClone(deleted);
  const root = await api.loginAs('root');
  for (const action of ['enable', 'disable', 'promote', 'softDelete'] as const) {
    await expect(root.users[action](deleted.id)).rejects.toThrow('record not found');
  }
  await expect(root.users.addQuota(deleted.id, { mode: 'add', value: 1000 })).resolves.toBeUndefined();
  expect(deleted).toEqual(before);
});

test('manage: an unknown action is a silent success that changes nothing', async () => {
  const user = seeded(1);
  const headers = await sessionHeaders(api, 'root');
  const before = structuredClone(api.server.state.users);
  const response = await api.raw('/api/user/manage', jsonInit('POST', { id: user.row.id, action: 'frobnicate' }, headers));
  expect(await response.json()).toEqual({ success: true, message: '', data: zeroUser(1, 1) });
  expect(api.server.state.users).toEqual(before);
});

test('users.addQuota: add, subtract and override', async () => {
  const user = seeded(1);
  const root = await api.loginAs('root');
  const start = user.row.quota;
  await root.users.addQuota(user.row.id, { mode: 'add', value: root.usdToQuota(10) });
  expect((await root.users.retrieve(user.row.id)).quota).toBe(start + 5_000_000);
  await root.users.addQuota(user.row.id, { mode: 'subtract', value: 1_000_000 });
  expect((await root.users.retrieve(user.row.id)).quota).toBe(start + 4_000_000);
  await root.users.addQuota(user.row.id, { mode: 'override', value: 42 });
  expect((await root.users.retrieve(user.row.id)).quota).toBe(42);
  // Override takes any value, even below zero.
  await root.users.addQuota(user.row.id, { mode: 'override', value: -1 });
  expect((await root.users.retrieve(user.row.id)).quota).toBe(-1);
});

test('users.addQuota: subtract goes below zero as upstream\'s `quota - ?` does (JUL26 checks only that the amount is positive)', async () => {
  const user = seeded(1);
  const root = await api.loginAs('root');
  await root.users.addQuota(user.row.id, { mode: 'override', value: 10 });
  await root.users.addQuota(user.row.id, { mode: 'subtract', value: 25 });
  expect((await root.users.retrieve(user.row.id)).quota).toBe(-15);
});

test('users.addQuota: a result past ±(2^53 − 1) is refused and the quota stays exact', async () => {
  const user = seeded(1);
  const root = await api.loginAs('root');
  await root.users.addQuota(user.row.id, { mode: 'override', value: Number.MAX_SAFE_INTEGER - 1 });
  const err = await root.users.addQuota(user.row.id, { mode: 'add', value: 2 }).catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err.message).toBe(QUOTA_RANGE);
  expect(user.row.quota).toBe(Number.MAX_SAFE_INTEGER - 1);
  await root.users.addQuota(user.row.id, { mode: 'add', value: 1 });
  expect((await root.users.retrieve(user.row.id)).quota).toBe(Number.MAX_SAFE_INTEGER);

  await root.users.addQuota(user.row.id, { mode: 'override', value: -Number.MAX_SAFE_INTEGER + 1 });
  await expect(root.users.addQuota(user.row.id, { mode: 'subtract', value: 2 })).rejects.toThrow(QUOTA_RANGE);
  expect(user.row.quota).toBe(-Number.MAX_SAFE_INTEGER + 1);
});

test('manage add_quota: a value Go could not decode as an int, or past 2^53 − 1, is "Invalid parameters" and changes nothing', async () => {
  const user = seeded(1);
  const headers = await sessionHeaders(api, 'root');
  const start = user.row.quota;
  // 1e3 and fractions fail strconv.ParseInt (JSON.parse reads 9007199254740990.5 as a whole 9007199254740990), 1e30
  // is past int64; 2^53 + 1 fits int64 but no JavaScript number holds it.
  for (const value of ['1e3', '2.5', '9007199254740990.5', '1e30', '9007199254740993', '"5"']) {
    const body = `{"id":${user.row.id},"action":"add_quota","mode":"override","value":${value}}`;
    const response = await api.raw('/api/user/manage', jsonInit('POST', body, headers));
    expect(await response.json(), value).toEqual({ success: false, message: 'Invalid parameters' });
  }
  expect(user.row.quota).toBe(start);
});

test('users.addQuota: zero or a negative amount to add or subtract is refused', async () => {
  const user = seeded(1);
  const root = await api.loginAs('root');
  const start = user.row.quota;
  for (const [mode, value] of [['add', 0], ['subtract', 0], ['add', -5]] as const) {
    const err = await root.users.addQuota(user.row.id, { mode, value }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe('Quota change amount cannot be zero');
  }
  expect(user.row.quota).toBe(start);
});

test('manage add_quota: an unknown mode is "Invalid parameters"', async () => {
  const user = seeded(1);
  const headers = await sessionHeaders(api, 'root');
  const response = await api.raw('/api/user/manage', jsonInit('POST', { id: user.row.id, action: 'add_quota', mode: 'double', value: 1 }, headers));
  expect(await response.json()).toEqual({ success: false, message: 'Invalid parameters' });
});
