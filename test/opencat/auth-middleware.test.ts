import { beforeAll, expect, test } from 'vitest';
import type { ReferenceServer } from '../../mocks/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { openCatRaw } from '../support/opencat-raw.js';
import { testServer } from '../support/test-server.js';

/**
 * `router.AuthMiddleware` and init as c11824f answers them: the order of the checks, the panic on a short
 * header, the process-wide root-token cache and its stale reads, tokens that die at once. Plus gin's routing
 * around the group: plain 404s (never 401, never 405) and the trailing-slash redirects.
 */
const life = useReferenceServer('opencat');
const api = openCatRaw(life);

const UNAUTHORIZED = { status: 401, text: '{"error":"Unauthorized"}' };
const GROUP_ROUTES: [string, string][] = [
  ['GET', '/1/me'], ['GET', '/1/me/usages'], ['GET', '/1/users'], ['POST', '/1/users'], ['DELETE', '/1/users/3'], ['POST', '/1/users/3/reset'],
  ['GET', '/1/keys'], ['POST', '/1/keys'], ['DELETE', '/1/keys/1'], ['GET', '/1/usages'],
];
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const seen = async (promise: Promise<{ status: number; text: string }>) => {
  const { status, text } = await promise;
  return { status, text };
};

/** A process that has never been initialised: no users, nothing cached. */
function uninitialise(): void {
  const state = life.server.state;
  state.users.length = 0;
  state.daily_usages.length = 0;
  state.next_user_id = 1;
  state.root_token_sha256 = '';
}

test('middleware: before init every group route is 401, even for a 1-6 byte header that would panic later', async () => {
  uninitialise();
  for (const [method, path] of GROUP_ROUTES) {
    expect(await seen(api.call(method, path, { headers: { authorization: 'abc' } })), `${method} ${path}`).toEqual(UNAUTHORIZED);
    expect(await seen(api.call(method, path, { as: 'anonymous' })), `${method} ${path}`).toEqual(UNAUTHORIZED);
  }
});

