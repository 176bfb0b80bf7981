import { expect, test } from 'vitest';
import { ApiError } from '../../src/index.js';
import { TwoFactorRequiredError, type NewApiClient } from '../../src/newapi/index.js';
import { totpCode } from '../../mocks/index.js';
import { useNewApi } from '../support/harness.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';

const api = useNewApi();

const account = () => api.server.accounts.find((a) => a.role === 1)!;
const row = (username: string) => api.server.state.users.find((u) => u.username === username)!;
const code = (secret: string) => totpCode(secret, api.server.clock.now());
const message = (promise: Promise<unknown>) => promise.then(() => 'resolved', (err: ApiError) => err.message);

/** A common user with 2FA set up and enabled through the API; returns the secret and backup codes too. */
async function withTwoFactor(): Promise<{ client: NewApiClient; secret: string; backupCodes: string[]; username: string; password: string }> {
  const { username, password } = account();
  const client = await api.loginAs(username);
  const setup = await client.twoFactor.setup();
  await client.twoFactor.enable({ code: await code(setup.secret) });
  return { client, secret: setup.secret, backupCodes: setup.backup_codes, username, password };
}

test('2FA: setup → enable → logout → login asks for a code → a backup code works once only', async () => {
  const { username, password } = account();
  const client = await api.loginAs(username);
  const setup = await client.twoFactor.setup();
  expect(setup.backup_codes).toHaveLength(4);
  for (const backup of setup.backup_codes) expect(backup).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  expect(await client.twoFactor.status()).toEqual({ enabled: false, locked: false });
  await client.twoFactor.enable({ code: await code(setup.secret) });
  expect(await client.twoFactor.status()).toEqual({ enabled: true, locked: false, backup_codes_remaining: 4 });
  await client.auth.logout();

  await expect(client.auth.login({ username, password })).rejects.toBeInstanceOf(TwoFactorRequiredError);
  await client.auth.verifyTwoFactor({ code: setup.backup_codes[0]! });
  expect(await client.twoFactor.status()).toEqual({ enabled: true, locked: false, backup_codes_remaining: 3 });
  await client.auth.logout();

  const again = api.client();
  await expect(again.auth.login({ username, password })).rejects.toBeInstanceOf(TwoFactorRequiredError);
  expect(await message(again.auth.verifyTwoFactor({ code: setup.backup_codes[0]! }))).toBe('验证码或备用码错误，请重试');
  await expect(again.auth.verifyTwoFactor({ code: await code(setup.secret) })).resolves.toMatchObject({ username });
});

