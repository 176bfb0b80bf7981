import { expect, test } from 'vitest';
import { ApiError, NotFoundError } from '../../src/index.js';
import { useNewApi } from '../support/harness.js';
import { regExpSourcesBuiltBy } from '../support/regexp-spy.js';
import { loseFirstAnswer, retryAtOnce } from '../support/lost-answer.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';

const api = useNewApi();
const now = () => Math.floor(api.server.clock.now() / 1000);
const adminId = () => api.server.state.users.find((u) => u.role === 10 && u.deleted_at === null && u.status === 1)!.id;
const admin = () => api.loginAs(api.server.accounts.find((a) => a.role === 10)!.username);

test('redemptions.create: count keys of 32 hex characters, listed newest first, enabled, created by the caller', async () => {
  const client = await admin();
  const started = now();
  const keys = await client.redemptions.create({ name: 'launch', count: 3, quota: 750_000 });
  const ended = now();
  expect(keys).toHaveLength(3);
  for (const key of keys) expect(key).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
  const page = await client.redemptions.list();
  expect(page.total).toBe(3);
  expect(page.items.map((r) => r.key)).toEqual([...keys].reverse());
  const created = page.items[0]!.created_time;
  expect(created).toBeGreaterThanOrEqual(started);
  expect(created).toBeLessThanOrEqual(ended);
  expect(page.items[0]).toEqual({
    id: 3, user_id: adminId(), key: keys[2], status: 1, name: 'launch', quota: 750_000, created_time: created,
    redeemed_time: 0, count: 0, used_user_id: 0, DeletedAt: null, expired_time: 0,
  });
});

test('redemptions.create: a quota of 0 (or none) is stored as 100, the column default GORM fills in', async () => {
  const client = await admin();
  const [zero] = await client.redemptions.create({ name: 'zero', count: 1, quota: 0 });
  const [none] = await client.redemptions.create({ name: 'none', count: 1 });
  const quotas = (await client.redemptions.list()).items.map((r) => [r.key, r.quota]);
  expect(quotas).toEqual(expect.arrayContaining([[zero, 100], [none, 100]]));
});

test.each([
  ['an empty name', { name: '', count: 1 }, 'Redemption code name length must be between 1-20'],
  ['a name of 21 characters', { name: 'é'.repeat(21), count: 1 }, 'Redemption code name length must be between 1-20'],
  ['count 0', { name: 'x', count: 0 }, 'Redemption code count must be greater than 0'],
  ['count 101', { name: 'x', count: 101 }, 'Maximum 100 redemption codes can be generated at once'],
  ['an expiry in the past', { name: 'x', count: 1, expired_time: 1 }, 'Expiration time cannot be earlier than current time'],
  ['a negative quota (gatewaykit)', { name: 'x', count: 1, quota: -1 }, 'Quota cannot be negative!'],
])('redemptions.create: %s is refused', async (_, body, message) => {
  const headers = await sessionHeaders(api, 'root');
  const response = await api.raw('/api/redemption/', jsonInit('POST', body, headers));
  expect(await response.json()).toEqual({ success: false, message });
  expect(api.server.state.redemptions).toEqual([]);
});

test('redemptions.create: 20 characters of any script are fine; messages follow Accept-Language', async () => {
  const client = await admin();
  expect(await client.redemptions.create({ name: '兑'.repeat(20), count: 1 })).toHaveLength(1);
  const err = await client.redemptions.create({ name: 'x', count: 101 }, { headers: { 'Accept-Language': 'zh-CN' } }).catch((e) => e);
  expect(err.message).toBe('一次兑换码批量生成的个数不能大于 100');
});

test('redemptions.create: refused until payment compliance is confirmed', async () => {
  api.server.state.settings.PaymentComplianceConfirmed = false;
  const err = await (await admin()).redemptions.create({ name: 'x', count: 1 }).catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err.message).toMatch(/^Payment, redemption, subscription, and invitation reward features are disabled/);
});

