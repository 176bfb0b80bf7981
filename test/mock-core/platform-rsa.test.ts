import { constants, publicEncrypt } from 'node:crypto';
import { expect, test, vi } from 'vitest';
import { createReferenceServer } from '../../mocks/index.js';
import { usePlatform } from './platform-support.js';

const t = usePlatform();
const oaep = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' };
const DAY_MS = 86_400_000;
const GRACE_MS = 10 * 60_000;

const exported = async () => (await t.server.fetch('/__mock/state')).json();

test('public key: RSA-OAEP-256 SPKI PEM, rsa_key_YYYYMMDD_NNN, the same key until rotation', async () => {
  const first = await t.json('GET', '/api/v1/auth/public-key');
  expect(first.status).toBe(200);
  expect(first.data).toMatchObject({ algorithm: 'RSA-OAEP-256', key_id: expect.stringMatching(/^rsa_key_\d{8}_001$/) });
  expect(first.data.public_key).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  expect(Date.parse(first.data.expires_at) - t.server.clock.now()).toBeGreaterThan(DAY_MS);
  expect((await t.publicKey()).key_id).toBe(first.data.key_id);
});

test('interop: a node:crypto publicEncrypt (OAEP, SHA-256) ciphertext logs in', async () => {
  const account = t.account('personal');
  const key = await t.publicKey();
  const password = publicEncrypt({ key: key.public_key, ...oaep }, Buffer.from(account.password)).toString('base64');
  const answer = await t.json('POST', '/api/v1/auth/login', { body: { email: account.email, key_id: key.key_id, password, captcha_token: await t.captchaToken() } });
  expect(answer.status).toBe(200);
  expect(answer.data.user.email).toBe(account.email);
});

test('an unknown key_id is 40010; a key past its grace window is 40011', async () => {
  const account = t.account('personal');
  const body = await t.loginBody({ email: account.email }, account.password);
  expect(await t.json('POST', '/api/v1/auth/login', { body: { ...body, key_id: 'rsa_key_20000101_001' } })).toMatchObject({ status: 400, code: 40010 });
  t.server.clock.advance(DAY_MS + GRACE_MS);
  expect(await t.json('POST', '/api/v1/auth/login', { body })).toMatchObject({ status: 400, code: 40011 });
  // Fetching a key rotates and drops the dead one; its id still reads "expired", never "unknown".
  const fresh = await t.publicKey();
  expect(fresh.key_id).not.toBe(body.key_id);
  expect(await t.json('POST', '/api/v1/auth/login', { body })).toMatchObject({ code: 40011 });
});

test('rotation: a new key after 24 h, the previous one still accepted for the 10-minute grace window', async () => {
  const account = t.account('personal');
  const old = await t.publicKey();
  t.server.clock.advance(DAY_MS + 60_000);
  const current = await t.publicKey();
  expect(current.key_id).not.toBe(old.key_id);
  expect(current.key_id).toMatch(/_00[12]$/);
  const viaOld = { email: account.email, key_id: old.key_id, password: await t.encrypt(account.password, old.public_key), captcha_token: await t.captchaToken() };
  expect((await t.json('POST', '/api/v1/auth/login', { body: viaOld })).status).toBe(200);
});

test('replay: the same ciphertext is refused the second time (40012), even with a fresh captcha', async () => {
  const account = t.account('personal');
  const body = await t.loginBody({ email: account.email }, account.password);
  expect((await t.json('POST', '/api/v1/auth/login', { body })).status).toBe(200);
  const again = await t.json('POST', '/api/v1/auth/login', { body: { ...body, captcha_token: await t.captchaToken() } });
  expect(again).toMatchObject({ status: 400, code: 40012 });
});

test('replay hashes are dropped with their key', async () => {
  const account = t.account('personal');
  const body = await t.loginBody({ email: account.email }, account.password);
  await t.json('POST', '/api/v1/auth/login', { body });
  expect(t.server.state.rsa_keys[0]!.used).toHaveLength(1);
  t.server.clock.advance(DAY_MS + GRACE_MS);
  await t.publicKey();
  expect(t.server.state.rsa_keys.map((k) => k.key_id)).not.toContain(body.key_id);
  expect(t.server.state.retired_key_ids).toEqual([body.key_id]);
  expect(t.server.state.rsa_keys.flatMap((k) => k.used)).toEqual([]);
});

