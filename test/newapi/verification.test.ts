import { expect, test } from 'vitest';
import { ConflictError } from '../../src/index.js';
import { useNewApi } from '../support/harness.js';
import { jsonInit } from '../support/sessions.js';

const api = useNewApi();

interface Mail {
  to: string;
  subject: string;
  body: string;
  code?: string;
}

async function control(path: string, method = 'GET', body?: unknown): Promise<unknown> {
  const response = await api.raw(path, body === undefined ? { method } : jsonInit(method, body));
  return response.json();
}
const outbox = async () => ((await control('/__mock/outbox')) as { messages: Mail[] }).messages;
const lastMail = async () => (await outbox()).at(-1)!;
const requireVerification = () => control('/__mock/settings', 'PATCH', { EmailVerificationEnabled: true });

test('verification: request a code, read it from the outbox, register with it, log in', async () => {
  await requireVerification();
  const client = api.client();
  await client.verification.send({ email: 'alice@example.com' });
  const mail = await lastMail();
  expect(mail).toMatchObject({ to: 'alice@example.com', subject: 'New API邮箱验证邮件' });
  expect(mail.code).toMatch(/^[0-9a-f]{6}$/);
  expect(mail.body).toContain(`<strong>${mail.code}</strong>`);
  expect(mail.body).toContain('验证码 10 分钟内有效');

  await client.auth.register({ username: 'alice', password: 'correct-horse-1', email: 'alice@example.com', verification_code: mail.code! });
  const me = await client.auth.login({ username: 'alice@example.com', password: 'correct-horse-1' });
  expect(me.username).toBe('alice');
});

test('verification: a code is good for 10 minutes on the server clock, not one second more', async () => {
  await requireVerification();
  const client = api.client();
  await client.verification.send({ email: 'bob@example.com' });
  const { code } = await lastMail();
  await control('/__mock/clock', 'POST', { advance_ms: 10 * 60_000 });
  const err = await client.auth.register({ username: 'bob', password: 'correct-horse-1', email: 'bob@example.com', verification_code: code! }).catch((e) => e);
  expect(err.message).toBe('Verification code is incorrect or has expired');

  await client.verification.send({ email: 'bob@example.com' });
  const fresh = (await lastMail()).code!;
  await control('/__mock/clock', 'POST', { advance_ms: 9 * 60_000 + 59_000 });
  await expect(client.auth.register({ username: 'bob', password: 'correct-horse-1', email: 'bob@example.com', verification_code: fresh })).resolves.toBeUndefined();
});

test('verification: a wrong code, or a code sent to another address, is refused', async () => {
  await requireVerification();
  const client = api.client();
  await client.verification.send({ email: 'carol@example.com' });
  const { code } = await lastMail();
  const wrong = code === '000000' ? '000001' : '000000';
  const register = (email: string, verification_code: string) => client.auth.register({ username: 'carol', password: 'correct-horse-1', email, verification_code }).catch((e) => e);
  expect((await register('carol@example.com', wrong)).message).toBe('Verification code is incorrect or has expired');
  expect((await register('dave@example.com', code!)).message).toBe('Verification code is incorrect or has expired');
  expect(api.server.state.users.some((u) => u.username === 'carol')).toBe(false);
});

test('verification: a new code replaces the previous one', async () => {
  await requireVerification();
  const client = api.client();
  await client.verification.send({ email: 'erin@example.com' });
  const first = (await lastMail()).code!;
  await client.verification.send({ email: 'erin@example.com' });
  const second = (await lastMail()).code!;
  expect(second).not.toBe(first);
  const err = await client.auth.register({ username: 'erin', password: 'correct-horse-1', email: 'erin@example.com', verification_code: first }).catch((e) => e);
  expect(err.message).toBe('Verification code is incorrect or has expired');
});

test('verification: the address is trimmed and lower-cased before the code is filed', async () => {
  await requireVerification();
  const client = api.client();
  await client.verification.send({ email: '  Frank@Example.COM ' });
  const mail = await lastMail();
  expect(mail.to).toBe('frank@example.com');
  await expect(client.auth.register({ username: 'frank', password: 'correct-horse-1', email: 'FRANK@example.com', verification_code: mail.code! })).resolves.toBeUndefined();
});