test('redemptions.retrieve: one code; unknown or deleted is "record not found"', async () => {
  const client = await admin();
  const [key] = await client.redemptions.create({ name: 'one', count: 1 });
  const code = await client.redemptions.retrieve(1);
  expect(code).toMatchObject({ id: 1, key, name: 'one' });
  await client.redemptions.delete(1);
  await expect(client.redemptions.retrieve(1)).rejects.toThrow('record not found');
  await expect(client.redemptions.retrieve(99)).rejects.toThrow('record not found');
});

test('redemptions.delete: a retry after the answer was lost resolves and the code is deleted; an unknown id still throws NotFoundError', async () => {
  const net = loseFirstAnswer(api.fetch, (request) => request.method === 'DELETE');
  const client = await api.loginAs(api.server.accounts.find((a) => a.role === 10)!.username, { fetch: net.fetch, ...retryAtOnce });
  await client.redemptions.create({ name: 'lost answer', count: 1 });
  await expect(client.redemptions.delete(1)).resolves.toBeUndefined();
  expect(net.lost()).toBe(true);
  expect(api.server.state.redemptions.find((r) => r.id === 1)!.deleted_at).not.toBeNull();
  await expect(client.redemptions.delete(99)).rejects.toBeInstanceOf(NotFoundError);
});

test('redemptions.update: name, quota and expiry are written as sent, zero values included; the status stays', async () => {
  const client = await admin();
  await client.redemptions.create({ name: 'before', count: 1, quota: 900 });
  const expiry = now() + 3600;
  expect(await client.redemptions.update(1, { name: 'after', quota: 1_000, expired_time: expiry })).toMatchObject({
    id: 1, name: 'after', quota: 1_000, expired_time: expiry, status: 1,
  });
  expect(await client.redemptions.update(1, {})).toMatchObject({ name: '', quota: 0, expired_time: 0, status: 1 });
  await expect(client.redemptions.update(1, { name: 'x', expired_time: 5 })).rejects.toThrow('Expiration time cannot be earlier than current time');
  await expect(client.redemptions.update(1, { name: 'x', quota: -5 })).rejects.toThrow('Quota cannot be negative!');
});

test('redemptions.disable / enable: status_only writes only the status', async () => {
  const client = await admin();
  await client.redemptions.create({ name: 'flip', count: 1, quota: 1_234 });
  expect(await client.redemptions.disable(1)).toMatchObject({ status: 2, name: 'flip', quota: 1_234 });
  expect(await client.redemptions.enable(1)).toMatchObject({ status: 1, name: 'flip', quota: 1_234 });
  // Any integer is stored, as upstream: status_only does not validate.
  const headers = await sessionHeaders(api, 'root');
  const response = await api.raw('/api/redemption/?status_only=1', jsonInit('PUT', { id: 1, status: 7, name: 'ignored' }, headers));
  expect(await response.json()).toMatchObject({ success: true, data: { status: 7, name: 'flip' } });
});

test('redemptions.search: name prefix (with LIKE wildcards), id, and the status filters', async () => {
  const client = await admin();
  await client.redemptions.create({ name: 'spring_a', count: 2 });
  await client.redemptions.create({ name: 'summer', count: 1, expired_time: now() + 5 });
  await client.redemptions.create({ name: 'autumn', count: 1 });
  await client.redemptions.disable(4);
  const [used] = await client.redemptions.create({ name: 'winter', count: 1 });
  await (await api.loginAs('root')).topup.redeem(used!);
  api.server.clock.advance(10_000);
  const ids = async (params: Parameters<typeof client.redemptions.search>[0]) => (await client.redemptions.search(params)).items.map((r) => r.id);
  expect(await ids({ keyword: 'spr' })).toEqual([2, 1]);
  expect(await ids({ keyword: 'pring' })).toEqual([]);
  expect(await ids({ keyword: 's_m%' })).toEqual([3]);
  expect(await ids({ keyword: 'SUMMER' })).toEqual([3]);
  expect(await ids({ keyword: '4' })).toEqual([4]);
  expect(await ids({ status: '1' })).toEqual([2, 1]);
  expect(await ids({ status: 'expired' })).toEqual([3]);
  expect(await ids({ status: '2' })).toEqual([4]);
  expect(await ids({ status: '3' })).toEqual([5]);
  expect(await ids({ keyword: 's', status: '1' })).toEqual([2, 1]);
  expect(await ids({})).toEqual([5, 4, 3, 2, 1]);
});

