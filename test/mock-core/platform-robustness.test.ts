import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { createReferenceServer } from '../../mocks/index.js';
import { documentedOperations } from '../support/operations.js';
import { usePlatform } from './platform-support.js';
import { DIALECTS } from '../../mocks/dialects.js';

const t = usePlatform();

const document = parse(readFileSync(DIALECTS.platform.contract, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.keys(item)
    .filter((m) => ['get', 'post', 'put', 'delete'].includes(m))
    .map((method) => ({ method: method.toUpperCase(), path })),
);

const BODIES = [undefined, 'not json', '[]', 'null', '42', '{}', '{"email":7,"key_id":[],"password":{},"role":"owner","page":-1}', '{"__proto__":{"x":1},"constructor":1}'];

/** Fills path parameters with a real id of the seeded owner's world, or a malformed one. */
function concrete(path: string, malformed: boolean): string {
  const member = t.account('enterprise member').user_id;
  const verification = t.server.state.verifications[0]!.verification_id;
  const key = t.server.state.api_keys[0]!.key_id;
  return path
    .replace('{member_id}', malformed ? 'nope' : member)
    .replace('{user_id}', malformed ? 'u_%E2%82' : member)
    .replace('{key_id}', malformed ? 'key_%00' : key)
    .replace('{verification_id}', malformed ? 'ver_' : verification);
}

test(`every documented operation (${operations.length}) is served; bad input never gets a 5xx or an undocumented answer, and a refusal writes nothing`, async () => {
  const callers = [undefined, 'enterprise owner', 'platform admin'] as const;
  for (const { method, path } of operations) {
    for (const caller of callers) {
      for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : BODIES) {
        for (const malformed of [false, true]) {
          // A fresh world and a fresh login per case: an earlier success (a logout, a freeze) must not turn
          // every later case into a 40101 that never reaches the body checks.
          await t.server.reset();
          const token = caller && (await t.login(caller)).access;
          const before = JSON.stringify(t.server.state);
          const response = await t.call(method, concrete(path, malformed), { token, body });
          const answer = (await response.json()) as { code: number };
          const what = `${method} ${path} as ${caller ?? 'anonymous'} with ${body ?? 'no body'}${malformed ? ', malformed id' : ''}`;
          expect(answer.code, what).not.toBe(40400);
          if (answer.code !== 0) expect(JSON.stringify(t.server.state), `${what}: refused (${answer.code}) but the state changed`).toBe(before);
        }
      }
    }
  }
}, 240_000);

test('a body over 1 MiB is 413 41300 on every route that takes a body, and writes nothing', async () => {
  const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024), key_type: 'test' });
  // Routes that take no body never read one, so a large one is ignored there, as on most servers.
  const bodyRoutes = documentedOperations(DIALECTS.platform.contract).filter((op) => op.hasBody);
  expect(bodyRoutes).toHaveLength(20);
  const tooLarge = new Set<string>();
  for (const caller of [undefined, 'personal', 'enterprise owner', 'platform admin'] as const) {
    const token = caller && (await t.login(caller)).access;
    for (const { key, method, path } of bodyRoutes) {
      const before = JSON.stringify(t.server.state);
      const { status, code } = await t.json(method, concrete(path, false), { token, body: big });
      // Who may call is decided before the body is read (401 anonymous, 403 wrong role or account type);
      // past that, the size is the first check.
      expect([413, 401, 403], `${key} as ${caller ?? 'anonymous'}: ${code}`).toContain(status);
      expect(Math.floor(code / 100), key).toBe(status);
      if (status === 413) tooLarge.add(key);
      expect(JSON.stringify(t.server.state), key).toBe(before);
    }
  }
  expect([...tooLarge].sort(), 'routes that some caller reached the size check on').toEqual(bodyRoutes.map((op) => op.key).sort());
});

test('a body that is not a JSON object is 40000', async () => {
  for (const body of ['{', '[]', '"text"', '']) {
    expect(await t.json('POST', '/api/v1/auth/refresh', { body })).toMatchObject({ status: 400, code: 40000 });
  }
});

test('an unknown route or method is 404 40400 in the envelope', async () => {
  // Its own server: the contract has no path for an unknown route, by definition.
  const server = createReferenceServer({ dialect: 'platform', seed: 1, clock: { frozen: true } });
  for (const [method, path] of [['GET', '/api/v1/nope'], ['PATCH', '/api/v1/users/me'], ['GET', '/admin/v1/users/u_1/extra']]) {
    const response = await server.fetch(path!, { method });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 40400, message: 'Route not found.', data: null });
  }
});