test('init: creates root as user 1 with a UUIDv4 token, answered in the trimmed shape; its token works at once', async () => {
  uninitialise();
  life.server.clock.set(Date.UTC(2024, 6, 19, 10, 47, 19, 711));
  const answer = await api.call('POST', '/1/users/init', { as: 'anonymous' });
  expect(answer.status).toBe(200);
  const token = (answer.json as { token: string }).token;
  expect(token).toMatch(UUID_V4);
  expect(answer.text).toBe(`{"id":1,"updatedAt":"2024-07-19T18:47:19+08:00","name":"root","token":"${token}","createdAt":"2024-07-19T18:47:19+08:00"}`);
  expect((await api.call('GET', '/1/users', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
});

test('init: a second init is 403 with upstream\'s text, and init never reads Authorization (no 401, no 500)', async () => {
  uninitialise();
  expect((await api.call('POST', '/1/users/init', { headers: { authorization: 'x' } })).status).toBe(200);
  for (const authorization of ['x', 'Bearer nobody', `Bearer ${api.rootToken()}`]) {
    expect(await seen(api.call('POST', '/1/users/init', { headers: { authorization } }))).toEqual({
      status: 403,
      text: '{"error":"super user already exists, use cli to reset password"}',
    });
  }
  expect(life.serverErrors.splice(0)).toEqual([]);
});

test('middleware: an Authorization of 1-6 bytes panics on token[:7]: 500 with an empty body on every group route', async () => {
  for (const [method, path] of GROUP_ROUTES) {
    for (const authorization of ['a', 'Bearer', 'Bearer ']) {
      const answer = await api.call(method, path, { headers: { authorization } });
      expect({ status: answer.status, text: answer.text }, `${method} ${path} ${JSON.stringify(authorization)}`).toEqual({ status: 500, text: '' });
    }
  }
  expect(life.serverErrors.splice(0)).toHaveLength(GROUP_ROUTES.length * 3);
});

test('middleware: "Bearer " is case-sensitive with exactly one space; a 7-byte header that is not it is 401', async () => {
  const token = api.rootToken();
  for (const authorization of [`bearer ${token}`, `Bearer  ${token}`, `Token ${token}`, token, 'BearerX', `Bearer\t${token}`]) {
    expect(await seen(api.call('GET', '/1/users', { headers: { authorization } })), authorization).toEqual(UNAUTHORIZED);
  }
});

test('middleware: a user token passes on /1/me and /1/me/usages only; on admin routes it is 401, not 403', async () => {
  expect((await api.call('GET', '/1/me', { as: 'user' })).status).toBe(200);
  expect((await api.call('GET', '/1/me/usages', { as: 'user' })).status).toBe(403);
  for (const [method, path] of GROUP_ROUTES.slice(2)) expect(await seen(api.call(method, path, { as: 'user' })), `${method} ${path}`).toEqual(UNAUTHORIZED);
});

test('middleware: a deleted user\'s token dies at once, and a reset user\'s old token too', async () => {
  const [, deleted, reset] = life.server.accounts;
  expect((await api.call('GET', '/1/me', { headers: { authorization: `Bearer ${deleted!.token}` } })).status).toBe(200);
  await api.call('DELETE', `/1/users/${deleted!.user_id}`);
  expect(await seen(api.call('GET', '/1/me', { headers: { authorization: `Bearer ${deleted!.token}` } }))).toEqual(UNAUTHORIZED);
  const old = reset!.token;
  const fresh = (await api.call('POST', `/1/users/${reset!.user_id}/reset`)).json as { token: string };
  expect(await seen(api.call('GET', '/1/me', { headers: { authorization: `Bearer ${old}` } }))).toEqual(UNAUTHORIZED);
  expect((await api.call('GET', '/1/me', { headers: { authorization: `Bearer ${fresh.token}` } })).status).toBe(200);
});

test('middleware: resetting root through the API moves the cached root token: the old one dies at once', async () => {
  const old = api.rootToken();
  const answer = await api.call('POST', '/1/users/1/reset?token=new-root');
  expect((answer.json as { token: string }).token).toBe('new-root');
  expect(await seen(api.call('GET', '/1/keys', { headers: { authorization: `Bearer ${old}` } }))).toEqual(UNAUTHORIZED);
  expect((await api.call('GET', '/1/keys', { headers: { authorization: 'Bearer new-root' } })).status).toBe(200);
});

test('middleware: a root token changed outside the API (CLI reset_root) is refused while the cached one keeps working', async () => {
  const cached = api.rootToken();
  // Out of process, as the CLI writes the database: user 1 takes a token made here for user 3, whose row goes.
  await api.call('POST', '/1/users/3/reset?token=changed-by-the-cli');
  const { users } = life.server.state;
  const moved = users.splice(users.findIndex((u) => u.id === 3), 1)[0]!;
  Object.assign(users[0]!, { token_sha256: moved.token_sha256, token_sealed: moved.token_sealed });
  expect(await seen(api.call('GET', '/1/users', { headers: { authorization: 'Bearer changed-by-the-cli' } }))).toEqual(UNAUTHORIZED);
  expect((await api.call('GET', '/1/users', { headers: { authorization: `Bearer ${cached}` } })).status).toBe(200);
  // The cached token matches no user any more: /1/me writes the store's error (then panics, after the 200).
  expect(await seen(api.call('GET', '/1/me', { headers: { authorization: `Bearer ${cached}` } }))).toEqual({ status: 200, text: '{"error":"record not found"}' });
  // Resetting user 1 to its own token through the API re-syncs the cache.
  await api.call('POST', '/1/users/1/reset?token=changed-by-the-cli', { headers: { authorization: `Bearer ${cached}` } });
  expect((await api.call('GET', '/1/users', { headers: { authorization: 'Bearer changed-by-the-cli' } })).status).toBe(200);
  expect(await seen(api.call('GET', '/1/users', { headers: { authorization: `Bearer ${cached}` } }))).toEqual(UNAUTHORIZED);
});

test('middleware: once root\'s token is the literal "Bearer ", every bearer header passes as root (token[:7] is compared)', async () => {
  expect((await api.call('POST', '/1/users/1/reset?token=Bearer+')).status).toBe(200);
  expect((await api.call('GET', '/1/users', { headers: { authorization: 'Bearer anything-at-all' } })).status).toBe(200);
  expect(await seen(api.call('GET', '/1/me', { headers: { authorization: 'Bearer anything-at-all' } }))).toEqual({ status: 200, text: '{"error":"record not found"}' });
  expect(await seen(api.call('GET', '/1/users', { headers: { authorization: 'Token anything' } }))).toEqual(UNAUTHORIZED);
});

test('me/usages: looked up by the whole header, so 403 empty, unless a user\'s token is that whole header', async () => {
  const [, , victim] = life.server.state.users;
  // A user whose token is "Bearer <the caller's token>": the caller passes the middleware, the lookup finds the victim.
  const caller = api.authorization('user')!;
  await api.call('POST', `/1/users/${victim!.id}/reset?token=${encodeURIComponent(caller)}`);
  await api.recordUsage({ user_id: victim!.id, model: 'gpt-4o-mini', prompt_units: 1000, completion_units: 500 });
  const answer = await api.call('GET', '/1/me/usages', { as: 'user' });
  expect(answer.status).toBe(200);
  expect(answer.json).toMatchObject({ userId: victim!.id, cost: expect.stringMatching(/^\d+\.\d{6}$/) });
  expect(await seen(api.call('GET', '/1/me/usages?from=1999-01-01&to=1999-02-01', { as: 'user' }))).toEqual({ status: 200, text: '{"cost":"0.000000"}' });
});

// Routing outside the documented paths (a server without the contract observer: these paths are not in it).
let plain: ReferenceServer<'opencat'>;
beforeAll(async () => {
  plain = await testServer('opencat', {}, []);
});
const rootOf = (server: ReferenceServer<'opencat'>) => ({ authorization: `Bearer ${server.accounts[0]!.token}` });

test('routing: an unknown path or a known path with another method is gin\'s plain 404, with or without a token', async () => {
  await plain.reset();
  for (const [method, path] of [['GET', '/1/nope'], ['PUT', '/1/users'], ['GET', '/1/users/init'], ['GET', '/1/users/1'], ['PUT', '/1/keys/1'], ['HEAD', '/1/users'], ['OPTIONS', '/1/users'], ['GET', '/1']]) {
    for (const headers of [{}, rootOf(plain), { authorization: 'abc' }]) {
      const response = await plain.fetch(path!, { method, headers });
      expect([response.status, response.headers.get('content-type'), await response.text()], `${method} ${path}`).toEqual([404, 'text/plain', method === 'HEAD' ? '' : '404 page not found']);
    }
  }
});

test('routing: a trailing slash redirects to the route without it, 301 with a small HTML body for GET, 307 otherwise', async () => {
  await plain.reset();
  const get = await plain.fetch('/1/users/?x=1&y=2', { redirect: 'manual' });
  expect([get.status, get.headers.get('location'), get.headers.get('content-type'), await get.text()]).toEqual([
    301, '/1/users?x=1&y=2', 'text/html; charset=utf-8', '<a href="/1/users?x=1&amp;y=2">Moved Permanently</a>.\n\n',
  ]);
  for (const [method, path, location] of [['POST', '/1/users/', '/1/users'], ['DELETE', '/1/keys/3/', '/1/keys/3'], ['POST', '/1/users/init/', '/1/users/init']]) {
    const response = await plain.fetch(path!, { method, redirect: 'manual' });
    expect([response.status, response.headers.get('location'), await response.text()], `${method} ${path}`).toEqual([307, location, '']);
  }
  // Only the same method redirects: no GET route is /1/users/init.
  expect((await plain.fetch('/1/users/init/')).status).toBe(404);
});