test('redemptions.search: a prefix of wildcards matches as SQLite LIKE, without building a RegExp from it', async () => {
  const client = await admin();
  for (const name of ['abcdefghij!', 'abcdefghi!', 'q😀z-code', 'Émile']) await client.redemptions.create({ name, count: 1 });
  const ids = async (keyword: string) => (await client.redemptions.search({ keyword })).items.map((r) => r.id);
  const wildcards = '%_%_%_%_%_%_%_%_%_%_%!';
  const sources = await regExpSourcesBuiltBy(async () => expect(await ids(wildcards)).toEqual([1]));
  expect(sources.filter((source) => source.includes('!'))).toEqual([]);
  expect(await ids('q_z')).toEqual([3]);
  expect(await ids('émile')).toEqual([]);
});

test('redemptions.list: pages of page_size, iterable across pages', async () => {
  const client = await admin();
  await client.redemptions.create({ name: 'many', count: 25 });
  const first = await client.redemptions.list({ pageSize: 10 });
  expect({ page: first.page, size: first.pageSize, total: first.total, n: first.items.length }).toEqual({ page: 1, size: 10, total: 25, n: 10 });
  const seen: number[] = [];
  for await (const code of client.redemptions.list({ pageSize: 10 })) seen.push(code.id);
  expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
});

test('redemptions.delete and deleteInvalid: soft deletes; invalid means used, disabled or expired', async () => {
  const client = await admin();
  await client.redemptions.create({ name: 'keep', count: 1 });
  await client.redemptions.create({ name: 'off', count: 1 });
  await client.redemptions.create({ name: 'old', count: 1, expired_time: now() + 1 });
  const [spent] = await client.redemptions.create({ name: 'spent', count: 1 });
  await client.redemptions.disable(2);
  await (await api.loginAs('root')).topup.redeem(spent!);
  api.server.clock.advance(5_000);
  expect(await client.redemptions.deleteInvalid()).toBe(3);
  expect((await client.redemptions.list()).items.map((r) => r.name)).toEqual(['keep']);
  expect(api.server.state.redemptions.filter((r) => r.deleted_at !== null)).toHaveLength(3);
  await client.redemptions.delete(1);
  await expect(client.redemptions.delete(1)).rejects.toThrow('record not found');
  expect(await client.redemptions.deleteInvalid()).toBe(0);
});

test('redemptions: the SDK checks ids and required fields before sending', async () => {
  const client = await admin();
  await expect(client.redemptions.retrieve(0)).rejects.toThrow(TypeError);
  await expect(client.redemptions.update(-1, {})).rejects.toThrow(TypeError);
  await expect(client.redemptions.create({ name: '', count: 1 })).rejects.toThrow('`name` must be a non-empty string');
  await expect(client.redemptions.create({ name: 'x', count: 0 })).rejects.toThrow('`count` must be a positive integer');
});

test('redemptions.list and search: a page of one over 2,000 codes renders only that one row', async () => {
  const client = await admin();
  await client.redemptions.create({ name: 'bulk', count: 1, quota: 1 });
  const template = api.server.state.redemptions[0]!;
  let reads = 0;
  for (let i = 1; i <= 2_000; i++) {
    const row = { ...template, id: template.id + i };
    // `key` is read by the view alone: each read is one row rendered.
    Object.defineProperty(row, 'key', { enumerable: true, get: () => (reads++, template.key) });
    api.server.state.redemptions.push(row);
  }
  const listed = await client.redemptions.list({ page: 2, pageSize: 1 });
  expect(listed.items.map((r) => r.id)).toEqual([template.id + 1_999]);
  expect(reads).toBe(1);
  const found = await client.redemptions.search({ keyword: 'bulk', page: 3, pageSize: 1 });
  expect(found.items.map((r) => r.id)).toEqual([template.id + 1_998]);
  expect(reads).toBe(2);
});
