import { afterAll, expect, test } from 'vitest';
import { json, loginAs, newApiServer, serverErrors } from './support.js';

afterAll(() => expect(serverErrors.splice(0)).toEqual([]));

async function asRoot() {
  const server = await newApiServer();
  return { server, root: await loginAs(server, 'root', '123456') };
}

async function asAdmin() {
  const server = await newApiServer();
  const admin = server.accounts.find((a) => a.role === 10)!;
  return { server, admin: await loginAs(server, admin.username, admin.password) };
}

const ADMIN_USER_KEYS = [
  'id', 'username', 'password', 'original_password', 'display_name', 'role', 'status', 'email', 'github_id', 'discord_id',
  'oidc_id', 'wechat_id', 'telegram_id', 'verification_code', 'quota', 'used_quota', 'request_count', 'group', 'aff_code',
  'aff_count', 'aff_quota', 'aff_history_quota', 'inviter_id', 'DeletedAt', 'linux_do_id', 'setting', 'stripe_customer',
  'created_at', 'last_login_at',
];

test('list: newest first, soft-deleted users included, password blank', async () => {
  const { server, root } = await asRoot();
  const { data } = await (await server.fetch('/api/user/', { headers: root })).json();
  expect(data).toMatchObject({ page: 1, page_size: 10, total: server.state.users.length });
  expect(data.items.map((u: { id: number }) => u.id)).toEqual([...server.state.users].map((u) => u.id).sort((a, b) => b - a));
  expect(Object.keys(data.items[0]).sort()).toEqual([...ADMIN_USER_KEYS].sort());
  expect(data.items.some((u: { DeletedAt: string | null }) => typeof u.DeletedAt === 'string')).toBe(true);
  expect(data.items.every((u: { password: string }) => u.password === '')).toBe(true);
});

test('list: p is 1-based, page_size falls back to ps and size, and is clamped to 100', async () => {
  const { server, root } = await asRoot();
  const page = async (query: string) => (await (await server.fetch(`/api/user/?${query}`, { headers: root })).json()).data;
  expect(await page('p=2&page_size=3')).toMatchObject({ page: 2, page_size: 3 });
  expect((await page('p=2&page_size=3')).items.map((u: { id: number }) => u.id)).toEqual([4, 3, 2]);
  expect(await page('p=0&ps=2')).toMatchObject({ page: 1, page_size: 2 });
  expect(await page('size=4')).toMatchObject({ page_size: 4 });
  expect(await page('page_size=1000')).toMatchObject({ page_size: 100 });
});

test('list: a negative p is kept, and GORM drops the negative offset (first page)', async () => {
  const { server, root } = await asRoot();
  const { data } = await (await server.fetch('/api/user/?p=-2&page_size=2', { headers: root })).json();
  expect(data.page).toBe(-2);
  expect(data.items.map((u: { id: number }) => u.id)).toEqual([7, 6]);
});

