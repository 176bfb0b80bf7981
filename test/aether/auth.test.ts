import { expect, test } from 'vitest';
import { AuthenticationError, PermissionDeniedError, RateLimitError, ValidationError } from '../../src/index.js';
import { isAetherError } from '../../src/aether/index.js';
import { useAether } from '../support/aether-client.js';

const api = useAether();

test('login: by email, with both tokens, expires_in 86400 and who logged in', async () => {
  const client = api.client();
  const { email, password, username } = api.account('admin');
  const result = await client.auth.login({ email, password });
  expect(result).toMatchObject({ token_type: 'bearer', expires_in: 86400, email, username, role: 'admin' });
  expect(result.access_token.split('.')).toHaveLength(3);
  expect(client.tokens).toEqual({ access_token: result.access_token, refresh_token: result.refresh_token, token_type: 'bearer', expires_in: 86400 });
});

test('login: a wrong password and an unknown email give the same 401 邮箱或密码错误', async () => {
  const client = api.client();
  const wrong = await client.auth.login({ email: api.account('admin').email, password: 'not-the-password' }).catch((e) => e);
  const unknown = await client.auth.login({ email: 'nobody@example.com', password: 'not-the-password' }).catch((e) => e);
  expect(wrong).toBeInstanceOf(AuthenticationError);
  expect(wrong).toMatchObject({ status: 401, code: 'http_error', message: '邮箱或密码错误', dialect: 'aether' });
  expect(unknown.message).toBe(wrong.message);
  expect(client.tokens).toBeUndefined();
});

test('login: the email is compared as stored, so another case does not log in', async () => {
  const { email, password } = api.account('user');
  await expect(api.client().auth.login({ email: email.toUpperCase(), password })).rejects.toMatchObject({ status: 401, message: '邮箱或密码错误' });
});

test('login: a body pydantic refuses is a ValidationError with login\'s own 输入验证失败 text', async () => {
  const err = await api.client().auth.login({ email: 'ab', password: '' }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err).toMatchObject({ status: 400, code: 'invalid_request' });
  expect(err.message).toBe('输入验证失败: email: String should have at least 3 characters; password: String should have at least 1 character');
});

test('login: the sixth login in a minute from one address is a RateLimitError, even with the right password', async () => {
  const client = api.client();
  await api.raw('/__mock/settings', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ RateLimitEnabled: true }) });
  const { email, password } = api.account('admin');
  for (let i = 0; i < 5; i++) await client.auth.login({ email, password: `wrong-${i}` }).catch(() => undefined);
  const err = await client.auth.login({ email, password }).catch((e) => e);
  expect(err).toBeInstanceOf(RateLimitError);
  expect(err.message).toMatch(/^登录请求过于频繁，请在 \d+ 秒后重试$/);
  // Upstream sends no Retry-After header: the wait comes from the text, in ms like the header's.
  const seconds = Number(/请在 (\d+) 秒后重试/.exec(err.message)![1]);
  expect(seconds).toBeGreaterThan(0);
  expect(err.retryAfter).toBe(seconds * 1000);
});

test('register: off by default, a PermissionDeniedError 系统暂不开放注册', async () => {
  const err = await api.client().auth.register({ email: 'mei@example.com', username: 'mei_chen', password: 'Blue-lotus-42' }).catch((e) => e);
  expect(err).toBeInstanceOf(PermissionDeniedError);
  expect(err).toMatchObject({ status: 403, code: 'http_error', message: '系统暂不开放注册' });
});

test('auth.retrieve: the token\'s user with total_usd and the allowed_* lists', async () => {
  const client = await api.loginAs('admin');
  const me = await client.auth.retrieve();
  expect(me).toMatchObject({ email: api.account('admin').email, role: 'admin', is_active: true });
  expect(me).toHaveProperty('total_usd');
  expect(me).toHaveProperty('allowed_models');
});

test('auth.changePassword: 8 characters on this route; the old password then fails and the new one logs in', async () => {
  const client = await api.loginAs('user');
  const { email, password } = api.account('user');
  const short = await client.auth.changePassword({ old_password: password, new_password: 'short7!' }).catch((e) => e);
  expect(short).toMatchObject({ status: 400, code: 'invalid_request', message: '密码长度至少8位' });
  const wrong = await client.auth.changePassword({ old_password: 'not-it', new_password: 'Long-enough-1' }).catch((e) => e);
  expect(wrong).toMatchObject({ status: 400, code: 'http_error', message: '旧密码错误' });
  await client.auth.changePassword({ old_password: password, new_password: 'Long-enough-1' });
  await client.me.retrieve(); // the tokens stay valid
  await expect(api.client().auth.login({ email, password })).rejects.toBeInstanceOf(AuthenticationError);
  await api.client().auth.login({ email, password: 'Long-enough-1' });
});

test('logout: the token is revoked on the server, a second logout with a copy says Token已被撤销', async () => {
  const client = await api.loginAs('user');
  const { access_token } = client.tokens!;
  await client.auth.logout();
  const err = await api.client({ tokens: { access_token } }).auth.logout().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(isAetherError(err, 'http_error')).toBe(true);
  expect(err.message).toBe('Token已被撤销');
});

test('logout: the refresh token of that login still mints access tokens, as upstream revokes only the access token', async () => {
  const client = await api.loginAs('user');
  const { refresh_token } = client.tokens!;
  api.advance(1000);
  await client.auth.logout();
  const again = api.client({ tokens: { access_token: 'revoked', refresh_token } });
  const pair = await again.auth.refresh();
  expect((await api.client({ tokens: pair }).me.retrieve()).email).toBe(api.account('user').email);
});
