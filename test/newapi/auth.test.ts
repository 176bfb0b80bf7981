import { expect, test } from 'vitest';
import { ApiError, AuthenticationError, ConflictError, ValidationError } from '../../src/index.js';
import { TwoFactorRequiredError } from '../../src/newapi/index.js';
import { TOTP } from 'otpauth';
import { useNewApi } from '../support/harness.js';
import { turnOnTwoFactor } from '../support/two-factor.js';

const api = useNewApi();

test('login: root / 123456 exists on first start, as upstream creates it', async () => {
  const client = api.client();
  const me = await client.auth.login({ username: 'root', password: '123456' });
  expect(me).toEqual({ id: 1, username: 'root', display_name: 'Root User', role: 100, status: 1, group: 'default' });
  expect(client.userId).toBe(1);
});

test('login: the session cookie carries upstream attributes', async () => {
  const response = await api.raw('/api/user/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'root', password: '123456' }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
  expect(cookie).toMatch(/Path=\//);
  expect(cookie).toMatch(/Max-Age=2592000/);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
});

test('login: an email works in place of the username', async () => {
  const account = api.server.accounts.find((a) => a.role === 1)!;
  const email = api.server.state.users.find((u) => u.username === account.username)!.email;
  const me = await api.client().auth.login({ username: email, password: account.password });
  expect(me.username).toBe(account.username);
});

test('login: a wrong password gets the one message that does not say which part was wrong', async () => {
  const err = await api.client().auth.login({ username: 'root', password: 'nope-nope' }).catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err.status).toBe(200);
  expect(err.message).toBe('Username or password is incorrect, or user has been banned');
});

test('login: messages are Chinese with Accept-Language zh', async () => {
  const client = api.client({ headers: { 'Accept-Language': 'zh-CN' } });
  const err = await client.auth.login({ username: 'root', password: 'nope-nope' }).catch((e) => e);
  expect(err.message).toBe('用户名或密码错误，或用户已被封禁');
});

test('login: the SDK refuses to send an empty password, before any request', async () => {
  const sent: Request[] = [];
  const client = api.client({ onRequest: (r) => void sent.push(r) });
  await expect(client.auth.login({ username: 'root', password: '' })).rejects.toThrow(/`password` must be a non-empty string/);
  expect(sent).toEqual([]);
});

test('register: a new user can log in and starts as a common user in the default group', async () => {
  const client = api.client();
  await client.auth.register({ username: 'newbie', password: 'password123' });
  const me = await client.auth.login({ username: 'newbie', password: 'password123' });
  expect(me).toMatchObject({ username: 'newbie', display_name: 'newbie', role: 1, status: 1, group: 'default' });
});

test('register: a password under 8 characters fails the validator with its text', async () => {
  const err = await api.client().auth.register({ username: 'shorty', password: 'short' }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err.message).toBe("Invalid input Key: 'User.Password' Error:Field validation for 'Password' failed on the 'min' tag");
});

test('register: a taken username is refused, even after its owner deleted the account', async () => {
  const client = api.client();
  await client.auth.register({ username: 'twice', password: 'password123' });
  await client.auth.login({ username: 'twice', password: 'password123' });
  await client.self.delete();
  const err = await api.client().auth.register({ username: 'twice', password: 'password123' }).catch((e) => e);
  expect(err).toBeInstanceOf(ConflictError);
  expect(err.message).toBe('Username already exists or has been deleted');
});

test('register: an address is taken when it matches as SQLite LOWER() does (ASCII letters only)', async () => {
  await api.server.fetch(new Request('http://localhost/__mock/settings', { method: 'PATCH', body: JSON.stringify({ EmailVerificationEnabled: true }) }));
  const [ascii, accented] = api.server.state.users.filter((u) => u.role === 1);
  ascii!.email = 'Taken@Example.com';
  accented!.email = 'ÉLISE@example.com';
  const register = (username: string, email: string) => {
    // The code is filed directly: this test is about register's own check, not the send's.
    api.server.state.verification_codes[`v${email}`] = { code: 'abc123', created_at: api.server.clock.now() };
    return api.client().auth.register({ username, password: 'password123', email, verification_code: 'abc123' });
  };
  const err = await register('ascii', 'taken@example.com').catch((e) => e);
  expect(err).toBeInstanceOf(ConflictError);
  expect(err.message).toBe('Email address is already in use');
  // LOWER('ÉLISE@example.com') keeps its É, so it is not the address 'élise@example.com'.
  await expect(register('elise', 'élise@example.com')).resolves.toBeUndefined();
  expect(api.server.state.users.find((u) => u.username === 'elise')!.email).toBe('élise@example.com');
});

test('register: closed registration is refused with the admin message', async () => {
  await api.server.fetch(
    new Request('http://localhost/__mock/settings', { method: 'PATCH', body: JSON.stringify({ RegisterEnabled: false }) }),
  );
  const err = await api.client().auth.register({ username: 'late', password: 'password123' }).catch((e) => e);
  expect(err.message).toBe('New user registration has been disabled by administrator');
});

test('logout: ends the session, so the next call is unauthenticated (401)', async () => {
  const client = await api.loginAs('root');
  await client.auth.logout();
  const err = await client.self.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.status).toBe(401);
});

/**
 * Turns 2FA on for a seeded common user through `POST /api/user/2fa/setup|enable`, and returns a code source built
 * on another TOTP implementation (otpauth), so the server's codes are checked against an independent one.
 */
async function enableTwoFactor() {
  const account = api.server.accounts.find((a) => a.role === 1)!;
  const secret = await turnOnTwoFactor(api.server, account.username, account.password);
  const totp = new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 });
  return { account, code: () => totp.generate({ timestamp: api.server.clock.now() }) };
}

test('login with 2FA on: without a code the SDK throws TwoFactorRequiredError and keeps the pending login', async () => {
  const { account, code } = await enableTwoFactor();
  const client = api.client();
  const err = await client.auth.login({ username: account.username, password: account.password }).catch((e) => e);
  expect(err).toBeInstanceOf(TwoFactorRequiredError);
  expect(client.userId).toBeUndefined();
  const me = await client.auth.verifyTwoFactor({ code: code() });
  expect(me.username).toBe(account.username);
  await expect(client.self.retrieve()).resolves.toMatchObject({ username: account.username });
});

test('login with 2FA on: a code provider completes the login in one call', async () => {
  const { account, code } = await enableTwoFactor();
  const client = api.client();
  const me = await client.auth.login({ username: account.username, password: account.password, twoFactorCode: async () => code() });
  expect(me.username).toBe(account.username);
  expect(client.userId).toBe(me.id);
});

test('login with 2FA on: a wrong six-digit code gets upstream\'s Chinese message', async () => {
  const { account } = await enableTwoFactor();
  const client = api.client();
  const err = await client.auth.login({ username: account.username, password: account.password, twoFactorCode: '000000' }).catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err.message).toBe('验证码或备用码不正确');
});