test('2FA: setup answers upstream\'s message and an otpauth URI built exactly as upstream (not URL-encoded)', async () => {
  const { username } = account();
  const root = await sessionHeaders(api, username);
  const body = await (await api.raw('/api/user/2fa/setup', { method: 'POST', headers: root })).json();
  expect(body.message).toBe('2FA设置初始化成功，请使用认证器扫描二维码并输入验证码完成设置');
  expect(body.data.secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(body.data.qr_code_data).toBe(`otpauth://totp/New API:${username} (New API)?secret=${body.data.secret}&issuer=New API&digits=6&period=30`);
});

test('2FA: the issuer is the SystemName option', async () => {
  api.server.state.settings.SystemName = 'Acme AI';
  const setup = await (await api.loginAs('root')).twoFactor.setup();
  expect(setup.qr_code_data).toBe(`otpauth://totp/Acme AI:root (Acme AI)?secret=${setup.secret}&issuer=Acme AI&digits=6&period=30`);
});

test('2FA: backup codes match without regard to case or dashes', async () => {
  const { backupCodes, username, password } = await withTwoFactor();
  const loose = backupCodes[1]!.replace('-', '').toLowerCase();
  await expect(api.client().auth.login({ username, password, twoFactorCode: loose })).resolves.toMatchObject({ username });
});

test('2FA: a code from one step before or after still works; two steps off does not', async () => {
  const { secret, username, password } = await withTwoFactor();
  const now = api.server.clock.now();
  await expect(api.client().auth.login({ username, password, twoFactorCode: await totpCode(secret, now - 30_000) })).resolves.toBeDefined();
  await expect(api.client().auth.login({ username, password, twoFactorCode: await totpCode(secret, now + 30_000) })).resolves.toBeDefined();
  expect(await message(api.client().auth.login({ username, password, twoFactorCode: await totpCode(secret, now - 90_000) }))).toBe('验证码或备用码不正确');
});

test('2FA: five failures lock the account for 300 s on the server clock, then a right code works', async () => {
  const { client, secret, username, password } = await withTwoFactor();
  const attempt = async (twoFactorCode: string) => message(api.client().auth.login({ username, password, twoFactorCode }));
  for (let i = 0; i < 4; i++) expect(await attempt('000000')).toBe('验证码或备用码不正确');
  const locked = await attempt('000000');
  expect(locked).toMatch(/^账户已被锁定，请在\d{4}-\d\d-\d\d \d\d:\d\d:\d\d后重试$/);
  expect(await attempt(await code(secret))).toBe(locked);
  expect(await client.twoFactor.status()).toMatchObject({ locked: true });
  api.server.clock.advance(299_000);
  expect(await attempt(await code(secret))).toBe(locked);
  api.server.clock.advance(1_000);
  expect(await client.twoFactor.status()).toMatchObject({ locked: false });
  expect(await attempt(await code(secret))).toBe('resolved');
});

test('2FA: enable refuses without setup, a malformed or wrong code, and twice', async () => {
  const client = await api.loginAs(account().username);
  expect(await message(client.twoFactor.enable({ code: '123456' }))).toBe('请先完成2FA初始化设置');
  const setup = await client.twoFactor.setup();
  expect(await message(client.twoFactor.enable({ code: '12345' }))).toBe('验证码必须是6位数字');
  expect(await message(client.twoFactor.enable({ code: 'abcdef' }))).toBe('验证码只能包含数字');
  const wrong = (await code(setup.secret)) === '000000' ? '111111' : '000000';
  expect(await message(client.twoFactor.enable({ code: wrong }))).toBe('验证码或备用码错误，请重试');
  await client.twoFactor.enable({ code: ` ${(await code(setup.secret)).replace(/(...)/, '$1 ')}` });
  expect(await message(client.twoFactor.enable({ code: await code(setup.secret) }))).toBe('2FA已经启用');
  expect(await message(client.twoFactor.setup())).toBe('用户已启用2FA，请先禁用后重新设置');
});

test('2FA: a second setup before enabling replaces the secret and the backup codes', async () => {
  const client = await api.loginAs(account().username);
  const first = await client.twoFactor.setup();
  const second = await client.twoFactor.setup();
  expect(second.secret).not.toBe(first.secret);
  await client.twoFactor.enable({ code: await code(second.secret) });
  const { username, password } = account();
  expect(await message(api.client().auth.login({ username, password, twoFactorCode: first.backup_codes[0]! }))).toBe('验证码或备用码错误，请重试');
});

test('2FA: disable with a TOTP or a backup code turns it off; login no longer asks', async () => {
  const { client, backupCodes, username, password } = await withTwoFactor();
  expect(await message(client.twoFactor.disable({ code: 'ZZZZ-ZZZZ' }))).toBe('验证码或备用码错误，请重试');
  await client.twoFactor.disable({ code: backupCodes[2]! });
  expect(await client.twoFactor.status()).toEqual({ enabled: false, locked: false });
  expect(row(username).twofa).toBeNull();
  await expect(api.client().auth.login({ username, password })).resolves.toMatchObject({ username });
  expect(await message(client.twoFactor.disable({ code: '123456' }))).toBe('用户未启用2FA');
});

test('2FA: new backup codes need a TOTP code, and the old ones stop working', async () => {
  const { client, secret, backupCodes, username, password } = await withTwoFactor();
  expect(await message(client.twoFactor.regenerateBackupCodes({ code: backupCodes[0]! }))).toBe('验证码必须是6位数字');
  const fresh = await client.twoFactor.regenerateBackupCodes({ code: await code(secret) });
  expect(fresh).toHaveLength(4);
  expect(await message(api.client().auth.login({ username, password, twoFactorCode: backupCodes[0]! }))).toBe('验证码或备用码错误，请重试');
  await expect(api.client().auth.login({ username, password, twoFactorCode: fresh[0]! })).resolves.toMatchObject({ username });
  const other = await api.loginAs('root');
  expect(await message(other.twoFactor.regenerateBackupCodes({ code: '123456' }))).toBe('用户未启用2FA');
});

test('2FA: the SDK refuses an empty code before sending; the server answers 参数错误', async () => {
  const client = await api.loginAs('root');
  await expect(client.twoFactor.enable({ code: '' })).rejects.toThrow(TypeError);
  const root = await sessionHeaders(api, 'root');
  const answer = await (await api.raw('/api/user/2fa/disable', jsonInit('POST', { code: '' }, root))).json();
  expect(answer).toEqual({ success: false, message: '参数错误' });
});

test('users.twoFactorStats: live users, enabled 2FA records, and the rate as Go prints it', async () => {
  const root = await api.loginAs('root');
  const live = api.server.state.users.filter((u) => u.deleted_at === null).length;
  expect(await root.users.twoFactorStats()).toEqual({ total_users: live, enabled_users: 0, enabled_rate: '0.0%' });
  await withTwoFactor();
  expect(await root.users.twoFactorStats()).toEqual({ total_users: live, enabled_users: 1, enabled_rate: `${((1 / live) * 100).toFixed(1)}%` });
});

test('users.disableTwoFactor: an admin turns a common user\'s 2FA off; not an admin\'s', async () => {
  const { username, password } = await withTwoFactor();
  const adminName = api.server.accounts.find((a) => a.role === 10)!.username;
  const admin = await api.loginAs(adminName);
  await admin.users.disableTwoFactor(row(username).id);
  await expect(api.client().auth.login({ username, password })).resolves.toMatchObject({ username });
  expect(await message(admin.users.disableTwoFactor(row(username).id))).toBe('用户未启用2FA');
  expect(await message(admin.users.disableTwoFactor(row('root').id))).toBe('无权操作同级或更高级用户的2FA设置');
  const root = await sessionHeaders(api, 'root');
  const bad = await (await api.raw('/api/user/abc/2fa', { method: 'DELETE', headers: root })).json();
  expect(bad).toEqual({ success: false, message: '用户ID格式错误' });
});

test('users.disableTwoFactor: a set-up but never enabled record is deleted too, as upstream', async () => {
  const { username } = account();
  await (await api.loginAs(username)).twoFactor.setup();
  await (await api.loginAs('root')).users.disableTwoFactor(row(username).id);
  expect(row(username).twofa).toBeNull();
});

test('2FA: the state export holds no TOTP secret (only a sealed copy), and a TOTP code still logs in', async () => {
  const { secret, username, password } = await withTwoFactor();
  const exported = await (await api.raw('/__mock/state')).text();
  expect(exported).not.toContain(secret);
  const twofa = JSON.parse(exported).users.find((u: { username: string }) => u.username === username).twofa;
  expect(Object.keys(twofa)).not.toContain('secret');
  expect(twofa.secret_sealed).toMatch(/^aesgcm\$/);
  await expect(api.client().auth.login({ username, password, twoFactorCode: await code(secret) })).resolves.toMatchObject({ username });
});