test('garbage, oversize, unpadded, PKCS#1 v1.5 and plaintext passwords are 40013: there is no fallback', async () => {
  const account = t.account('personal');
  const key = await t.publicKey();
  const good = await t.encrypt(account.password, key.public_key);
  const v15 = publicEncrypt({ key: key.public_key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(account.password)).toString('base64');
  const cases = [account.password, 'not base64!', Buffer.alloc(512, 7).toString('base64'), good.replace(/=+$/, ''), ` ${good}`, v15, 'A'.repeat(200_000)];
  for (const password of cases) {
    const body = { email: account.email, key_id: key.key_id, password, captcha_token: 'captcha_unused' };
    expect(await t.json('POST', '/api/v1/auth/login', { body })).toMatchObject({ status: 400, code: 40013 });
  }
});

test('checks run in order: body, then key_id, then ciphertext, then captcha', async () => {
  const account = t.account('personal');
  const key = await t.publicKey();
  const password = await t.encrypt(account.password, key.public_key);
  const login = (body: object) => t.json('POST', '/api/v1/auth/login', { body });
  expect(await login({ key_id: 'nope', password: 'x', captcha_token: 'x' })).toMatchObject({ code: 40001 });
  expect(await login({ email: account.email, key_id: 'nope', password: 'x', captcha_token: 'x' })).toMatchObject({ code: 40010 });
  expect(await login({ email: account.email, key_id: key.key_id, password: 'x', captcha_token: 'x' })).toMatchObject({ code: 40013 });
  expect(await login({ email: account.email, key_id: key.key_id, password, captcha_token: 'x' })).toMatchObject({ code: 40020 });
});

test('refusals before the captcha step leave no state: the captcha token still works after 40010-40013', async () => {
  const account = t.account('personal');
  const key = await t.publicKey();
  const token = await t.captchaToken();
  const password = await t.encrypt(account.password, key.public_key);
  const before = await exported();
  for (const body of [
    { email: account.email, key_id: 'rsa_key_19990101_001', password, captcha_token: token },
    { email: account.email, key_id: key.key_id, password: 'garbage', captcha_token: token },
    { email: account.email, key_id: key.key_id, password: await t.encrypt('wrong-password1', key.public_key), captcha_token: 'captcha_other' },
  ]) {
    expect((await t.json('POST', '/api/v1/auth/login', { body })).status).toBe(400);
  }
  expect(await exported()).toEqual(before);
  expect((await t.json('POST', '/api/v1/auth/login', { body: { email: account.email, key_id: key.key_id, password, captcha_token: token } })).status).toBe(200);
});

test('password change: the same ciphertext in both fields is a replay', async () => {
  const { auth, account } = await t.login('personal');
  const key = await t.publicKey();
  const field = await t.encrypt(account.password, key.public_key);
  const answer = await t.json('PUT', '/api/v1/users/me/password', { headers: auth, body: { key_id: key.key_id, old_password: field, new_password: field } });
  expect(answer).toMatchObject({ status: 400, code: 40012 });
});

// Key generation is most of a seeded server's start; these count generations, never milliseconds.
const countKeyGenerations = () => {
  const spy = vi.spyOn(crypto.subtle, 'generateKey');
  return { count: () => spy.mock.calls.filter(([algorithm]) => (algorithm as { name?: string }).name === 'RSA-OAEP').length, restore: () => spy.mockRestore() };
};
const startPlatform = async (seed?: string) => {
  const server = createReferenceServer({ dialect: 'platform', seed, clock: { frozen: true } });
  await server.ready;
  return server;
};
const keyOf = async (server: Awaited<ReturnType<typeof startPlatform>>) => (await (await server.fetch('/api/v1/auth/public-key')).json()).data.public_key as string;

test('seeded keys: two servers with one seed and a reset generate the key once and serve the same key', async () => {
  const generations = countKeyGenerations();
  try {
    const first = await startPlatform('rsa-cache-once');
    const second = await startPlatform('rsa-cache-once');
    await first.reset();
    expect(generations.count()).toBe(1);
    expect(await keyOf(second)).toBe(await keyOf(first));
  } finally {
    generations.restore();
  }
});

test('seeded keys: a rotation after a reset reuses the rotated key of that seed', async () => {
  const server = await startPlatform('rsa-cache-rotation');
  const generations = countKeyGenerations();
  try {
    server.clock.advance(DAY_MS + 60_000);
    const rotated = await keyOf(server);
    await server.reset();
    server.clock.advance(DAY_MS + 60_000);
    expect(await keyOf(server)).toBe(rotated);
    expect(generations.count()).toBe(1);
  } finally {
    generations.restore();
  }
});

test('seeded keys: different seeds and unseeded servers never share a key', async () => {
  const keys = await Promise.all([startPlatform('rsa-cache-a'), startPlatform('rsa-cache-b'), startPlatform(), startPlatform()].map(async (s) => keyOf(await s)));
  expect(new Set(keys).size).toBe(4);
});
