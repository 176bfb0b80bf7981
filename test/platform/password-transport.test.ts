import { constants, publicEncrypt } from 'node:crypto';
import { expect, test, vi } from 'vitest';
import { AbortError, GatewayError, ValidationError } from '../../src/index.js';
import { PlatformClient, type PlatformClientOptions } from '../../src/platform/index.js';
import { createPlatformFake } from '../support/platform-fake.js';

// SDK-side password transport against an injected fake whose key can die on demand. The same flows
// run against the reference server in auth.test.ts and users.test.ts.

function setup(options: Partial<PlatformClientOptions> = {}, fakeOptions: Parameters<typeof createPlatformFake>[0] = {}) {
  const fake = createPlatformFake(fakeOptions);
  const client = new PlatformClient({ baseURL: 'http://platform.test', fetch: (r) => fake.fetch(r), maxRetries: 0, ...options });
  return { fake, client };
}

const login = (client: PlatformClient, password: string) => client.auth.login({ email: 'user@example.com', password, captcha_token: 'captcha_x' });

test('every flow that carries a password sends only ciphertext: no request body holds the plaintext', async () => {
  const { fake, client } = setup();
  const secrets = [fake.password, 'N3w-passw0rd!', 'Reg1ster-pass', 'Inv1te-pass', 'Res3t-pass'];
  await client.auth.register({ user_type: 'personal', email: 'new@example.com', password: secrets[2]!, captcha_token: 'captcha_x' });
  await login(client, fake.password);
  await client.users.me.changePassword({ old_password: fake.password, new_password: secrets[1]! });
  const anonymous = new PlatformClient({ baseURL: 'http://platform.test', fetch: (r) => fake.fetch(r), maxRetries: 0 });
  await anonymous.users.me.confirmEmailCode({ purpose: 'reset_password', email: 'user@example.com', code: '123456', new_password: secrets[4]! });
  await anonymous.members.acceptInvitation({ token: 'invite_x', password: secrets[3]! });
  await login(client, 'wrong-password-1').catch(() => undefined);

  const bodies = fake.seen.map((r) => r.body).join('\n');
  expect(bodies).toContain('"key_id":"rsa_key_');
  for (const secret of [...secrets, 'wrong-password-1']) {
    expect(bodies).not.toContain(secret);
    expect(bodies).not.toContain(btoa(secret));
  }
  expect(fake.decrypted).toEqual([secrets[2], fake.password, fake.password, secrets[1], secrets[4], secrets[3], 'wrong-password-1']);
});

test('a refused login names the code, never the password, in its message or anywhere on the error', async () => {
  const { client } = setup();
  const err = await login(client, 'not-the-Passw0rd').catch((e) => e);
  expect(err.code).toBe(40104);
  expect(`${err.message} ${JSON.stringify(err)} ${JSON.stringify(err.request)}`).not.toContain('not-the-Passw0rd');
});

test('the public key is fetched once and reused for later password calls while it is valid', async () => {
  const { fake, client } = setup();
  await login(client, fake.password);
  await login(client, fake.password);
  await client.users.me.changePassword({ old_password: fake.password, new_password: 'N3w-passw0rd!' });
  expect(fake.keyFetches).toBe(1);
});

test('concurrent password calls share one key fetch', async () => {
  const { fake, client } = setup();
  await Promise.all(Array.from({ length: 5 }, () => login(client, fake.password)));
  expect(fake.keyFetches).toBe(1);
});

test('aborting one login does not cancel the key fetch another login shares: only the aborted one fails', async () => {
  const fake = createPlatformFake();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const fetch = async (request: Request) => {
    if (new URL(request.url).pathname.endsWith('/public-key')) await held;
    return fake.fetch(request);
  };
  const client = new PlatformClient({ baseURL: 'http://platform.test', fetch, maxRetries: 0 });
  const aborted = new AbortController();
  const first = client.auth.login({ email: 'user@example.com', password: fake.password, captcha_token: 'captcha_x' }, { signal: aborted.signal });
  const second = login(client, fake.password);
  aborted.abort();
  await expect(first).rejects.toBeInstanceOf(AbortError);
  release();
  await expect(second).resolves.toHaveProperty('access_token');
  expect(fake.keyFetches).toBe(1);
});

test('a key within a minute of its expires_at is not trusted: it is fetched again', async () => {
  const { fake, client } = setup({}, { keyLifeMs: 30_000 });
  await login(client, fake.password);
  await login(client, fake.password);
  expect(fake.keyFetches).toBe(2);
});

