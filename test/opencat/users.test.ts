import { expect, test } from 'vitest';
import { AuthenticationError, ConflictError, NotFoundError, ValidationError } from '../../src/index.js';
import { useOpenCat } from '../support/opencat.js';

const api = useOpenCat();

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const NANOS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** A client that records what goes on the wire. */
function recordingRoot() {
  const sent: Request[] = [];
  const client = api.root({ onRequest: (request) => void sent.push(request.clone()) });
  return { client, sent };
}

/** Empties the server as a brand-new opencatd-open is: no users, no cached root token. */
async function emptyServer() {
  const state = await (await api.raw('/__mock/state')).json();
  const put = await api.raw('/__mock/state', { method: 'PUT', body: JSON.stringify({ ...state, users: [], keys: [], daily_usages: [], root_token_sha256: '' }) });
  expect(put.status).toBe(200);
}

test('users.init: a new server answers root as id 1 with a UUIDv4 token in the trimmed shape; the token works', async () => {
  await emptyServer();
  const root = await api.client({ token: 'any-token-init-ignores' }).users.init();
  expect(Object.keys(root)).toEqual(['id', 'updatedAt', 'name', 'token', 'createdAt']);
  expect(root).toMatchObject({ id: 1, name: 'root' });
  expect(root.token).toMatch(UUID_V4);
  expect(root.createdAt).toBe(root.updatedAt);
  expect(root.createdAt).toMatch(SECONDS);
  expect(await api.client({ token: root.token }).users.me()).toEqual(root);
});

test('users.init: before init every other call is Unauthorized', async () => {
  await emptyServer();
  await expect(api.client({ token: api.rootToken() }).users.me()).rejects.toBeInstanceOf(AuthenticationError);
});

test('users.init: a second init is a ConflictError with upstream text, and needs no token', async () => {
  const err = await api.client().users.init().catch((e) => e);
  expect(err).toBeInstanceOf(ConflictError);
  expect(err).toMatchObject({ status: 403, message: 'super user already exists, use cli to reset password', dialect: 'opencat' });
});

test('users.me: root gets the trimmed shape, in upstream order, times to the second', async () => {
  const me = await api.root().users.me();
  expect(Object.keys(me)).toEqual(['id', 'updatedAt', 'name', 'token', 'createdAt']);
  expect(me).toMatchObject({ id: 1, name: 'root', token: api.rootToken() });
  expect(me.createdAt).toMatch(SECONDS);
  expect(me.updatedAt).toMatch(SECONDS);
});

test('users.me: a member token gets the member, and reaches nothing else (401 Unauthorized)', async () => {
  const alice = await api.root().users.create({ name: 'alice' });
  const member = api.client({ token: alice.token });
  expect(await member.users.me()).toMatchObject({ id: alice.id, name: 'alice', token: alice.token });
  const err = await member.users.list().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err).toMatchObject({ status: 401, message: 'Unauthorized' });
});

test('users.list: the store shape with the zero-valued gorm extras and nanosecond times, root first, one page', async () => {
  const page = await api.root().users.list();
  expect(page.items[0]).toMatchObject({ id: 1, name: 'root', token: api.rootToken() });
  for (const user of page.items) {
    expect(Object.keys(user)).toEqual(['ID', 'CreatedAt', 'UpdatedAt', 'DeletedAt', 'IsDelete', 'id', 'name', 'token', 'createdAt', 'updatedAt']);
    expect(user).toMatchObject({ ID: 0, CreatedAt: ZERO_TIME, UpdatedAt: ZERO_TIME, DeletedAt: null, IsDelete: false });
    expect(user.createdAt).toMatch(NANOS);
  }
  expect([page.total, page.hasNextPage()]).toEqual([page.items.length, false]);
});

