import { expect, test } from 'vitest';
import { createReferenceServer } from '../../mocks/index.js';
import { parsePythonDatetime } from '../../mocks/aether/python-datetime.js';
import { parsePythonJson } from '../../mocks/aether/python-json.js';

/**
 * What aether's framework answers outside any operation of the contract (so not contract-checked): Starlette's
 * 404 and 405 with `Allow`, its trailing-slash redirect, and the Python parsing rules the dialect reproduces.
 */
async function server() {
  const created = createReferenceServer({ dialect: 'aether', seed: 1, clock: { frozen: true }, baseUrl: 'http://127.0.0.1:4011' });
  await created.ready;
  return created;
}

test('routing: an unknown path is Starlette\'s {"detail":"Not Found"}', async () => {
  const aether = await server();
  for (const path of ['/api/nope', '/api/admin/usage/records', '/api/admin/users/x/y/z']) {
    const response = await aether.fetch(path);
    expect([response.status, await response.json()]).toEqual([404, { detail: 'Not Found' }]);
  }
});

test('routing: another method on a known path is a 405 naming the method of the path\'s first route', async () => {
  const aether = await server();
  const cases: Array<[string, string, string]> = [
    ['PATCH', '/api/admin/users', 'POST'],
    ['PATCH', '/api/admin/users/abc', 'GET'],
    ['PUT', '/api/admin/users/abc/quota', 'PATCH'],
    ['PUT', '/api/admin/users/abc/api-keys', 'GET'],
    ['GET', '/api/admin/users/abc/api-keys/def', 'DELETE'],
    ['POST', '/api/users/me/password', 'PATCH'],
    ['HEAD', '/api/users/me', 'GET'],
    ['OPTIONS', '/api/auth/login', 'POST'],
  ];
  for (const [method, path, allow] of cases) {
    const response = await aether.fetch(path, { method });
    expect([response.status, response.headers.get('allow')], `${method} ${path}`).toEqual([405, allow]);
    if (method !== 'HEAD') expect(await response.json()).toEqual({ detail: 'Method Not Allowed' });
  }
});

test('routing: a trailing slash added or missing is a 307 to the route\'s path, on the server\'s own address', async () => {
  const aether = await server();
  const redirected = await aether.fetch('/api/admin/users/?skip=0', { headers: { host: 'evil.example' } });
  expect([redirected.status, redirected.headers.get('location'), await redirected.text()]).toEqual([307, 'http://127.0.0.1:4011/api/admin/users?skip=0', '']);
  const templated = await aether.fetch('/api/admin/users/abc/', { method: 'DELETE' });
  expect([templated.status, templated.headers.get('location')]).toEqual([307, 'http://127.0.0.1:4011/api/admin/users/abc']);
});

test('python: datetimes as pydantic reads them, and its reasons for those it refuses', () => {
  expect(parsePythonDatetime('2025-01-01')).toEqual({ ok: true, ms: Date.UTC(2025, 0, 1) });
  expect(parsePythonDatetime('2025-01-01T10:00:00+08:00')).toEqual({ ok: true, ms: Date.UTC(2025, 0, 1, 2) });
  expect(parsePythonDatetime('2025-01-01 10:00:00.1234567Z')).toEqual({ ok: true, ms: Date.UTC(2025, 0, 1, 10, 0, 0, 123) });
  expect(parsePythonDatetime('1700000000')).toEqual({ ok: true, ms: 1_700_000_000_000 });
  expect(parsePythonDatetime('17000000000000')).toEqual({ ok: true, ms: 17_000_000_000_000 });
  const refused: Array<[string, string]> = [
    ['not-a-date', 'invalid character in year'],
    ['', 'input is too short'],
    ['2025/01/01', 'invalid date separator, expected `-`'],
    ['2025-13-01', 'month value is outside expected range of 1-12'],
    ['2025-02-29', 'day value is outside expected range'],
    ['2025-01-0x', 'invalid character in day'],
    ['2025-01-01T25:00:00', 'unexpected extra characters at the end of the input'],
    ['2024-02-29T00:00:00+08', 'unexpected extra characters at the end of the input'],
  ];
  for (const [text, error] of refused) expect(parsePythonDatetime(text), text).toEqual({ ok: false, error });
});

test('python: json.loads reads NaN and Infinity outside strings and nothing else JSON.parse refuses', () => {
  expect(parsePythonJson('{"a": NaN, "b": [Infinity, -Infinity], "c": "NaN \\" Infinity"}')).toEqual({ a: Number.NaN, b: [Infinity, -Infinity], c: 'NaN " Infinity' });
  for (const text of ['{"a": NaNx}', '{"a": nan}', "{'a': 1}", '{"a": 1,}']) expect(() => parsePythonJson(text), text).toThrow(SyntaxError);
});