test('key expired (40011): the SDK refetches the key and sends once more, with the same captcha token', async () => {
  const { fake, client } = setup();
  await login(client, fake.password);
  fake.rotate();
  await login(client, fake.password);
  const logins = fake.seen.filter((r) => r.path === '/api/v1/auth/login').slice(1).map((r) => JSON.parse(r.body));
  expect(logins).toHaveLength(2);
  expect(logins[0].key_id).not.toBe(logins[1].key_id);
  expect(logins[1].key_id).toBe(fake.currentKeyId);
  expect(logins[0].captcha_token).toBe(logins[1].captcha_token);
  expect(logins[0].password).not.toBe(logins[1].password);
  expect(fake.keyFetches).toBe(2);
});

test('key refused twice in a row: the second 40011 is thrown, no third attempt', async () => {
  const { fake, client } = setup();
  fake.refuseKey = { code: 40011, times: 2 };
  const err = await login(client, fake.password).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err.code).toBe(40011);
  expect(fake.seen.filter((r) => r.path === '/api/v1/auth/login')).toHaveLength(2);
});

test('an unknown key_id (40010) is cured the same way, and both password fields share the new key', async () => {
  const { fake, client } = setup();
  await login(client, fake.password);
  fake.refuseKey = { code: 40010, times: 1 };
  await client.users.me.changePassword({ old_password: fake.password, new_password: 'N3w-passw0rd!' });
  const sent = JSON.parse(fake.seen.at(-1)!.body);
  expect(Object.keys(sent).sort()).toEqual(['key_id', 'new_password', 'old_password']);
  expect(fake.decrypted.slice(-2)).toEqual([fake.password, 'N3w-passw0rd!']);
  expect(fake.keyFetches).toBe(2);
});

test('encryptPassword replaces the built-in encryption and is handed the server key', async () => {
  const seenKeys: unknown[] = [];
  const encryptPassword = vi.fn(async (password: string, key: { key_id: string; public_key: string; algorithm: string }) => {
    seenKeys.push(key);
    return publicEncrypt({ key: key.public_key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(password)).toString('base64');
  });
  const { fake, client } = setup({ encryptPassword });
  await login(client, fake.password);
  expect(encryptPassword).toHaveBeenCalledOnce();
  expect(seenKeys[0]).toEqual({ key_id: fake.currentKeyId, public_key: expect.stringContaining('BEGIN PUBLIC KEY'), algorithm: 'RSA-OAEP-256' });
  expect(fake.decrypted).toEqual([fake.password]);
});

test('a PKCS#1 v1.5 hook (what node-forge or JSEncrypt would give) is sent as it is', async () => {
  const v15 = async (password: string, key: { public_key: string }) =>
    publicEncrypt({ key: key.public_key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(password)).toString('base64');
  const { fake, client } = setup({ encryptPassword: v15 });
  // The fake, like the reference server, only decrypts OAEP: the v1.5 ciphertext reaches it and is refused.
  const err = await login(client, fake.password).catch((e) => e);
  expect(err.code).toBe(40013);
  expect(JSON.parse(fake.seen.at(-1)!.body).password).toHaveLength(344);
});

test('a hook that returns the plaintext is caught before anything is sent', async () => {
  const { fake, client } = setup({ encryptPassword: async (password) => password });
  const err = await login(client, fake.password).catch((e) => e);
  expect(err).toBeInstanceOf(GatewayError);
  expect(err.message).toMatch(/Failed to encrypt a password/);
  expect(err.message).not.toContain(fake.password);
  expect(fake.seen.map((r) => r.path)).toEqual(['/api/v1/auth/public-key']);
});

test('a key for another scheme without a hook fails before sending and asks for encryptPassword', async () => {
  const fetch = async (request: Request) =>
    new URL(request.url).pathname.endsWith('/public-key')
      ? new Response(JSON.stringify({ code: 0, message: 'ok', data: { key_id: 'k1', algorithm: 'RSA-PKCS1-v1_5', public_key: 'x', expires_at: '2999-01-01T00:00:00Z' } }))
      : new Response('{}', { status: 500 });
  const client = new PlatformClient({ baseURL: 'http://platform.test', fetch, maxRetries: 0 });
  const err = await login(client, 'Passw0rd!').catch((e) => e);
  expect(err).toBeInstanceOf(GatewayError);
  expect(err.message).toMatch(/RSA-PKCS1-v1_5.*encryptPassword/);
});