test('verification: an address already in use, by a live or a deleted user, gets no code', async () => {
  const row = api.server.state.users.find((u) => u.role === 1)!;
  row.email = 'taken@example.com';
  const client = api.client();
  const err = await client.verification.send({ email: 'TAKEN@example.com' }).catch((e) => e);
  expect(err).toBeInstanceOf(ConflictError);
  expect(err.message).toBe('Email address is already in use');
  row.deleted_at = Date.now();
  await expect(client.verification.send({ email: 'taken@example.com' })).rejects.toThrow('Email address is already in use');
  expect(await outbox()).toEqual([]);
});

test('verification: an address held only with an upper-case non-ASCII letter is free, as SQLite LOWER() keeps it', async () => {
  const row = api.server.state.users.find((u) => u.role === 1)!;
  row.email = 'ÉLISE@example.com';
  await expect(api.client().verification.send({ email: 'Élise@Example.com' })).resolves.toBeUndefined();
  expect((await lastMail()).to).toBe('élise@example.com');
});

test.each([
  ['not-an-email', 'Invalid parameters', '无效的参数'],
  ['user@localhost', 'Invalid parameters', '无效的参数'],
  ['', 'Invalid parameters', '无效的参数'],
  // The validator's quoted-local-part pattern has a stray `\(` that breaks its repetition: `"a@b"` fails it, yet
  // `"(:@"` passes, and then splits into three parts.
  ['"a@b"@example.com', 'Invalid parameters', '无效的参数'],
  ['"(:@"@example.com', '无效的邮箱地址', '无效的邮箱地址'],
])('verification: %j is refused (en / zh)', async (email, en, zh) => {
  for (const [lang, message] of [['en', en], ['zh-CN', zh]]) {
    const response = await api.raw(`/api/verification?email=${encodeURIComponent(email!)}`, { headers: { 'Accept-Language': lang! } });
    expect(await response.json()).toEqual({ success: false, message });
  }
  expect(await outbox()).toEqual([]);
});

test('verification: the domain whitelist and the alias restriction, when the admin turns them on', async () => {
  await control('/__mock/settings', 'PATCH', { EmailDomainRestrictionEnabled: true, EmailAliasRestrictionEnabled: true });
  const client = api.client();
  const domain = await client.verification.send({ email: 'alice@example.com' }).catch((e) => e);
  expect(domain.message).toBe(
    "The administrator has enabled the email domain name whitelist, and your email address is not allowed due to special symbols or it's not in the whitelist.",
  );
  const alias = await client.verification.send({ email: 'alice+news@gmail.com' }).catch((e) => e);
  expect(alias.message).toBe('管理员已启用邮箱地址别名限制，您的邮箱地址由于包含特殊符号而被拒绝。');
  await expect(client.verification.send({ email: 'alice@gmail.com' })).resolves.toBeUndefined();
});

test('verification: the SDK refuses an empty address before sending anything', async () => {
  await expect(api.client().verification.send({ email: '' })).rejects.toThrow('`email` must be a non-empty string');
});

test('verification: expired codes are forgotten by the hourly sweep on the server clock', async () => {
  const codes = async () => Object.keys(((await control('/__mock/state')) as { verification_codes: object }).verification_codes);
  const client = api.client();
  await client.verification.send({ email: 'early1@example.com' }); // this send sweeps (nothing to forget)
  await client.verification.send({ email: 'early2@example.com' });
  await control('/__mock/clock', 'POST', { advance_ms: 55 * 60_000 });
  await client.verification.send({ email: 'recent@example.com' });
  expect(await codes()).toEqual(['vearly1@example.com', 'vearly2@example.com', 'vrecent@example.com']);
  // An hour after the first sweep: the early codes are long expired, the recent one 6 minutes old.
  await control('/__mock/clock', 'POST', { advance_ms: 6 * 60_000 });
  await client.verification.send({ email: 'late@example.com' });
  expect(await codes()).toEqual(['vrecent@example.com', 'vlate@example.com']);
});
