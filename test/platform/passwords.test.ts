import { constants, publicEncrypt } from 'node:crypto';
import { expect, test, vi } from 'vitest';
import { AuthenticationError } from '../../src/index.js';
import type { PlatformClient } from '../../src/platform/index.js';
import { usePlatform } from '../support/platform.js';

// Password transport against the reference server: the SDK's WebCrypto ciphertexts are accepted, the
// plaintext never travels, and a key the server retired is replaced without the caller noticing.
const api = usePlatform();

/** Records the body of every request a client sends, as an app's onRequest hook would see it. */
function recorder() {
  const bodies: string[] = [];
  const urls: string[] = [];
  const onRequest = async (request: Request) => {
    urls.push(`${request.method} ${new URL(request.url).pathname}`);
    bodies.push(await request.clone().text());
  };
  return { bodies, urls, onRequest };
}

async function login(client: PlatformClient, email: string, password: string) {
  return client.auth.login({ email, password, captcha_token: await api.captchaToken(client) });
}

test('no request body carries a plaintext password, in any flow that takes one', async () => {
  const sent = recorder();
  const client = api.client({ onRequest: sent.onRequest });
  const owner = await api.loginAs('enterprise owner', { onRequest: sent.onRequest });
  const secrets = { registered: 'Regist3r-pass', changed: 'Chang3d-pass', reset: 'Res3t-pass', invited: 'Invit3d-pass', wrong: 'Wr0ng-pass' };

  await client.auth.register({ user_type: 'personal', email: 'flows@example.com', password: secrets.registered, captcha_token: await api.captchaToken(client) });
  await expect(login(client, 'flows@example.com', secrets.wrong)).rejects.toBeInstanceOf(AuthenticationError);
  await login(client, 'flows@example.com', secrets.registered);
  await client.users.me.changePassword({ old_password: secrets.registered, new_password: secrets.changed });
  await client.auth.logout();

  const anonymous = api.client({ onRequest: sent.onRequest });
  await anonymous.users.me.sendEmailCode({ email: 'flows@example.com', purpose: 'reset_password', captcha_token: await api.captchaToken(anonymous) });
  await anonymous.users.me.confirmEmailCode({ purpose: 'reset_password', email: 'flows@example.com', code: api.lastCode('flows@example.com'), new_password: secrets.reset });
  await login(anonymous, 'flows@example.com', secrets.reset);

  await owner.members.invite({ email: 'invited@example.com' });
  await api.client({ onRequest: sent.onRequest }).members.acceptInvitation({ token: api.lastCode('invited@example.com'), password: secrets.invited });
  await login(api.client({ onRequest: sent.onRequest }), 'invited@example.com', secrets.invited);

  const all = sent.bodies.join('\n');
  expect(sent.urls).toEqual(expect.arrayContaining(['POST /api/v1/users/register', 'PUT /api/v1/users/me/password', 'POST /api/v1/users/me/verify/email/confirm', 'POST /api/v1/enterprise/invitations/accept']));
  for (const secret of [...Object.values(secrets), api.account('enterprise owner').password]) {
    expect(all).not.toContain(secret);
    expect(all).not.toContain(btoa(secret));
  }
  expect(all).toMatch(/"password":"[A-Za-z0-9+/]{342}=="/);
});

test('the public key is fetched once and reused across password calls', async () => {
  const sent = recorder();
  const client = api.client({ onRequest: sent.onRequest });
  const { email, password } = api.account('personal');
  await login(client, email, password);
  await login(client, email, password);
  await client.users.me.changePassword({ old_password: password, new_password: 'An0ther-pass' });
  expect(sent.urls.filter((u) => u.endsWith('/public-key'))).toHaveLength(1);
});

test('a key the server let expire (40011) is fetched again and the call sent once more, with the same captcha token', async () => {
  const sent = recorder();
  const client = api.client({ onRequest: sent.onRequest });
  const { email, password } = api.account('personal');
  await login(client, email, password);
  api.server.clock.advance(25 * 3_600_000);
  const me = await login(client, email, password);
  expect(me.user.email).toBe(email);
  const logins = sent.bodies.filter((_, i) => sent.urls[i] === 'POST /api/v1/auth/login').map((b) => JSON.parse(b));
  expect(logins).toHaveLength(3);
  expect(logins[1].key_id).not.toBe(logins[2].key_id);
  expect(logins[1].captcha_token).toBe(logins[2].captcha_token);
  expect(sent.urls.filter((u) => u.endsWith('/public-key'))).toHaveLength(2);
});

test('encryptPassword is used in place of WebCrypto: a node:crypto OAEP ciphertext is accepted', async () => {
  const encryptPassword = vi.fn(async (password: string, key: { public_key: string }) =>
    publicEncrypt({ key: key.public_key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(password)).toString('base64'),
  );
  const client = api.client({ encryptPassword });
  const { email, password } = api.account('personal');
  const { user } = await login(client, email, password);
  expect(user.email).toBe(email);
  expect(encryptPassword).toHaveBeenCalledWith(password, expect.objectContaining({ algorithm: 'RSA-OAEP-256', key_id: expect.stringMatching(/^rsa_key_\d{8}_\d{3}$/) }));
});

test('a PKCS#1 v1.5 hook reaches the server, which refuses it (40013) and keeps the captcha token usable', async () => {
  const v15 = async (password: string, key: { public_key: string }) => publicEncrypt({ key: key.public_key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(password)).toString('base64');
  const client = api.client({ encryptPassword: v15 });
  const { email, password } = api.account('personal');
  const captcha_token = await api.captchaToken(client);
  await expect(client.auth.login({ email, password, captcha_token })).rejects.toMatchObject({ status: 400, code: 40013 });
  await expect(api.client().auth.login({ email, password, captcha_token })).resolves.toMatchObject({ user: { email } });
});
