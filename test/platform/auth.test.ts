import { expect, test } from 'vitest';
import { AuthenticationError, ConflictError, PermissionDeniedError, RateLimitError, ValidationError } from '../../src/index.js';
import type { TokenPair } from '../../src/platform/index.js';
import { usePlatform } from '../support/platform.js';

const api = usePlatform();
const FIFTEEN_MINUTES = 15 * 60_000;

test('publicKey: an RSA-OAEP-256 SPKI key with its id and expiry', async () => {
  const key = await api.client().auth.publicKey();
  expect(key).toMatchObject({ key_id: expect.stringMatching(/^rsa_key_\d{8}_\d{3}$/), algorithm: 'RSA-OAEP-256', public_key: expect.stringContaining('-----BEGIN PUBLIC KEY-----') });
  expect(Date.parse(key.expires_at)).toBeGreaterThan(api.server.clock.now());
});

test('captcha: an SVG image, one answer, and a token that works once', async () => {
  const client = api.client();
  const captcha = await client.auth.captcha.create();
  expect(captcha.image).toMatch(/^data:image\/svg\+xml;base64,/);
  const wrong = await client.auth.captcha.verify({ captcha_id: captcha.captcha_id, answer: '0000' }).catch((e) => e);
  expect(wrong).toMatchObject({ status: 400, code: 40021 });
  await expect(client.auth.captcha.verify({ captcha_id: captcha.captcha_id, answer: '0000' })).rejects.toMatchObject({ code: 40022 });

  const { email, password } = api.account('personal');
  const captcha_token = await api.captchaToken(client);
  await client.auth.login({ email, password, captcha_token });
  await expect(client.auth.login({ email, password, captcha_token })).rejects.toMatchObject({ code: 40020 });
});

test('register: a personal account, then login with it', async () => {
  const client = api.client();
  const created = await client.auth.register({ user_type: 'personal', email: 'new@example.com', password: 'Passw0rd-new', phone: '13800138000', captcha_token: await api.captchaToken(client) });
  expect(created).toMatchObject({ email: 'new@example.com', user_type: 'personal', user_id: expect.stringMatching(/^u_/) });
  const { user } = await client.auth.login({ phone: '13800138000', password: 'Passw0rd-new', captcha_token: await api.captchaToken(client) });
  expect(user).toMatchObject({ user_id: created.user_id, phone: '138****8000', email_verified: false });
});

test('register: an enterprise account owns a new, unverified enterprise', async () => {
  const client = api.client();
  const captcha_token = await api.captchaToken(client);
  await client.auth.register({ user_type: 'enterprise', enterprise_name: '测试科技有限公司', email: 'boss@example.com', password: 'Passw0rd-boss', captcha_token });
  const { user } = await client.auth.login({ email: 'boss@example.com', password: 'Passw0rd-boss', captcha_token: await api.captchaToken(client) });
  expect(user.enterprise).toMatchObject({ enterprise_name: '测试科技有限公司', role: 'owner', verify_status: 'unverified' });
});

test('register: a taken email is a ConflictError 40901; a weak password a ValidationError 42201', async () => {
  const client = api.client();
  const taken = api.account('personal').email;
  await expect(client.auth.register({ user_type: 'personal', email: taken, password: 'Passw0rd-x', captcha_token: await api.captchaToken(client) })).rejects.toSatisfy(
    (e) => e instanceof ConflictError && (e as ConflictError).code === 40901,
  );
  const weak = await client.auth.register({ user_type: 'personal', email: 'weak@example.com', password: 'password', captcha_token: await api.captchaToken(client) }).catch((e) => e);
  expect(weak).toBeInstanceOf(ValidationError);
  expect(weak).toMatchObject({ status: 422, code: 42201 });
});

