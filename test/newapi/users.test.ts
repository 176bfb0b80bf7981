import { expect, test } from 'vitest';
import { NotFoundError, PermissionDeniedError, ValidationError } from '../../src/index.js';
import { useNewApi } from '../support/harness.js';
import { regExpSourcesBuiltBy } from '../support/regexp-spy.js';
import { loseFirstAnswer, retryAtOnce } from '../support/lost-answer.js';
import { sqlLike } from '../../mocks/go/sql-like.js';
import { atoi } from '../../mocks/go/strconv.js';
import { findUser, findUserUnscoped, zeroUser, type NewApiState, type UserRecord } from '../../mocks/newapi/state.js';
import { matchKeyword } from '../../mocks/newapi/user-search.js';

const api = useNewApi();

const idsNewestFirst = () => api.server.state.users.map((u) => u.id).sort((a, b) => b - a);
const seeded = (role: number, nth = 0) => {
  const account = api.server.accounts.filter((a) => a.role === role)[nth]!;
  return { ...account, row: api.server.state.users.find((u) => u.username === account.username)! };
};
const softDeleted = () => api.server.state.users.find((u) => u.deleted_at !== null)!;

/** A root client whose requests are recorded, to see what goes on the wire. */
async function recordingRoot() {
  const sent: URL[] = [];
  const client = api.client({ onRequest: (request) => void sent.push(new URL(request.url)) });
  await client.auth.login({ username: 'root', password: '123456' });
  sent.length = 0;
  return { client, sent };
}

test('users.list: one page of 10 by default, newest first, with the total', async () => {
  const page = await (await api.loginAs('root')).users.list();
  expect({ page: page.page, pageSize: page.pageSize, total: page.total }).toEqual({ page: 1, pageSize: 10, total: api.server.state.users.length });
  expect(page.items.map((u) => u.id)).toEqual(idsNewestFirst().slice(0, 10));
  expect(page.items.every((u) => u.password === '')).toBe(true);
});

test('users.list: page and pageSize go on the wire as p and page_size; pages are 1-based', async () => {
  const { client, sent } = await recordingRoot();
  const page = await client.users.list({ page: 2, pageSize: 3 });
  expect(Object.fromEntries(sent[0]!.searchParams)).toEqual({ p: '2', page_size: '3' });
  expect(page.items.map((u) => u.id)).toEqual(idsNewestFirst().slice(3, 6));
});

test('users.list: the server clamps pageSize to 100', async () => {
  const page = await (await api.loginAs('root')).users.list({ pageSize: 500 });
  expect(page.pageSize).toBe(100);
});

test('users.list: for await walks every user exactly once, one request per page', async () => {
  const { client, sent } = await recordingRoot();
  const seen: number[] = [];
  for await (const user of client.users.list({ pageSize: 2 })) seen.push(user.id);
  expect(seen).toEqual(idsNewestFirst());
  expect(sent.map((url) => url.searchParams.get('p'))).toEqual(['1', '2', '3', '4']);
});

test('users.list: sort_by and sort_order (JUL26); an unknown column falls back to id desc', async () => {
  const client = await api.loginAs('root');
  const byName = await client.users.list({ sort_by: 'username', sort_order: 'asc', pageSize: 100 });
  expect(byName.items.map((u) => u.username)).toEqual(api.server.state.users.map((u) => u.username).sort());
  const byQuota = await client.users.list({ sort_by: 'quota', pageSize: 100 });
  expect(byQuota.items.map((u) => u.quota)).toEqual(api.server.state.users.map((u) => u.quota).sort((a, b) => b - a));
  const unknown = await client.users.list({ sort_by: 'password' as 'id', sort_order: 'asc', pageSize: 100 });
  expect(unknown.items.map((u) => u.id)).toEqual(idsNewestFirst());
});

test('users.list: soft-deleted users are listed, with DeletedAt; users.retrieve says record not found', async () => {
  const client = await api.loginAs('root');
  const deleted = softDeleted();
  const listed = (await client.users.list({ pageSize: 100 })).items.find((u) => u.id === deleted.id)!;
  expect(listed.DeletedAt).toBe(new Date(deleted.deleted_at!).toISOString().replace('.000Z', 'Z'));
  expect((await client.users.list({ pageSize: 100 })).items.filter((u) => u.DeletedAt !== null)).toHaveLength(1);
  const err = await client.users.retrieve(deleted.id).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err.message).toBe('record not found');
});

