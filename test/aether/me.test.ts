import { expect, test } from 'vitest';
import { AuthenticationError, ValidationError } from '../../src/index.js';
import { useAether } from '../support/aether-client.js';

const api = useAether();

test('me.retrieve: the profile with preferences and spend, without total_usd', async () => {
  const client = await api.loginAs('user');
  const { email, username } = api.account('user');
  const me = await client.me.retrieve();
  expect(me).toMatchObject({ email, username, role: 'user', is_active: true });
  expect(me.stats).toEqual({ total_cost: expect.any(Number), total_cost_all_time: expect.any(Number), api_keys_count: expect.any(Number) });
  expect(me).not.toHaveProperty('total_usd');
});

test('me.retrieve: without a login it is an AuthenticationError 缺少用户凭证, sent with no refresh', async () => {
  const err = await api.client().me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err).toMatchObject({ status: 401, code: 'http_error', message: '缺少用户凭证' });
});

test('me.update: a new username and email, read back from the profile', async () => {
  const client = await api.loginAs('user');
  await client.me.update({ username: 'renamed_user', email: 'renamed@example.com' });
  expect(await client.me.retrieve()).toMatchObject({ username: 'renamed_user', email: 'renamed@example.com' });
});

test('me.update: a taken email or username is a ValidationError (邮箱已被使用, 用户名已被使用)', async () => {
  const client = await api.loginAs('user');
  const admin = api.account('admin');
  await expect(client.me.update({ email: admin.email })).rejects.toMatchObject({ status: 400, code: 'invalid_request', message: '邮箱已被使用' });
  const taken = await client.me.update({ username: admin.username }).catch((e) => e);
  expect(taken).toBeInstanceOf(ValidationError);
  expect(taken.message).toBe('用户名已被使用');
});

test('me.changePassword: 6 characters on this route; a wrong old password is invalid_request 旧密码错误', async () => {
  const client = await api.loginAs('user');
  const { email, password } = api.account('user');
  await expect(client.me.changePassword({ old_password: 'not-it', new_password: 'Long-enough-1' })).rejects.toMatchObject({ code: 'invalid_request', message: '旧密码错误' });
  await expect(client.me.changePassword({ old_password: password, new_password: '12345' })).rejects.toMatchObject({ code: 'invalid_request', message: '密码长度至少6位' });
  await client.me.changePassword({ old_password: password, new_password: 'six666' });
  await api.client().auth.login({ email, password: 'six666' });
});