test('login: a wrong password is 40104 with one message for both cases, and no refresh is tried', async () => {
  const sent: string[] = [];
  const client = api.client({ onRequest: (r) => void sent.push(new URL(r.url).pathname) });
  const err = await client.auth.login({ email: api.account('personal').email, password: 'Wr0ng-pass', captcha_token: await api.captchaToken(client) }).catch((e) => e);
  const unknown = await client.auth.login({ email: 'nobody@example.com', password: 'Wr0ng-pass', captcha_token: await api.captchaToken(client) }).catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.code).toBe(40104);
  expect(unknown.message).toBe(err.message);
  expect(sent).not.toContain('/api/v1/auth/refresh');
});

test('login: five wrong passwords lock the account (42903, RateLimitError with Retry-After)', async () => {
  const client = api.client();
  const { email, password } = api.account('personal');
  for (let i = 0; i < 5; i++) await client.auth.login({ email, password: `Wr0ng-${i}`, captcha_token: await api.captchaToken(client) }).catch(() => undefined);
  const err = await client.auth.login({ email, password, captcha_token: await api.captchaToken(client) }).catch((e) => e);
  expect(err).toBeInstanceOf(RateLimitError);
  expect(err.code).toBe(42903);
  expect(err.retryAfter).toBeGreaterThan(0);
});

test('login keeps the tokens and reports them to onTokens', async () => {
  const seen: Array<TokenPair | undefined> = [];
  const client = await api.loginAs('personal', { onTokens: (t) => void seen.push(t) });
  expect(seen).toHaveLength(1);
  expect(seen[0]).toEqual(client.tokens);
  expect(client.tokens).toMatchObject({ token_type: 'Bearer', access_token: expect.stringMatching(/^at_/), refresh_token: expect.stringMatching(/^rt_/) });
  expect((await client.users.me.retrieve()).email).toBe(api.account('personal').email);
});

test('an expired access token is refreshed once for concurrent calls, which all succeed', async () => {
  const refreshes: string[] = [];
  const client = await api.loginAs('personal', { onRequest: (r) => void (r.url.endsWith('/auth/refresh') && refreshes.push(r.url)) });
  const before = client.tokens!;
  api.server.clock.advance(FIFTEEN_MINUTES + 1_000);
  const results = await Promise.all([client.users.me.retrieve(), client.apiKeys.list(), client.verification.retrieveRealname(), client.users.me.retrieve()]);
  expect(results).toHaveLength(4);
  expect(refreshes).toHaveLength(1);
  expect(client.tokens!.refresh_token).not.toBe(before.refresh_token);
});

test('refresh rotates; presenting the old refresh token again revokes the whole session (40103)', async () => {
  const client = await api.loginAs('personal');
  const stolen = client.tokens!;
  await client.auth.refresh();
  const thief = api.client({ tokens: stolen });
  await expect(thief.auth.refresh()).rejects.toMatchObject({ status: 401, code: 40103 });
  expect(thief.tokens).toBeUndefined();
  // The honest client's new pair died with the session: its call fails, its refresh is refused, its tokens go.
  const err = await client.users.me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(client.tokens).toBeUndefined();
});

test('logout revokes the session: the old tokens stop working at once', async () => {
  const client = await api.loginAs('personal');
  const tokens = client.tokens!;
  await client.auth.logout();
  expect(client.tokens).toBeUndefined();
  const other = api.client({ tokens });
  await expect(other.users.me.retrieve()).rejects.toMatchObject({ code: 40101 });
});

test('logout with all: true ends every session of the user', async () => {
  const first = await api.loginAs('personal');
  const second = await api.loginAs('personal');
  await first.auth.logout({ all: true });
  await expect(second.users.me.retrieve()).rejects.toBeInstanceOf(AuthenticationError);
});

test('a frozen account answers 40302 on login, and the SDK does not try to refresh', async () => {
  const admin = await api.loginAs('platform admin');
  await admin.admin.users.freeze(api.account('personal').user_id, { reason: 'test' });
  const client = api.client();
  const { email, password } = api.account('personal');
  const err = await client.auth.login({ email, password, captcha_token: await api.captchaToken(client) }).catch((e) => e);
  expect(err).toBeInstanceOf(PermissionDeniedError);
  expect(err.code).toBe(40302);
});
