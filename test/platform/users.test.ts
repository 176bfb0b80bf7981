import { expect, test } from 'vitest';
import { createReferenceServer } from '../../mocks/index.js';
import { AuthenticationError, ConflictError, ValidationError } from '../../src/index.js';
import { PlatformClient } from '../../src/platform/index.js';
import { usePlatform } from '../support/platform.js';
import { testServer } from '../support/test-server.js';

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

// The RSA transport key is drawn by WebCrypto, never from the seed: the rows compared are the seeded ones.
const exported = async (server: { fetch(path: string): Promise<Response> }) => {
  const { users, api_keys } = (await (await server.fetch('/__mock/state')).json()) as { users: unknown[]; api_keys: unknown[] };
  return JSON.stringify({ users, api_keys });
};
const generatedErrors: string[] = [];
const generatedServer = (seed: number, users: number) => testServer('platform', { seed, users }, generatedErrors);

test('seed --users: N faker personal users follow the seeded ones, each with one active key, the same rows for one seed', async () => {
  const [a, b, plain] = await Promise.all([generatedServer(3, 200), generatedServer(3, 200), generatedServer(3, 0)]);
  expect(await exported(a)).toBe(await exported(b));
  expect(a.state.users).toHaveLength(plain.state.users.length + 200);
  expect(a.accounts).toEqual(plain.accounts);
  expect(new Set(a.state.users.map((u) => u.email)).size).toBe(a.state.users.length);
  expect(new Set(a.state.users.map((u) => u.user_id)).size).toBe(a.state.users.length);
  expect(a.state.api_keys).toHaveLength(plain.state.api_keys.length + 200);
  expect(generatedErrors).toEqual([]);
});

test('seed --users: a generated user logs in with the documented password and lists its own key', async () => {
  const server = await generatedServer(5, 20);
  const client = new PlatformClient({ baseURL: 'http://localhost', fetch: server.fetch, maxRetries: 0 });
  const user = server.state.users.at(-1)!;
  const { captcha_id } = await client.auth.captcha.create();
  const { answer } = (await (await server.fetch(`/__mock/captchas/${captcha_id}`)).json()) as { answer: string };
  const { captcha_token } = await client.auth.captcha.verify({ captcha_id, answer });
  await client.auth.login({ email: user.email, password: 'Sandbox123456', captcha_token });
  expect((await client.users.me.retrieve()).user_id).toBe(user.user_id);
  const keys = (await client.apiKeys.list()).items;
  expect(keys.map((k) => [k.key_id, k.status])).toEqual([[server.state.api_keys.find((k) => k.user_id === user.user_id)!.key_id, 'active']]);
  expect(generatedErrors).toEqual([]);
});

test('seed --users: a reset seeds the generated users again, to the same rows', async () => {
  const server = await generatedServer(7, 30);
  const before = await exported(server);
  server.state.users.pop();
  server.state.api_keys.length = 0;
  await server.reset();
  expect(await exported(server)).toBe(before);
});

test('seed --users: a count past 1,000,000 is refused before anything starts', () => {
  expect(() => createReferenceServer({ dialect: 'platform', users: 1_000_001 })).toThrow(/users 1000001 is out of range/);
});