test('list: sort_by and sort_order; an unknown column falls back to id desc', async () => {
  const { server, root } = await asRoot();
  const ids = async (query: string) => (await (await server.fetch(`/api/user/?${query}`, { headers: root })).json()).data.items.map((u: { id: number }) => u.id);
  expect(await ids('sort_by=id&sort_order=asc')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(await ids('sort_by=password&sort_order=asc')).toEqual([7, 6, 5, 4, 3, 2, 1]);
  const byQuota = [...server.state.users].sort((a, b) => b.quota - a.quota || b.id - a.id).map((u) => u.id);
  expect(await ids('sort_by=quota')).toEqual(byQuota);
});

test('search: keyword on username/email/display name, id when numeric; status -1 is soft-deleted only', async () => {
  const { server, root } = await asRoot();
  const search = async (query: string) => (await (await server.fetch(`/api/user/search?${query}`, { headers: root })).json()).data;
  expect((await search('keyword=ROOT')).items.map((u: { id: number }) => u.id)).toEqual([1]);
  expect((await search('keyword=3')).items.map((u: { id: number }) => u.id)).toContain(3);
  const deleted = await search('status=-1');
  expect(deleted.items).toHaveLength(1);
  expect(deleted.items[0].DeletedAt).not.toBeNull();
  expect((await search('status=2')).items.map((u: { status: number }) => u.status)).toEqual([2]);
  expect((await search('role=10')).items).toHaveLength(1);
  expect((await search('group=vip')).items.every((u: { group: string }) => u.group === 'vip')).toBe(true);
});

test('retrieve: a bad id is the Atoi error, a soft-deleted one is record not found', async () => {
  const { server, root } = await asRoot();
  expect(await (await server.fetch('/api/user/abc', { headers: root })).json()).toEqual({ success: false, message: 'strconv.Atoi: parsing "abc": invalid syntax' });
  const deleted = server.state.users.find((u) => u.deleted_at !== null)!;
  expect(await (await server.fetch(`/api/user/${deleted.id}`, { headers: root })).json()).toEqual({ success: false, message: 'record not found' });
  expect((await (await server.fetch('/api/user/2', { headers: root })).json()).data.id).toBe(2);
});

test('retrieve: an admin cannot read another admin or root', async () => {
  const { server, admin } = await asAdmin();
  expect(await (await server.fetch('/api/user/1', { headers: admin })).json()).toEqual({ success: false, message: 'No permission to access users of same or higher level' });
});

test('create: role at or above the caller is refused; role 0 becomes 1; no data in the answer', async () => {
  const { server, admin } = await asAdmin();
  expect(await (await server.fetch('/api/user/', json('POST', { username: 'boss', password: 'password123', role: 10 }, admin))).json()).toEqual({
    success: false,
    message: 'Cannot create users with permission level equal to or higher than yourself',
  });
  expect(await (await server.fetch('/api/user/', json('POST', { username: 'worker', password: 'password123' }, admin))).json()).toEqual({ success: true, message: '' });
  expect(server.state.users.at(-1)).toMatchObject({ username: 'worker', role: 1, display_name: 'worker', group: 'default' });
});

test('update: the role cannot change here; empty display name and group are written as empty', async () => {
  const { server, root } = await asRoot();
  const target = server.state.users[2]!;
  const changeRole = await server.fetch('/api/user/', json('PUT', { id: target.id, username: target.username, role: 10 }, root));
  expect(await changeRole.json()).toEqual({ success: false, message: 'Invalid parameters' });
  const update = await server.fetch('/api/user/', json('PUT', { id: target.id, username: 'renamed', remark: 'vip customer' }, root));
  expect(await update.json()).toEqual({ success: true, message: '' });
  expect(target).toMatchObject({ username: 'renamed', display_name: '', group: '', remark: 'vip customer' });
  expect((await (await server.fetch(`/api/user/${target.id}`, { headers: root })).json()).data.remark).toBe('vip customer');
});

test('manage: root cannot be disabled, deleted or demoted; unknown actions are a silent success', async () => {
  const { server, root } = await asRoot();
  const manage = async (body: object) => (await server.fetch('/api/user/manage', json('POST', body, root))).json();
  expect(await manage({ id: 1, action: 'disable' })).toEqual({ success: false, message: 'Cannot disable super administrator user' });
  expect(await manage({ id: 1, action: 'delete' })).toEqual({ success: false, message: 'Cannot delete super administrator account' });
  expect(await manage({ id: 1, action: 'demote' })).toEqual({ success: false, message: 'Cannot demote super administrator user' });
  const unknown = await manage({ id: 3, action: 'frobnicate' });
  expect(unknown.success).toBe(true);
  expect(unknown.data).toMatchObject({ id: 0, username: '', role: 1, status: 1, DeletedAt: null });
});

test('manage: disable and promote answer a zero user with only role and status', async () => {
  const { server, root } = await asRoot();
  const manage = async (body: object) => (await server.fetch('/api/user/manage', json('POST', body, root))).json();
  const disabled = await manage({ id: 3, action: 'disable' });
  expect(Object.keys(disabled.data).sort()).toEqual([...ADMIN_USER_KEYS].sort());
  expect(disabled.data).toMatchObject({ id: 0, role: 1, status: 2, quota: 0 });
  expect((await manage({ id: 3, action: 'promote' })).data).toMatchObject({ role: 10, status: 2 });
  expect(await manage({ id: 3, action: 'promote' })).toEqual({ success: false, message: 'This user is already an administrator' });
});

test('manage: an admin cannot promote, nor manage another admin', async () => {
  const { server, admin } = await asAdmin();
  const manage = async (body: object) => (await server.fetch('/api/user/manage', json('POST', body, admin))).json();
  expect(await manage({ id: 3, action: 'promote' })).toEqual({ success: false, message: 'Regular administrators cannot promote other users to administrator' });
  expect(await manage({ id: 1, action: 'enable' })).toEqual({ success: false, message: 'No permission to update users of same or higher permission level' });
});

test('manage: an unknown id is not "User does not exist": the action runs against no row (JUL26 ignores the lookup error)', async () => {
  const { server, admin } = await asAdmin();
  const manage = async (body: object) => (await server.fetch('/api/user/manage', json('POST', body, admin))).json();
  const before = structuredClone(server.state.users);
  expect(await manage({ id: 999, action: 'enable' })).toEqual({ success: false, message: 'record not found' });
  expect(await manage({ id: 999, action: 'delete' })).toEqual({ success: false, message: 'record not found' });
  expect(await manage({ id: 999, action: 'add_quota', mode: 'add', value: 5 })).toEqual({ success: true, message: '' });
  expect(server.state.users).toEqual(before);
});

test('manage: JUL26 delete soft-deletes, then answers record not found (its re-read is scoped)', async () => {
  const { server, root } = await asRoot();
  const response = await server.fetch('/api/user/manage', json('POST', { id: 3, action: 'delete' }, root));
  expect(await response.json()).toEqual({ success: false, message: 'record not found' });
  expect(server.state.users.find((u) => u.id === 3)!.deleted_at).not.toBeNull();
});

test('manage: add_quota adds, subtracts and overrides; zero is refused; an unknown mode is invalid', async () => {
  const { server, root } = await asRoot();
  const manage = async (body: object) => (await server.fetch('/api/user/manage', json('POST', body, root))).json();
  const user = server.state.users[3]!;
  const start = user.quota;
  expect(await manage({ id: user.id, action: 'add_quota', mode: 'add', value: 500 })).toEqual({ success: true, message: '' });
  expect(await manage({ id: user.id, action: 'add_quota', mode: 'subtract', value: 200 })).toEqual({ success: true, message: '' });
  expect(user.quota).toBe(start + 300);
  expect(await manage({ id: user.id, action: 'add_quota', mode: 'add', value: 0 })).toEqual({ success: false, message: 'Quota change amount cannot be zero' });
  expect(await manage({ id: user.id, action: 'add_quota', mode: 'double', value: 1 })).toEqual({ success: false, message: 'Invalid parameters' });
  await manage({ id: user.id, action: 'add_quota', mode: 'override', value: 42 });
  expect(user.quota).toBe(42);
});

test('delete: hard delete; root cannot delete root, an admin cannot delete an admin', async () => {
  const { server, root } = await asRoot();
  expect(await (await server.fetch('/api/user/1', { method: 'DELETE', headers: root })).json()).toEqual({
    success: false,
    message: 'No permission to update users of same or higher permission level',
  });
  expect(await (await server.fetch('/api/user/3', { method: 'DELETE', headers: root })).json()).toEqual({ success: true, message: '' });
  expect(server.state.users.some((u) => u.id === 3)).toBe(false);
  const { server: other, admin } = await asAdmin();
  const adminId = other.state.users.find((u) => u.role === 10)!.id;
  expect((await (await other.fetch(`/api/user/${adminId}`, { method: 'DELETE', headers: admin })).json()).success).toBe(false);
});

/** Pushes `count` copies of the newest user whose `aff_code` (read by the view only) counts its reads. */
function addCountedUsers(server: Awaited<ReturnType<typeof newApiServer>>, count: number): { reads: number } {
  const meter = { reads: 0 };
  const template = server.state.users.reduce((a, b) => (a.id > b.id ? a : b));
  for (let i = 1; i <= count; i++) {
    const row = { ...template, id: template.id + i, username: `bulk${i}`, deleted_at: null };
    Object.defineProperty(row, 'aff_code', { enumerable: true, get: () => (meter.reads++, `bulk${i}`) });
    server.state.users.push(row);
  }
  return meter;
}

test('list and search: a page of one over 2,000 users renders only that one row', async () => {
  const { server, root } = await asRoot();
  const newest = server.state.users.reduce((a, b) => Math.max(a, b.id), 0) + 2_000;
  const meter = addCountedUsers(server, 2_000);
  const list = (await (await server.fetch('/api/user/?p=3&page_size=1', { headers: root })).json()).data;
  expect(list.items.map((u: { id: number }) => u.id)).toEqual([newest - 2]);
  expect(list.total).toBe(server.state.users.length);
  expect(meter.reads).toBe(1);
  const search = (await (await server.fetch('/api/user/search?keyword=bulk&p=2&page_size=1', { headers: root })).json()).data;
  expect(search).toMatchObject({ total: 2_000, items: [{ id: newest - 1 }] });
  expect(meter.reads).toBe(2);
});

/** Swaps `state.users` for a view that counts the rows read by index, the way a request walks a table. */
function countRowReads(server: Awaited<ReturnType<typeof newApiServer>>): { reads: number } {
  const meter = { reads: 0 };
  server.state.users = new Proxy(server.state.users, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) meter.reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return meter;
}

test('list: a page by id reads the rows of its page and not one more, whether the table holds 1,000 or 20,000 users', async () => {
  const reads: number[] = [];
  for (const users of [1_000, 20_000]) {
    const server = await newApiServer({ users });
    const root = await loginAs(server, 'root', '123456');
    const meter = countRowReads(server);
    const newest = server.state.users.at(-1)!.id;
    await server.fetch('/api/user/?p=2', { headers: root }); // the first look checks the order once
    meter.reads = 0;
    const page = (await (await server.fetch('/api/user/?p=2', { headers: root })).json()).data;
    expect(page.items.map((u: { id: number }) => u.id)).toEqual(Array.from({ length: 10 }, (_, i) => newest - 10 - i));
    const ascending = (await (await server.fetch('/api/user/?p=3&page_size=5&sort_by=id&sort_order=asc', { headers: root })).json()).data;
    expect(ascending.items.map((u: { id: number }) => u.id)).toEqual([11, 12, 13, 14, 15]);
    reads.push(meter.reads);
  }
  // Per request the caller's lookup by id (the last row: is the table as it was?; the row at id - 1; the row through
  // the state's view), the list's own look at the last row, then the page's 10 + 5 rows: 2 × 4 + 15, the same at
  // either size. (A scan from the front read root's row alone only because root is the first; any other caller's
  // lookup read up to n rows.)
  expect(reads).toEqual([23, 23]);
});

test('list: a table out of id order (an import) still lists newest first; after appends only the new rows are checked', async () => {
  const { server, root } = await asRoot();
  const ids = () => server.fetch('/api/user/?page_size=100', { headers: root }).then(async (r) => (await r.json()).data.items.map((u: { id: number }) => u.id));
  const inOrder = await ids();
  server.state.users = [...server.state.users].reverse();
  expect(await ids()).toEqual(inOrder);
  server.state.users = [...server.state.users].reverse();
  const meter = countRowReads(server);
  await ids();
  await server.fetch('/api/user/', json('POST', { username: 'appended', password: '12345678', display_name: '' }, root));
  meter.reads = 0;
  const after = await ids();
  expect(after[0]).toBe(inOrder[0] + 1);
  // The caller's lookup by id (the last row, the row at id - 1, the row), the last row, the old last row (still in
  // place?), it and the new one compared, the page: never the whole table again.
  expect(meter.reads).toBe(3 + 1 + 1 + 2 + after.length);
});
