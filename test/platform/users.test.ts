import { expect, test } from 'vitest';
import { AuthenticationError, ConflictError, ValidationError } from '../../src/index.js';
import { usePlatform } from '../support/platform.js';

const api = usePlatform();

test('me.retrieve: the caller, phone masked', async () => {
  const client = await api.loginAs('personal');
  const me = await client.users.me.retrieve();
  const account = api.account('personal');
  expect(me).toMatchObject({ user_id: account.user_id, email: account.email, user_type: 'personal', enterprise: null });
  expect(me.phone).toBe(`${account.phone!.slice(0, 3)}****${account.phone!.slice(-4)}`);
});

test('me.retrieve: a member sees their enterprise and role', async () => {
  const me = await (await api.loginAs('enterprise admin')).users.me.retrieve();
  expect(me).toMatchObject({ user_type: 'member', enterprise: { role: 'admin', verify_status: 'verified' } });
});

test('me.retrieve without logging in is an AuthenticationError 40101', async () => {
  await expect(api.client().users.me.retrieve()).rejects.toSatisfy((e) => e instanceof AuthenticationError && (e as AuthenticationError).code === 40101);
});

test('me.update: nickname and avatar change, `avatar: null` removes it', async () => {
  const client = await api.loginAs('personal');
  expect(await client.users.me.update({ nickname: '张三', avatar: 'https://oss.example.com/a.jpg' })).toMatchObject({ nickname: '张三', avatar: 'https://oss.example.com/a.jpg' });
  expect(await client.users.me.update({ avatar: null })).toMatchObject({ nickname: '张三', avatar: null });
});

test('me.update: an avatar that is not https is a ValidationError naming the field', async () => {
  const client = await api.loginAs('personal');
  const err = await client.users.me.update({ avatar: 'http://x.example.com/a.jpg' }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err.code).toBe(40001);
  expect(err.body.data.fields).toEqual([expect.objectContaining({ field: 'avatar' })]);
});

test('me.changePassword: the new password works, other sessions end, this one stays', async () => {
  const other = await api.loginAs('personal');
  const client = await api.loginAs('personal');
  const { email, password } = api.account('personal');
  await client.users.me.changePassword({ old_password: password, new_password: 'Brand-n3w-pass' });
  await expect(client.users.me.retrieve()).resolves.toMatchObject({ email });
  await expect(other.users.me.retrieve()).rejects.toBeInstanceOf(AuthenticationError);
  await expect(api.client().auth.login({ email, password, captcha_token: await api.captchaToken() })).rejects.toMatchObject({ code: 40104 });
  await expect(api.client().auth.login({ email, password: 'Brand-n3w-pass', captcha_token: await api.captchaToken() })).resolves.toMatchObject({ user: { email } });
});

test('me.changePassword: a wrong old password is 40002; the same password again is 42202', async () => {
  const client = await api.loginAs('personal');
  const { password } = api.account('personal');
  await expect(client.users.me.changePassword({ old_password: 'Wr0ng-old', new_password: 'Brand-n3w-pass' })).rejects.toMatchObject({ status: 400, code: 40002 });
  await expect(client.users.me.changePassword({ old_password: password, new_password: password })).rejects.toMatchObject({ status: 422, code: 42202 });
});

test('email codes: register purpose verifies the own email', async () => {
  const client = api.client();
  await client.auth.register({ user_type: 'personal', email: 'verify-me@example.com', password: 'Passw0rd-v', captcha_token: await api.captchaToken(client) });
  await client.auth.login({ email: 'verify-me@example.com', password: 'Passw0rd-v', captcha_token: await api.captchaToken(client) });
  const sent = await client.users.me.sendEmailCode({ email: 'verify-me@example.com', purpose: 'register' });
  expect(sent).toMatchObject({ email: 'verify-me@example.com', purpose: 'register', resend_after: 60 });
  await client.users.me.confirmEmailCode({ purpose: 'register', email: 'verify-me@example.com', code: api.lastCode('verify-me@example.com') });
  expect((await client.users.me.retrieve()).email_verified).toBe(true);
});

test('email codes: a second code within 60 s is refused (42902)', async () => {
  const client = await api.loginAs('personal');
  await client.users.me.sendEmailCode({ email: 'elsewhere@example.com', purpose: 'change_email' });
  await expect(client.users.me.sendEmailCode({ email: 'elsewhere@example.com', purpose: 'change_email' })).rejects.toMatchObject({ status: 429, code: 42902 });
});

test('email codes: change_email moves the account to the new address', async () => {
  const client = await api.loginAs('personal');
  await client.users.me.sendEmailCode({ email: 'moved@example.com', purpose: 'change_email' });
  const done = await client.users.me.confirmEmailCode({ purpose: 'change_email', email: 'moved@example.com', code: api.lastCode('moved@example.com') });
  expect(done).toMatchObject({ purpose: 'change_email', email: 'moved@example.com' });
  expect((await client.users.me.retrieve()).email).toBe('moved@example.com');
});

test('email codes: change_email to a taken address is a ConflictError', async () => {
  const client = await api.loginAs('personal');
  await expect(client.users.me.sendEmailCode({ email: api.account('enterprise owner').email, purpose: 'change_email' })).rejects.toBeInstanceOf(ConflictError);
});

test('email codes: an anonymous reset_password with a captcha sets a new password; a wrong code is 40030', async () => {
  const client = api.client();
  const { email } = api.account('personal');
  await client.users.me.sendEmailCode({ email, purpose: 'reset_password', captcha_token: await api.captchaToken(client) });
  await expect(client.users.me.confirmEmailCode({ purpose: 'reset_password', email, code: '000000', new_password: 'Res3t-pass' })).rejects.toMatchObject({ code: 40030 });
  await client.users.me.confirmEmailCode({ purpose: 'reset_password', email, code: api.lastCode(email), new_password: 'Res3t-pass' });
  await expect(client.auth.login({ email, password: 'Res3t-pass', captcha_token: await api.captchaToken(client) })).resolves.toMatchObject({ user: { email } });
});