test('users.search: keyword matches the username, email or display name (LIKE %kw%), or equals the id', async () => {
  const client = await api.loginAs('root');
  const ids = async (keyword: string) => (await client.users.search({ keyword, pageSize: 100 })).items.map((u) => u.id);
  const user = seeded(1);
  expect(await ids(user.username)).toEqual([user.row.id]);
  expect(await ids(user.row.email.toUpperCase())).toEqual([user.row.id]);
  expect(await ids(user.row.display_name)).toEqual([user.row.id]);
  expect(await ids(String(user.row.id))).toContain(user.row.id);
  expect(await ids('')).toEqual(idsNewestFirst());
});

const WILDCARDS = '%_%_%_%_%_%_%_%_%_%_%!';

/** Root, with three users whose display names tell SQLite's LIKE apart from a RegExp's. */
async function rootWithOddNames() {
  const client = await api.loginAs('root');
  const names = { wild: 'abcdefghij!', short: 'abcdefghi!', emoji: 'q😀z', accent: 'Émile' };
  for (const [username, display_name] of Object.entries(names)) await client.users.create({ username, password: 'pa55word!', display_name });
  const id = (username: string) => api.server.state.users.find((u) => u.username === username)!.id;
  const ids = async (keyword: string) => (await client.users.search({ keyword, pageSize: 100 })).items.map((u) => u.id);
  return { client, id, ids };
}

test('users.search: % and _ in the keyword are wildcards; _ is one code point and only ASCII case folds, as in SQLite', async () => {
  const { id, ids } = await rootWithOddNames();
  expect(await ids(WILDCARDS)).toEqual([id('wild')]);
  expect(await ids('q_z')).toEqual([id('emoji')]);
  expect(await ids('q__z')).toEqual([]);
  expect(await ids('émile')).toEqual([]);
  expect(await ids('ÉMILE')).toEqual([id('accent')]);
  expect(await ids('É%MiLe')).toEqual([id('accent')]);
});

test('users.search: a keyword of wildcards is matched without building a RegExp from it', async () => {
  const { client } = await rootWithOddNames();
  const sources = await regExpSourcesBuiltBy(async () => client.users.search({ keyword: WILDCARDS, pageSize: 100 }));
  expect(sources.filter((source) => source.includes('!'))).toEqual([]);
});

/** `count` rows named after their index, one in seven holding "Ada" in a column, so a search has hits to map back. */
function namedRows(count: number): UserRecord[] {
  return Array.from({ length: count }, (_, i) =>
    zeroUser({ id: i + 1, username: `user${i}`, email: i % 7 === 0 ? `x${i}@ADA.example` : `x${i}@example.com`, display_name: `N${i}` }),
  );
}
const bySqlLike = (rows: UserRecord[], keyword: string) => {
  const like = sqlLike(`%${keyword}%`);
  return rows.filter((u) => like.test(u.username) || like.test(u.email) || like.test(u.display_name));
};

test('users.search: a plain keyword gives no row a LIKE test and reads each character of the table once', () => {
  const rows = namedRows(10_000);
  const meter = { rowTests: 0, chars: 0 };
  const found = matchKeyword(rows, 'ada', atoi('ada'), meter);
  expect(found).toEqual(bySqlLike(rows, 'ada'));
  expect(found).toHaveLength(Math.ceil(10_000 / 7));
  expect(meter.rowTests).toBe(0);
  const characters = rows.reduce((sum, u) => sum + u.username.length + u.email.length + u.display_name.length + 3, 0);
  expect(meter.chars).toBe(characters);
});

test('users.search: a plain keyword sees appended, renamed and removed rows as LIKE would', () => {
  let rows = namedRows(50);
  expect(matchKeyword(rows, 'user4', atoi('user4'))).toEqual(bySqlLike(rows, 'user4'));
  rows.push(zeroUser({ id: 51, username: 'USER4late', email: '', display_name: '' }));
  rows[3]!.display_name = 'now User4 too';
  rows[40]!.username = 'renamed';
  expect(matchKeyword(rows, 'user4', atoi('user4'))).toEqual(bySqlLike(rows, 'user4'));
  rows = rows.filter((u) => u.id !== 45);
  expect(matchKeyword(rows, 'user4', atoi('user4')).map((u) => u.id)).toEqual([4, 5, 42, 43, 44, 46, 47, 48, 49, 50, 51]);
  expect(matchKeyword(rows, '', atoi(''))).toEqual(rows);
  expect(matchKeyword(rows, 'É', atoi('É'))).toEqual([]);
  // A numeric keyword also takes the row with that id, in table order.
  expect(matchKeyword(rows, '30', atoi('30')).map((u) => u.id)).toEqual([30, 31]);
});

