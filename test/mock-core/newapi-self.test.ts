import { afterAll, expect, test } from 'vitest';
import { json, loginAs, newApiServer, serverErrors } from './support.js';

afterAll(() => expect(serverErrors.splice(0)).toEqual([]));

test('register: validator messages name the field and the tag', async () => {
  const server = await newApiServer();
  const register = async (body: object) => (await server.fetch('/api/user/register', json('POST', body))).json();
  expect(await register({ username: 'shorty', password: 'short' })).toEqual({
    success: false,
    message: "Invalid input Key: 'User.Password' Error:Field validation for 'Password' failed on the 'min' tag",
  });
  expect((await register({ username: 'x'.repeat(21), password: 'y'.repeat(21) })).message).toBe(
    "Invalid input Key: 'User.Username' Error:Field validation for 'Username' failed on the 'max' tag\n" +
      "Key: 'User.Password' Error:Field validation for 'Password' failed on the 'max' tag",
  );
  expect(await register({ username: '   ', password: 'password123' })).toEqual({ success: false, message: 'Invalid parameters' });
  expect(await register({ username: 'typed', password: 12345678 })).toEqual({ success: false, message: 'Invalid parameters' });
});

test('register: a soft-deleted user\'s name stays taken', async () => {
  const server = await newApiServer();
  const deleted = server.state.users.find((u) => u.deleted_at !== null)!;
  const response = await server.fetch('/api/user/register', json('POST', { username: deleted.username, password: 'password123' }));
  expect(await response.json()).toEqual({ success: false, message: 'Username already exists or has been deleted' });
});

test('register: a new user gets role 1, group default, display name, own aff code and the inviter link', async () => {
  const server = await newApiServer({ settings: { QuotaForNewUser: 100, QuotaForInvitee: 7, QuotaForInviter: 9, PaymentComplianceConfirmed: true } });
  const inviter = server.state.users[2]!;
  const response = await server.fetch('/api/user/register', json('POST', { username: '  invited  ', password: 'password123', aff_code: inviter.aff_code }));
  expect(await response.json()).toEqual({ success: true, message: '' });
  const user = server.state.users.at(-1)!;
  expect(user).toMatchObject({ username: 'invited', display_name: 'invited', role: 1, status: 1, group: 'default', quota: 107, inviter_id: inviter.id });
  expect(user.aff_code).toMatch(/^[0-9a-zA-Z]{4}$/);
  expect(inviter).toMatchObject({ aff_count: 1, aff_quota: 9, aff_history_quota: 9 });
});

test('register: the email verification gate asks for email and code', async () => {
  const server = await newApiServer({ settings: { EmailVerificationEnabled: true } });
  const response = await server.fetch('/api/user/register', json('POST', { username: 'mailer', password: 'password123' }));
  expect(await response.json()).toEqual({ success: false, message: 'Email verification is enabled, please enter email address and verification code' });
  const wrong = await server.fetch('/api/user/register', json('POST', { username: 'mailer', password: 'password123', email: 'm@example.com', verification_code: '1' }));
  expect(await wrong.json()).toEqual({ success: false, message: 'Verification code is incorrect or has expired' });
});

test('self: GET has the documented keys and role-based permissions', async () => {
  const server = await newApiServer();
  const account = server.accounts.find((a) => a.role === 1)!;
  const { data } = await (await server.fetch('/api/user/self', { headers: await loginAs(server, account.username, account.password) })).json();
  expect(Object.keys(data).sort()).toEqual(
    ['id', 'username', 'display_name', 'role', 'status', 'email', 'github_id', 'discord_id', 'oidc_id', 'wechat_id', 'telegram_id', 'linux_do_id',
      'group', 'quota', 'used_quota', 'request_count', 'aff_code', 'aff_count', 'aff_quota', 'aff_history_quota', 'inviter_id', 'setting',
      'stripe_customer', 'sidebar_modules', 'permissions'].sort(),
  );
  expect(data.permissions).toEqual({ sidebar_settings: true, sidebar_modules: { admin: false } });
  expect(JSON.parse(data.setting)).toMatchObject({ gotify_priority: 0 });
  expect(JSON.parse(data.sidebar_modules)).toHaveProperty('console');
});

test('self: PUT sidebar_modules answers "Update successful" with data null', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  const response = await server.fetch('/api/user/self', json('PUT', { sidebar_modules: '{"chat":{"enabled":false}}' }, headers));
  expect(await response.json()).toEqual({ success: true, message: 'Update successful', data: null });
  expect(server.state.users[0]!.setting).toBe('{"gotify_priority":0,"sidebar_modules":"{\\"chat\\":{\\"enabled\\":false}}"}');
});

test('self: changing the password needs the right original password', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  const wrong = await server.fetch('/api/user/self', json('PUT', { password: 'newpassword', original_password: 'nope' }, headers));
  expect(await wrong.json()).toEqual({ success: false, message: 'Original password is incorrect' });
  const right = await server.fetch('/api/user/self', json('PUT', { password: 'newpassword', original_password: '123456', display_name: 'Boss' }, headers));
  expect(await right.json()).toEqual({ success: true, message: '' });
  expect(server.state.users[0]).toMatchObject({ display_name: 'Boss', username: 'root' });
  await loginAs(server, 'root', 'newpassword');
  const tooShort = await server.fetch('/api/user/self', json('PUT', { password: 'short', original_password: 'newpassword' }, headers));
  expect(await tooShort.json()).toEqual({ success: false, message: 'Invalid input' });
});

test('self: DELETE refuses root and soft-deletes others, whose session lingers on record not found', async () => {
  const server = await newApiServer();
  const rootHeaders = await loginAs(server, 'root', '123456');
  expect(await (await server.fetch('/api/user/self', { method: 'DELETE', headers: rootHeaders })).json()).toEqual({
    success: false,
    message: 'Cannot delete super administrator account',
  });
  const account = server.accounts.find((a) => a.role === 1)!;
  const headers = await loginAs(server, account.username, account.password);
  expect(await (await server.fetch('/api/user/self', { method: 'DELETE', headers })).json()).toEqual({ success: true, message: '' });
  expect(server.state.users.find((u) => u.username === account.username)!.deleted_at).not.toBeNull();
  expect(await (await server.fetch('/api/user/self', { headers })).json()).toEqual({ success: false, message: 'record not found' });
});

test('groups: public defaults, and the caller\'s own group with desc 用户分组', async () => {
  const server = await newApiServer();
  expect((await (await server.fetch('/api/user/groups')).json()).data).toEqual({
    default: { ratio: 1, desc: '默认分组' },
    vip: { ratio: 1, desc: 'vip分组' },
  });
  const user = server.state.users.find((u) => u.role === 1 && u.status === 1 && u.deleted_at === null)!;
  user.group = 'svip';
  const account = server.accounts.find((a) => a.username === user.username)!;
  const { data } = await (await server.fetch('/api/user/self/groups', { headers: await loginAs(server, account.username, account.password) })).json();
  expect(data.svip).toEqual({ ratio: 1, desc: '用户分组' });
});

test('models: enabled models of usable groups; null when there are none', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  const { data } = await (await server.fetch('/api/user/models', { headers })).json();
  expect(data).toContain('gpt-4o-mini');
  expect(data).not.toContain('o3-mini');
  expect((await (await server.fetch('/api/user/models?group=nope', { headers })).json()).data).toEqual([]);
  server.state.abilities = [];
  expect(await (await server.fetch('/api/user/models', { headers })).json()).toEqual({ success: true, message: '', data: null });
});