test('users.list: for await walks every user once, in one request', async () => {
  const { client, sent } = recordingRoot();
  const ids: number[] = [];
  for await (const user of client.users.list()) ids.push(user.id);
  expect(ids).toEqual((await client.users.list()).items.map((u) => u.id));
  expect(new Set(ids).size).toBe(ids.length);
  expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`)).toEqual(['GET /1/users', 'GET /1/users']);
});

test('users.create: a new user with a UUIDv4 token, createdAt equal to updatedAt, listed after', async () => {
  const client = api.root();
  const bob = await client.users.create({ name: 'bob' });
  expect(bob).toMatchObject({ ID: 0, DeletedAt: null, IsDelete: false, name: 'bob' });
  expect(bob.token).toMatch(UUID_V4);
  expect(bob.createdAt).toBe(bob.updatedAt);
  expect((await client.users.list()).items.at(-1)).toEqual(bob);
});

test('users.create: only the name is sent', async () => {
  const { client, sent } = recordingRoot();
  await client.users.create({ name: 'carol', token: 'mine', id: 99 } as { name: string });
  expect(await sent[0]!.json()).toEqual({ name: 'carol' });
});

test('users.create: a taken name is a ConflictError carried by an HTTP 200, with SQLite text', async () => {
  const client = api.root();
  await client.users.create({ name: 'dave' });
  const err = await client.users.create({ name: 'dave' }).catch((e) => e);
  expect(err).toBeInstanceOf(ConflictError);
  expect(err).toMatchObject({ status: 200, message: 'constraint failed: UNIQUE constraint failed: users.name (2067)' });
});

test('users.create: the name of a deleted user stays taken', async () => {
  const client = api.root();
  const erin = await client.users.create({ name: 'erin' });
  await client.users.delete(erin.id);
  await expect(client.users.create({ name: 'erin' })).rejects.toBeInstanceOf(ConflictError);
});

test('users.create: an empty or missing name is refused before anything is sent', async () => {
  const { client, sent } = recordingRoot();
  await expect(client.users.create({ name: '' })).rejects.toThrow('Failed to call users.create: `name` must be a non-empty string.');
  await expect(client.users.create(undefined as never)).rejects.toThrow(TypeError);
  expect(sent).toEqual([]);
});

test('users.delete: the token dies at once and the user leaves the list', async () => {
  const client = api.root();
  const frank = await client.users.create({ name: 'frank' });
  const member = api.client({ token: frank.token });
  await member.users.me();
  await client.users.delete(frank.id);
  await expect(member.users.me()).rejects.toBeInstanceOf(AuthenticationError);
  expect((await client.users.list()).items.map((u) => u.id)).not.toContain(frank.id);
});

test('users.delete: root cannot be deleted: a ValidationError "invalid user id" in an HTTP 200', async () => {
  const err = await api.root().users.delete(1).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err).toMatchObject({ status: 200, message: 'invalid user id', body: { error: 'invalid user id' } });
  expect((await api.root().users.me()).id).toBe(1);
});

test('users.delete: an unknown or already deleted id succeeds, as upstream answers {"message":"ok"}', async () => {
  const client = api.root();
  const gina = await client.users.create({ name: 'gina' });
  await client.users.delete(gina.id);
  await expect(client.users.delete(gina.id)).resolves.toBeUndefined();
  await expect(client.users.delete(999_999)).resolves.toBeUndefined();
});

test('users.delete and resetToken: a negative or fractional id is refused before anything is sent', async () => {
  const { client, sent } = recordingRoot();
  await expect(client.users.delete(-1)).rejects.toThrow('Failed to call DELETE /1/users/{id}: `id` must be a non-negative integer, got -1.');
  await expect(client.users.resetToken(1.5)).rejects.toThrow('`id` must be a non-negative integer, got 1.5.');
  await expect(client.users.delete(Number.NaN)).rejects.toThrow(TypeError);
  expect(sent).toEqual([]);
});

test('users.resetToken: a new UUID token; the old one dies and the new one works', async () => {
  const client = api.root();
  const hank = await client.users.create({ name: 'hank' });
  const reset = await client.users.resetToken(hank.id);
  expect(reset).toMatchObject({ id: hank.id, name: 'hank', createdAt: hank.createdAt });
  expect(reset.token).toMatch(UUID_V4);
  expect(reset.token).not.toBe(hank.token);
  await expect(api.client({ token: hank.token }).users.me()).rejects.toBeInstanceOf(AuthenticationError);
  expect((await api.client({ token: reset.token }).users.me()).id).toBe(hank.id);
});

test('users.resetToken: a chosen token goes in ?token= and is taken as given', async () => {
  const { client, sent } = recordingRoot();
  const ivy = await client.users.create({ name: 'ivy' });
  const reset = await client.users.resetToken(ivy.id, { token: 'ivy/2026+x&y' });
  expect(new URL(sent.at(-1)!.url).searchParams.get('token')).toBe('ivy/2026+x&y');
  expect(reset.token).toBe('ivy/2026+x&y');
  expect((await api.client({ token: 'ivy/2026+x&y' }).users.me()).name).toBe('ivy');
});

test('users.resetToken: an empty or whitespace-padded token is refused before sending, without echoing it', async () => {
  const { client, sent } = recordingRoot();
  for (const token of ['', ' padded', 'padded ']) {
    const err = await client.users.resetToken(2, { token }).catch((e) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).not.toContain('padded');
  }
  expect(sent).toEqual([]);
});

test('users.resetToken: a token no Authorization header can carry as stored (past ASCII, control characters) is refused before sending', async () => {
  // The server would store it (UTF-8 from the query), but a header carries Latin-1 bytes at most: the user
  // (root, if it is root's) could never authenticate again.
  const { client, sent } = recordingRoot();
  for (const token of ['p\u00e4sswort-x', 'kl\u044e\u0447-x', 'line\nbreak-x', 'nul\u0000-x']) {
    const err = await client.users.resetToken(2, { token }).catch((e) => e);
    expect(err, JSON.stringify(token)).toBeInstanceOf(TypeError);
    expect(err.message).not.toContain('-x');
  }
  expect(() => api.client({ token: 'kl\u044e\u0447' })).toThrow(TypeError);
  expect(sent).toEqual([]);
  // Inner spaces are fine: the header keeps them.
  expect((await client.users.resetToken(2, { token: 'two words' })).token).toBe('two words');
});

test('users.resetToken: a token another user holds is a ConflictError (403 upstream), and the message leaves the token out', async () => {
  const client = api.root();
  const jack = await client.users.create({ name: 'jack' });
  const kim = await client.users.create({ name: 'kim' });
  const err = await client.users.resetToken(kim.id, { token: jack.token }).catch((e) => e);
  expect(err).toBeInstanceOf(ConflictError);
  expect(err).toMatchObject({ status: 403, message: 'constraint failed: UNIQUE constraint failed: users.token (2067)' });
  expect(err.message).not.toContain(jack.token);
  expect(err.request.url).not.toContain(jack.token);
});

test('users.resetToken: an unknown or deleted id is a NotFoundError although upstream answers 403', async () => {
  const client = api.root();
  const lea = await client.users.create({ name: 'lea' });
  await client.users.delete(lea.id);
  for (const id of [lea.id, 999_999, 0]) {
    const err = await client.users.resetToken(id).catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 403, message: 'record not found' });
  }
});

test("users.resetToken: resetting root's own token ends this client's; withToken carries on", async () => {
  const client = api.root();
  const { token } = await client.users.resetToken(1);
  await expect(client.users.me()).rejects.toBeInstanceOf(AuthenticationError);
  const renewed = client.withToken(token);
  expect((await renewed.users.me()).token).toBe(token);
});