/** `rows` behind a proxy that counts the rows read by index. */
function countingReads(rows: UserRecord[]) {
  const count = { reads: 0 };
  const view = new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) count.reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { view, count };
}

test('users: a lookup by id in a table in id order reads about log2 n rows, not the table', () => {
  const { view, count } = countingReads(namedRows(100_000));
  const state = { users: view } as NewApiState;
  // The first lookup learns the table is in id order, once.
  expect(findUser(state, 1)?.id).toBe(1);
  count.reads = 0;
  for (const id of [100_000, 50_001, 77, 99_999]) expect(findUser(state, id)?.id).toBe(id);
  expect(findUserUnscoped(state, 100_001)).toBeUndefined();
  // Per lookup: the binary search, and one row read by each check that the table is still in id order.
  expect(count.reads).toBeLessThanOrEqual(5 * (Math.ceil(Math.log2(100_000)) + 4));
});

test('users.search: group, role and status filters; status -1 means soft-deleted only', async () => {
  const client = await api.loginAs('root');
  const found = async (params: Parameters<typeof client.users.search>[0]) => (await client.users.search({ pageSize: 100, ...params })).items;
  const users = api.server.state.users;
  expect((await found({ group: 'vip' })).map((u) => u.id)).toEqual(users.filter((u) => u.group === 'vip').map((u) => u.id).reverse());
  expect((await found({ role: 10 })).map((u) => u.id)).toEqual([seeded(10).row.id]);
  expect((await found({ status: -1 })).map((u) => u.id)).toEqual([softDeleted().id]);
  const disabled = users.filter((u) => u.status === 2 && u.deleted_at === null).map((u) => u.id);
  expect((await found({ status: 2 })).map((u) => u.id)).toEqual(disabled);
  expect((await found({ status: 1 })).every((u) => u.status === 1 && u.DeletedAt === null)).toBe(true);
});

test('users.retrieve: a user as admins see it: password "" and DeletedAt null', async () => {
  const user = seeded(1);
  const got = await (await api.loginAs('root')).users.retrieve(user.row.id);
  expect(got).toMatchObject({ id: user.row.id, username: user.username, password: '', original_password: '', verification_code: '', DeletedAt: null });
});

test.each([
  ['retrieve', 0],
  ['retrieve', 1.5],
  ['retrieve', '1'],
  ['disable', 0],
  ['delete', -1],
] as const)('users.%s(%j) rejects with a TypeError before any request is sent', async (method, id) => {
  const sent: Request[] = [];
  const client = api.client({ userId: 1, onRequest: (request) => void sent.push(request) });
  await expect(client.users[method](id as unknown as number)).rejects.toThrow(TypeError);
  expect(sent).toEqual([]);
});

test('users.create: no id comes back, so find the user by search; an omitted role is stored as 1', async () => {
  const client = await api.loginAs('root');
  await client.users.create({ username: 'bob', password: 'pa55word!', display_name: 'Bob' });
  const [bob] = (await client.users.search({ keyword: 'bob' })).items;
  expect(bob).toMatchObject({ username: 'bob', display_name: 'Bob', role: 1, status: 1, group: 'default' });
  await client.users.create({ username: 'carol', password: 'pa55word!', role: 0 });
  expect((await client.users.search({ keyword: 'carol' })).items[0]).toMatchObject({ role: 1, display_name: 'carol' });
});

test('users.create: a role equal to or above the caller\'s is refused', async () => {
  const admin = await api.loginAs(seeded(10).username);
  const err = await admin.users.create({ username: 'boss', password: 'pa55word!', role: 10 }).catch((e) => e);
  expect(err).toBeInstanceOf(PermissionDeniedError);
  expect(err.message).toBe('Cannot create users with permission level equal to or higher than yourself');
  await expect((await api.loginAs('root')).users.create({ username: 'boss', password: 'pa55word!', role: 10 })).resolves.toBeUndefined();
});

