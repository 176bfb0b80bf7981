import { expect, test } from 'vitest';
import { AuthenticationError, ConflictError, NotFoundError, PermissionDeniedError, ServerError, ValidationError } from '../../src/index.js';
import { OpenCatClient } from '../../src/opencat/index.js';
import { edgeWorker } from '../support/opencat-edge.js';

// The SDK against the edge implementation (opencatd_worker at 31ad315): its answers, fed through a stub fetch.
async function initialized() {
  const edge = edgeWorker();
  const root = await new OpenCatClient({ baseURL: edge.baseURL, fetch: edge.fetch }).users.init();
  const client = new OpenCatClient({ baseURL: edge.baseURL, fetch: edge.fetch, token: root.token, maxRetries: 0 });
  return { edge, root, client };
}

test('edge: init answers root as id 0 with a token, and the token works as the client token', async () => {
  const { root, client } = await initialized();
  expect(root).toEqual({ id: 0, name: 'root', token: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  expect(await client.users.me()).toEqual(root);
});

test('edge: a second init is a ConflictError with the worker own message', async () => {
  const { client } = await initialized();
  const err = await client.users.init().catch((e) => e);
  expect(err).toBeInstanceOf(ConflictError);
  expect(err).toMatchObject({ status: 403, message: 'super user already exists, please input token', dialect: 'opencat' });
});

test('edge: users list in Workers KV key order (lexicographic ids), with the bare {id, name, token} shape', async () => {
  const { client, root } = await initialized();
  for (let i = 1; i <= 10; i++) await client.users.create({ name: `u${i}` });
  const page = await client.users.list();
  expect(page.items.map((u) => u.id)).toEqual([0, 1, 10, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(page.items[0]).toEqual(root);
  expect(page.items[2]).toEqual({ id: 10, name: 'u10', token: expect.any(String) });
  expect([page.total, page.hasNextPage()]).toEqual([11, false]);
});

test('edge: a member token is Unauthorized everywhere, /1/me included (only root passes the worker middleware)', async () => {
  const { edge, client } = await initialized();
  const alice = await client.users.create({ name: 'alice' });
  const member = client.withToken(alice.token);
  await expect(member.users.me()).rejects.toBeInstanceOf(AuthenticationError);
  await expect(member.users.list()).rejects.toMatchObject({ name: 'AuthenticationError', status: 401, message: 'Unauthorized' });
  expect(edge.requests.at(-1)!.headers.get('authorization')).toBe(`Bearer ${alice.token}`);
});

test('edge: root at id 0 can be reset and deleted; the SDK sends id 0 instead of refusing it', async () => {
  const { edge, client, root } = await initialized();
  const renewed = await client.users.resetToken(0);
  expect(renewed).toEqual({ id: 0, name: 'root', token: expect.any(String) });
  expect(renewed.token).not.toBe(root.token);
  const admin = client.withToken(renewed.token);
  await admin.users.delete(0);
  expect(new URL(edge.requests.at(-1)!.url).pathname).toBe('/1/users/0');
  // With root gone every call is Unauthorized, and init works again.
  await expect(admin.users.me()).rejects.toBeInstanceOf(AuthenticationError);
  expect((await admin.users.init()).id).toBe(0);
});

test('edge: reset ignores ?token= and answers a random token; the SDK hands on what the server says', async () => {
  const { edge, client } = await initialized();
  const bob = await client.users.create({ name: 'bob' });
  const reset = await client.users.resetToken(bob.id, { token: 'bob-chosen' });
  expect(new URL(edge.requests.at(-1)!.url).searchParams.get('token')).toBe('bob-chosen');
  expect(reset.token).not.toBe('bob-chosen');
  expect(reset.token).not.toBe(bob.token);
});

test('edge: reset of an unknown user is a NotFoundError "user not found" (404)', async () => {
  const { client } = await initialized();
  const err = await client.users.resetToken(42).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err).toMatchObject({ status: 404, message: 'user not found' });
});

test('edge: deletes of unknown ids succeed, as the worker answers {"message":"ok"}', async () => {
  const { client } = await initialized();
  await expect(client.users.delete(42)).resolves.toBeUndefined();
  await expect(client.keys.delete(42)).resolves.toBeUndefined();
});

test('edge: keys list masks the secret, create answers it whole; no ApiType fields', async () => {
  const { client } = await initialized();
  const created = await client.keys.create({ name: 'main', key: 'sk-abcdefghijklmnopwxyz' });
  expect(created).toEqual({ id: 1, key: 'sk-abcdefghijklmnopwxyz', name: 'main' });
  const page = await client.keys.list();
  expect(page.items).toEqual([{ id: 1, key: 'sk-abcd000000000000wxyz', name: 'main' }]);
  await client.keys.delete(created.id);
  expect((await client.keys.list()).items).toEqual([]);
});

test('edge: usages read totalUint (sic) as totalUnit and keep the seven-decimal cost string', async () => {
  const { edge, client } = await initialized();
  edge.state.usages.push({ userId: 0, tokens: 55, cost: 0.00011 }, { userId: 3, tokens: 1200, cost: 0.0305 });
  const rows = await client.usages.list({ from: '2023-03-18', to: '2023-04-18' });
  expect(rows).toEqual([
    { userId: 0, totalUnit: 55, cost: '0.0001100', costUsd: 0.00011 },
    { userId: 3, totalUnit: 1200, cost: '0.0305000', costUsd: 0.0305 },
  ]);
  // The worker never reads the range: the same rows come back without one.
  expect(await client.usages.list()).toEqual(rows);
});

test('edge: a lost KV race (the Deno build; Workers KV always commits) is a ConflictError "commit conflict" (409)', async () => {
  const { edge, client } = await initialized();
  edge.state.conflictNext = true;
  const err = await client.users.create({ name: 'carol' }).catch((e) => e);
  expect(err).toBeInstanceOf(ConflictError);
  expect(err).toMatchObject({ status: 409, message: 'commit conflict' });
});

test('edge: a non-numeric id (403 "id is not a number") is a ValidationError, not a PermissionDeniedError', async () => {
  const { edge, root } = await initialized();
  // The SDK never sends such an id; a proxy that rewrites the path would meet this answer.
  const rewrite = (request: Request) => edge.fetch(new Request(request.url.replace(/\/7$/, '/seven'), request));
  const client = new OpenCatClient({ baseURL: edge.baseURL, fetch: rewrite, token: root.token, maxRetries: 0 });
  const err = await client.users.delete(7).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err).not.toBeInstanceOf(PermissionDeniedError);
  expect(err).toMatchObject({ status: 403, message: 'id is not a number' });
});

test('edge: a route the worker lacks is a NotFoundError with Hono text "404 Not Found" for root, Unauthorized for others', async () => {
  const { client } = await initialized();
  await expect(new OpenCatClient({ baseURL: client.options.baseURL, fetch: client.options.fetch!, token: 'member' }).request('get', '/1/me/usages', {})).rejects.toBeInstanceOf(AuthenticationError);
  const err = await client.request('get', '/1/me/usages', {}).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err).toMatchObject({ status: 404, message: '404 Not Found', body: '404 Not Found' });
});

test('edge: a body the worker cannot parse is a ServerError with Hono text "Internal Server Error"', async () => {
  const { edge, root } = await initialized();
  const truncate = (request: Request) => edge.fetch(new Request(request, { body: '{"name":' }));
  const client = new OpenCatClient({ baseURL: edge.baseURL, fetch: truncate, token: root.token, maxRetries: 0 });
  const err = await client.users.create({ name: 'dave' }).catch((e) => e);
  expect(err).toBeInstanceOf(ServerError);
  expect(err).toMatchObject({ status: 500, message: 'Internal Server Error' });
});