test('rate limits: 42901 with Retry-After once switched on, per route and client', async () => {
  await t.call('PATCH', '/__mock/settings', { body: { RateLimitEnabled: true } });
  for (let i = 0; i < 5; i++) expect((await t.call('POST', '/api/v1/users/register', { body: {} })).status).toBe(400);
  const limited = await t.call('POST', '/api/v1/users/register', { body: {} });
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toBe('60');
  expect(await limited.json()).toMatchObject({ code: 42901, data: { retry_after: 60 } });
  const otherClient = await t.call('POST', '/api/v1/users/register', { body: {}, headers: { 'x-gatewaykit-client-ip': '10.0.0.2' } });
  expect(otherClient.status).toBe(400);
  expect((await t.call('GET', '/api/v1/auth/public-key')).status).toBe(200);
});

test('injected faults answer in the envelope with code = status × 100', async () => {
  await t.call('PUT', '/__mock/faults', { body: { fail_route: { method: 'GET', path: '/api/v1/users/me', status: 503 } } });
  expect(await t.json('GET', '/api/v1/users/me')).toMatchObject({ status: 503, code: 50300, message: 'Service unavailable.' });
});

test('injected faults take only statuses with a code in the contract\'s table', async () => {
  const route = { method: 'GET', path: '/api/v1/users/me' };
  for (const status of [100, 200, 204, 304, 409, 418, 501]) {
    const refused = await t.call('PUT', '/__mock/faults', { body: { fail_route: { ...route, status } } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe(`Failed to set the faults: fail_route.status ${status} cannot carry an error body here. Please use one of 400–401, 403–404, 413, 429, 500, 502–504.`);
  }
  for (const status of [400, 403, 404, 413, 500, 503]) {
    expect((await t.call('PUT', '/__mock/faults', { body: { fail_route: { ...route, status } } })).status).toBe(200);
  }
  // Only statuses the document lists for this route are sent: the contract check runs on every answer.
  for (const [status, code] of [[401, 40101], [429, 42901], [502, 50200], [504, 50400]]) {
    expect((await t.call('PUT', '/__mock/faults', { body: { fail_route: { ...route, status } } })).status).toBe(200);
    expect(await t.json('GET', '/api/v1/users/me')).toMatchObject({ status, code });
  }
});

test('enterprise verification: owner only, pending until an admin approves; the credit code is checked', async () => {
  const owner = await t.json('POST', '/api/v1/users/register', {
    body: { ...(await t.loginBody({ email: 'x' }, 'Aa123456!')), user_type: 'enterprise', email: 'boss@new.cn', enterprise_name: '新公司' },
  });
  expect(owner.status).toBe(201);
  const session = await t.json('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: 'boss@new.cn' }, 'Aa123456!') });
  const token = session.data.access_token as string;
  const body = { enterprise_name: 'XX 科技有限公司', credit_code: '91110000MA01ABCD1M', license_image: 'https://oss.example.com/l.jpg', contact_name: '李四', contact_phone: '13900139000' };
  expect(await t.json('POST', '/api/v1/users/me/verify/enterprise', { token, body: { ...body, credit_code: '91110000MA01ABCD1X' } })).toMatchObject({ code: 40001 });
  const pending = await t.json('POST', '/api/v1/users/me/verify/enterprise', { token, body });
  expect(pending.data).toMatchObject({ verify_status: 'pending', credit_code: '9111****', contact_phone: '139****9000', member_count: 1 });
  expect(await t.json('POST', '/api/v1/enterprise/members/invite', { token, body: { email: 'a@b.cn' } })).toMatchObject({ code: 40305 });
  const admin = await t.login('platform admin');
  const queue = await t.json('GET', '/admin/v1/verifications?type=enterprise&status=pending', { token: admin.access });
  await t.json('POST', `/admin/v1/verifications/${queue.data.items[0].verification_id}/approve`, { token: admin.access });
  expect((await t.json('POST', '/api/v1/enterprise/members/invite', { token, body: { email: 'a@b.cn' } })).status).toBe(201);
  expect(await t.json('POST', '/api/v1/users/me/verify/enterprise', { token: (await t.login('personal')).access, body })).toMatchObject({ code: 40303 });
});

test('seed: the same seed gives the same people and passwords; state export and import round-trip', async () => {
  const other = createReferenceServer({ dialect: 'platform', seed: 1, clock: { frozen: true } });
  await other.ready;
  expect(other.accounts).toEqual(t.server.accounts);
  expect(other.state.users).toEqual(t.server.state.users);
  const exported = await (await t.server.fetch('/__mock/state')).json();
  const imported = await other.fetch('/__mock/state', { method: 'PUT', body: JSON.stringify(exported) });
  expect(imported.status).toBe(200);
  expect((await other.fetch('/api/v1/auth/public-key').then((r) => r.json())).data.key_id).toBe((await t.publicKey()).key_id);
  expect((await other.fetch('/__mock/state', { method: 'PUT', body: '{"users":[]}' })).status).toBe(400);
});