test('users.create: any role below the caller\'s is stored as sent, as JUL26 does, and listed with it', async () => {
  const root = await api.loginAs('root');
  // CreateUser checks only `role >= myRole`: -7 and 50 are not roles, yet they are stored and listed.
  await root.users.create({ username: 'minus7', password: 'pa55word!', role: -7 });
  await root.users.create({ username: 'fifty', password: 'pa55word!', role: 50 });
  expect((await root.users.search({ keyword: 'minus7' })).items[0]).toMatchObject({ username: 'minus7', role: -7 });
  expect((await root.users.list({ pageSize: 100 })).items.find((u) => u.username === 'fifty')).toMatchObject({ role: 50 });
  // Login answers the stored role; every authenticated route then refuses a role below common.
  const minus7 = api.client();
  await expect(minus7.auth.login({ username: 'minus7', password: 'pa55word!' })).resolves.toMatchObject({ role: -7 });
  await expect(minus7.self.retrieve()).rejects.toThrow('Unauthorized, insufficient privileges');
});

test('users.update: the role cannot change here (use promote and demote)', async () => {
  const user = seeded(1);
  const err = await (await api.loginAs('root')).users.update(user.row.id, { username: user.username, role: 10 }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err.message).toBe('Invalid parameters');
  expect(user.row.role).toBe(1);
});

test('users.update: username, display_name, group and remark are written as sent, empty ones included', async () => {
  const user = seeded(1);
  const client = await api.loginAs('root');
  await client.users.update(user.row.id, { username: user.username, display_name: 'Robert', group: 'vip', remark: 'key account' });
  expect(await client.users.retrieve(user.row.id)).toMatchObject({ display_name: 'Robert', group: 'vip', remark: 'key account' });
  // Upstream updates these four columns from a map: what is left out is written empty.
  await client.users.update(user.row.id, { username: user.username });
  const after = await client.users.retrieve(user.row.id);
  expect(after).toMatchObject({ display_name: '', group: '' });
  expect(after).not.toHaveProperty('remark');
});

test('users: an admin manages common users only; root manages anyone', async () => {
  const admin = seeded(10);
  const adminClient = await api.loginAs(admin.username);
  await expect(adminClient.users.retrieve(seeded(1).row.id)).resolves.toMatchObject({ role: 1 });
  const read = await adminClient.users.retrieve(1).catch((e) => e);
  expect(read).toBeInstanceOf(PermissionDeniedError);
  expect(read.message).toBe('No permission to access users of same or higher level');
  const write = await adminClient.users.update(admin.row.id, { username: admin.username }).catch((e) => e);
  expect(write).toBeInstanceOf(PermissionDeniedError);
  expect(write.message).toBe('No permission to update users of same or higher permission level');
  const root = await api.loginAs('root');
  await expect(root.users.retrieve(1)).resolves.toMatchObject({ role: 100 });
  await expect(root.users.update(admin.row.id, { username: admin.username, display_name: 'Ops' })).resolves.toBeUndefined();
});

test('users.delete: a hard delete; the user is gone from the list', async () => {
  const user = seeded(1);
  const client = await api.loginAs('root');
  await client.users.delete(user.row.id);
  const page = await client.users.list({ pageSize: 100 });
  expect(page.items.map((u) => u.id)).not.toContain(user.row.id);
  expect(page.total).toBe(api.server.state.users.length);
  await expect(client.users.retrieve(user.row.id)).rejects.toThrow('record not found');
});

test('users.delete: a retry after the answer was lost resolves and the user is gone; an unknown id still throws NotFoundError', async () => {
  const user = seeded(1);
  const net = loseFirstAnswer(api.fetch, (request) => request.method === 'DELETE');
  const client = await api.loginAs('root', { fetch: net.fetch, ...retryAtOnce });
  await expect(client.users.delete(user.row.id)).resolves.toBeUndefined();
  expect(net.lost()).toBe(true);
  expect(api.server.state.users.some((u) => u.id === user.row.id)).toBe(false);
  await expect(client.users.delete(999_999)).rejects.toBeInstanceOf(NotFoundError);
});

test('users.delete: only a strictly higher role may, so root cannot delete root and an admin cannot delete an admin', async () => {
  const message = 'No permission to update users of same or higher permission level';
  await expect((await api.loginAs('root')).users.delete(1)).rejects.toThrow(message);
  const admin = seeded(10);
  await expect((await api.loginAs(admin.username)).users.delete(admin.row.id)).rejects.toThrow(message);
  expect(api.server.state.users.map((u) => u.id)).toContain(admin.row.id);
});
