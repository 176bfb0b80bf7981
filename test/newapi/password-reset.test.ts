import { expect, test } from 'vitest';
import { AuthenticationError } from '../../src/index.js';
import { useNewApi } from '../support/harness.js';
import { jsonInit } from '../support/sessions.js';

const api = useNewApi();

interface Mail {
  to: string;
  subject: string;
  body: string;
  code?: string;
}

const outbox = async () => ((await (await api.raw('/__mock/outbox')).json()) as { messages: Mail[] }).messages;
const LINK_INVALID = 'Password reset link is invalid or has expired';

/** A seeded common user, given an address. */
function userWithEmail(email = 'reset.me@example.com') {
  const account = api.server.accounts.find((a) => a.role === 1)!;
  const row = api.server.state.users.find((u) => u.username === account.username)!;
  row.email = email;
  return { ...account, row, email };
}

test('passwordReset: request a link, read the token from the outbox, confirm, log in with the new password', async () => {
  const user = userWithEmail();
  const client = api.client();
  await client.passwordReset.request({ email: user.email });
  const [mail] = await outbox();
  expect(mail).toMatchObject({ to: user.email, subject: 'New API密码重置' });
  expect(mail!.code).toMatch(/^[0-9a-f]{32}$/);
  // The link points at the front end's reset page of this server (ServerAddress is empty), unescaped as upstream writes it.
  expect(mail!.body).toContain(`${api.baseURL}/user/reset?email=${user.email}&token=${mail!.code}`);

  const password = await client.passwordReset.confirm({ email: user.email, token: mail!.code! });
  expect(password).toMatch(/^[0-9a-f]{12}$/);
  const me = await client.auth.login({ username: user.username, password });
  expect(me.id).toBe(user.row.id);
  await expect(api.client().auth.login({ username: user.username, password: user.password })).rejects.toBeInstanceOf(AuthenticationError);
});

test('passwordReset: the token is spent by a successful reset', async () => {
  const user = userWithEmail();
  const client = api.client();
  await client.passwordReset.request({ email: user.email });
  const token = (await outbox())[0]!.code!;
  await client.passwordReset.confirm({ email: user.email, token });
  await expect(client.passwordReset.confirm({ email: user.email, token })).rejects.toThrow(LINK_INVALID);
});

test('passwordReset: the token expires after 10 minutes on the server clock', async () => {
  const user = userWithEmail();
  const client = api.client();
  await client.passwordReset.request({ email: user.email });
  const token = (await outbox())[0]!.code!;
  api.server.clock.advance(10 * 60_000);
  await expect(client.passwordReset.confirm({ email: user.email, token })).rejects.toThrow(LINK_INVALID);
  expect(user.row.password_hash).not.toBe('');
});

test('passwordReset: a wrong token, or the token with another address, is refused and nothing changes', async () => {
  const user = userWithEmail();
  const before = user.row.password_hash;
  const client = api.client();
  await client.passwordReset.request({ email: user.email });
  const token = (await outbox())[0]!.code!;
  await expect(client.passwordReset.confirm({ email: user.email, token: token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) })).rejects.toThrow(LINK_INVALID);
  await expect(client.passwordReset.confirm({ email: 'someone.else@example.com', token })).rejects.toThrow(LINK_INVALID);
  expect(user.row.password_hash).toBe(before);
});

test('passwordReset: the answer is the same for unknown, deleted and shared addresses, and no mail goes out', async () => {
  const client = api.client();
  await expect(client.passwordReset.request({ email: 'nobody@example.com' })).resolves.toBeUndefined();
  const deleted = userWithEmail('gone@example.com');
  deleted.row.deleted_at = Date.now();
  await expect(client.passwordReset.request({ email: 'gone@example.com' })).resolves.toBeUndefined();
  const [a, b] = api.server.state.users.filter((u) => u.role === 1 && u.deleted_at === null);
  a!.email = 'shared@example.com';
  b!.email = 'Shared@Example.com';
  await expect(client.passwordReset.request({ email: 'shared@example.com' })).resolves.toBeUndefined();
  expect(await outbox()).toEqual([]);
});

test('passwordReset: the address is matched case-insensitively and the mail goes to the normalized address', async () => {
  const user = userWithEmail('Mixed.Case@Example.com');
  const client = api.client();
  await client.passwordReset.request({ email: ' MIXED.case@example.COM ' });
  const [mail] = await outbox();
  expect(mail!.to).toBe('mixed.case@example.com');
  const password = await client.passwordReset.confirm({ email: 'Mixed.Case@Example.com', token: mail!.code! });
  await expect(api.client().auth.login({ username: user.username, password })).resolves.toMatchObject({ id: user.row.id });
});

test('passwordReset: an upper-case non-ASCII letter in the stored address is not folded, as SQLite LOWER() does not fold it', async () => {
  userWithEmail('ÉMILE@Example.com');
  const client = api.client();
  await expect(client.passwordReset.request({ email: 'Émile@example.com' })).resolves.toBeUndefined();
  expect(await outbox()).toEqual([]);
  userWithEmail('éMILE@Example.com');
  await client.passwordReset.request({ email: 'Émile@example.com' });
  expect((await outbox()).map((m) => m.to)).toEqual(['émile@example.com']);
});

test('passwordReset: an address that changed hands after the mail went out cannot be reset', async () => {
  const user = userWithEmail();
  const client = api.client();
  await client.passwordReset.request({ email: user.email });
  const token = (await outbox())[0]!.code!;
  user.row.deleted_at = Date.now();
  await expect(client.passwordReset.confirm({ email: user.email, token })).rejects.toThrow(LINK_INVALID);
});

test('passwordReset: messages are zh with Accept-Language zh', async () => {
  const zh = api.client({ headers: { 'Accept-Language': 'zh-CN' } });
  await expect(zh.passwordReset.confirm({ email: 'a@example.com', token: 'f'.repeat(32) })).rejects.toThrow('重置链接非法或已过期');
  await expect(zh.passwordReset.request({ email: 'not an address' })).rejects.toThrow('无效的参数');
});

test.each([
  ['', 'EOF'],
  ['{"email": "a@example.com", ', 'unexpected EOF'],
  ['{email}', "invalid character 'e' looking for beginning of object key string"],
  ['{"email": 1, "token": "t"}', 'json: cannot unmarshal number into Go struct field PasswordResetRequest.email of type string'],
  ['["a@example.com"]', 'json: cannot unmarshal array into Go value of type controller.PasswordResetRequest'],
  ['{"email": "a@example.com"}', 'Invalid parameters'],
  ['{"EMAIL": "A@Example.com", "Token": "abc"}', LINK_INVALID],
])('passwordReset: the body %j gets %j, as Go decodes it', async (body, message) => {
  const response = await api.raw('/api/user/reset', jsonInit('POST', body));
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ success: false, message });
});

test('passwordReset: the SDK refuses an empty email or token before sending anything', async () => {
  const client = api.client();
  await expect(client.passwordReset.request({ email: '' })).rejects.toThrow(TypeError);
  await expect(client.passwordReset.confirm({ email: 'a@example.com', token: '' })).rejects.toThrow('`token` must be a non-empty string');
});
