import { expect, test } from 'vitest';
import type { PlatformRole } from '../../mocks/index.js';
import { usePlatform } from './platform-support.js';

const t = usePlatform();

async function exportState(): Promise<any> {
  return (await t.server.fetch('/__mock/state')).json();
}

function importState(state: unknown): Promise<Response> {
  return t.server.fetch('/__mock/state', { method: 'PUT', body: JSON.stringify(state) });
}

/** Fills every table the sweep walks: sessions and tokens, failures, codes, captchas, an invitation. */
async function busyState(): Promise<any> {
  const personal = t.account('personal');
  await t.login('personal');
  const owner = await t.login('enterprise owner');
  await t.call('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: personal.email }, 'Wrong1234') });
  await t.call('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: 'nobody@example.com' }, 'Wrong1234') });
  await t.call('POST', '/api/v1/users/me/verify/email', { body: { email: personal.email, purpose: 'reset_password', captcha_token: await t.captchaToken() } });
  await t.call('POST', '/api/v1/enterprise/members/invite', { token: owner.access, body: { email: 'invitee@example.com' } });
  await t.captchaToken();
  await t.call('POST', '/api/v1/auth/captcha');
  const state = await exportState();
  for (const table of ['sessions', 'access_tokens', 'refresh_tokens', 'login_failures', 'email_codes', 'email_sends', 'captchas', 'captcha_tokens']) {
    expect(Object.keys(state[table]), table).not.toHaveLength(0);
  }
  for (const table of ['outbox', 'rsa_keys', 'users', 'enterprises', 'api_keys', 'invitations', 'verifications']) expect(state[table], table).not.toHaveLength(0);
  return state;
}

/** Every path into `value`: object keys and array indexes, parents before children. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...paths((value as any)[key], [...prefix, key])]);
}

function mutated(state: unknown, path: (string | number)[], change: 'delete' | '{}'): unknown {
  const copy = structuredClone(state) as any;
  const parent = path.slice(0, -1).reduce((node, key) => node[key], copy);
  const last = path[path.length - 1]!;
  if (change === '{}') parent[last] = {};
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/** Logs the seeded accounts in and reads what each may read; no answer may be a 500. */
async function servesEverything(label: string): Promise<void> {
  const call = async (method: string, path: string, options: { body?: unknown; token?: string }) => {
    const response = await t.call(method, path, options);
    expect(response.status, `${label}: ${method} ${path}`).not.toBe(500);
    return response.json() as Promise<any>;
  };
  const roles: PlatformRole[] = ['platform admin', 'personal', 'enterprise owner', 'enterprise member'];
  for (const role of roles) {
    const account = t.account(role);
    const login = await call('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: account.email }, account.password) });
    if (login.code !== 0) continue;
    const token = login.data.access_token as string;
    for (const path of ['/api/v1/users/me', '/api/v1/users/me/apikeys', '/api/v1/users/me/verify/realname', '/api/v1/enterprise/profile', '/api/v1/enterprise/members']) {
      await call('GET', path, { token });
    }
    if (role !== 'platform admin') continue;
    const users = await call('GET', '/admin/v1/users?page_size=100', { token });
    for (const user of users.data?.items ?? []) await call('GET', `/admin/v1/users/${user.user_id}`, { token });
    const verifications = await call('GET', '/admin/v1/verifications?page_size=100', { token });
    for (const v of verifications.data?.items ?? []) await call('GET', `/admin/v1/verifications/${v.verification_id}`, { token });
  }
}

test('state import: a user without phone is refused with 400 naming the field, and the state stays', async () => {
  const before = await exportState();
  const state = structuredClone(before);
  delete state.users[1].phone;
  const response = await importState(state);
  expect(response.status).toBe(400);
  expect((await response.json()).error).toMatch(/^Failed to import the state: .*\n {2}→ at users\[1\]\.phone$/);
  expect(await exportState()).toEqual(before);
});

test('state import: membership_expires_at {} is refused with 400 naming the field, and the state stays', async () => {
  const before = await exportState();
  const state = structuredClone(before);
  state.users[0].membership_expires_at = {};
  const response = await importState(state);
  expect(response.status).toBe(400);
  expect((await response.json()).error).toMatch(/→ at users\[0\]\.membership_expires_at$/);
  expect(await exportState()).toEqual(before);
});

test('state import: a time outside what Date can hold is refused, not answered with a 500 later', async () => {
  const state = await exportState();
  state.users[0].created_at = 1e300;
  const response = await importState(state);
  expect(response.status).toBe(400);
  expect((await response.json()).error).toMatch(/→ at users\[0\]\.created_at$/);
});

// Heavy (every field of a busy state, twice): a generous ceiling, not a timing assertion.
test('state import: deleting any field or setting it to {} is refused with 400, or the server still serves it', async () => {
  const base = await busyState();
  let accepted = 0;
  for (const path of paths(base)) {
    for (const change of ['delete', '{}'] as const) {
      const label = `${change} ${path.join('.')}`;
      const response = await importState(mutated(base, path, change));
      if (response.status === 200) {
        accepted++;
        await servesEverything(label);
      } else {
        expect(response.status, label).toBe(400);
        expect((await response.json()).error, label).toMatch(/^Failed to import the state: .*\n {2}→ at \S/);
      }
    }
  }
  // The sweep is only worth something if both outcomes happen.
  expect(accepted).toBeGreaterThan(10);
}, 300_000);

// Review (issue 8, item 7): the schema types these fields as any string, but the server cannot serve every string:
// a private key that is no PKCS#8, or a hash whose iteration count WebCrypto refuses, answers 500 on login.
test('state import: an RSA key or a password hash the server cannot use is refused with 400, not a 500 at login', async () => {
  const account = t.account('personal');
  for (const change of [
    (state: any) => state.rsa_keys.forEach((key: any) => (key.private_pkcs8 = 'AAAA')),
    (state: any) => state.users.forEach((user: any) => (user.password_hash = 'pbkdf2$99999999999$AAAA$AAAA')),
  ]) {
    await t.server.reset();
    const state = await exportState();
    change(state);
    const response = await importState(state);
    if (response.status === 200) {
      const login = await t.call('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: account.email }, account.password) });
      expect(login.status).not.toBe(500);
    } else expect(response.status).toBe(400);
  }
});

/** A fresh RSA-OAEP pair as the state stores it: base64 PKCS#8 and an SPKI PEM. */
async function keyPairRecord(modulusLength: number): Promise<{ private_pkcs8: string; public_key_pem: string }> {
  const pair = await crypto.subtle.generateKey({ name: 'RSA-OAEP', hash: 'SHA-256', modulusLength, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['encrypt', 'decrypt']);
  const base64 = async (format: 'pkcs8' | 'spki', key: CryptoKey) => btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey(format, key))));
  const spki = (await base64('spki', pair.publicKey)).match(/.{1,64}/g)!.join('\n');
  return { private_pkcs8: await base64('pkcs8', pair.privateKey), public_key_pem: `-----BEGIN PUBLIC KEY-----\n${spki}\n-----END PUBLIC KEY-----\n` };
}

test('state import: an RSA key that is no 2048-bit PKCS#8, or a PEM of another key, is refused with 400 naming the field', async () => {
  const before = await exportState();
  const other = await keyPairRecord(2048);
  const small = await keyPairRecord(1024);
  const cases: Array<[(key: any) => void, string]> = [
    [(key) => (key.private_pkcs8 = 'AAAA'), 'private_pkcs8'],
    [(key) => (key.private_pkcs8 = 'not base64!'), 'private_pkcs8'],
    [(key) => Object.assign(key, small), 'private_pkcs8'],
    [(key) => (key.public_key_pem = other.public_key_pem), 'public_key_pem'],
    [(key) => (key.public_key_pem = 'AAAA'), 'public_key_pem'],
  ];
  for (const [change, field] of cases) {
    const state = structuredClone(before);
    change(state.rsa_keys[0]);
    const response = await importState(state);
    expect(response.status, field).toBe(400);
    expect((await response.json()).error, field).toMatch(new RegExp(`→ at rsa_keys\\[0\\]\\.${field}$`));
  }
  expect(await exportState()).toEqual(before);
  const state = structuredClone(before);
  Object.assign(state.rsa_keys[0], other);
  expect((await importState(state)).status).toBe(200);
  const account = t.account('personal');
  expect((await t.json('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: account.email }, account.password) })).code).toBe(0);
});

test('state import: a password hash that is empty, malformed or past 1,000,000 iterations is refused with 400 naming the field', async () => {
  const before = await exportState();
  const [, , salt, hash] = before.users[0].password_hash.split('$');
  for (const stored of ['', 'secret', 'pbkdf2$99999999999$AAAA$AAAA', `pbkdf2$1000001$${salt}$${hash}`, `pbkdf2$0$${salt}$${hash}`, `pbkdf2$1e3$${salt}$${hash}`, `pbkdf2$1000$${salt}$AAAA`, `pbkdf2$1000$!!$${hash}`]) {
    const state = structuredClone(before);
    state.users[0].password_hash = stored;
    const response = await importState(state);
    expect(response.status, stored).toBe(400);
    expect((await response.json()).error, stored).toMatch(/→ at users\[0\]\.password_hash$/);
  }
  expect(await exportState()).toEqual(before);
  const state = structuredClone(before);
  state.users[0].password_hash = `pbkdf2$1000000$${salt}$${hash}`;
  expect((await importState(state)).status).toBe(200);
});

test('state import: a time before 1970 or past 9999-12-31T23:59:59.999Z is refused; the last millisecond is served', async () => {
  const before = await exportState();
  for (const at of [-1, 253_402_300_800_000]) {
    const state = structuredClone(before);
    state.users[0].created_at = at;
    const response = await importState(state);
    expect(response.status, String(at)).toBe(400);
    expect((await response.json()).error).toMatch(/→ at users\[0\]\.created_at$/);
  }
  const state = structuredClone(before);
  const account = t.account('personal');
  state.users.find((u: any) => u.email === account.email).created_at = 253_402_300_799_999;
  expect((await importState(state)).status).toBe(200);
  const { access } = await t.login('personal');
  expect((await t.json('GET', '/api/v1/users/me', { token: access })).data.created_at).toBe('9999-12-31T23:59:59Z');
});
