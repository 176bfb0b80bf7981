import { expect, test } from 'vitest';
import { ApiError, NotFoundError, ValidationError } from '../../src/index.js';
import { useNewApi } from '../support/harness.js';
import { loseFirstAnswer, retryAtOnce } from '../support/lost-answer.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';

const api = useNewApi();

const KEY = /^[0-9A-Za-z]{48}$/;
const masked = (key: string) => `${key.slice(0, 4)}**********${key.slice(-4)}`;
const commonUser = () => api.server.accounts.find((a) => a.role === 1)!.username;
const userId = (name: string) => api.server.state.users.find((u) => u.username === name)!.id;
const nowSeconds = () => Math.floor(api.server.clock.now() / 1000);

test('tokens.list: only the caller\'s tokens, newest first, keys masked', async () => {
  const client = await api.loginAs('root');
  const page = await client.tokens.list();
  const mine = api.server.state.tokens.filter((t) => t.user_id === 1).map((t) => t.id).sort((a, b) => b - a);
  expect(page.items.map((t) => t.id)).toEqual(mine);
  expect(page.total).toBe(mine.length);
  for (const token of page.items) expect(token.key).toMatch(/^[0-9A-Za-z]{4}\*{10}[0-9A-Za-z]{4}$/);
});

test('tokens.list: the console\'s `size` works as the page size; `page_size` wins over it', async () => {
  const root = await sessionHeaders(api, 'root');
  const bySize = await (await api.raw('/api/token/?p=1&size=1', { headers: root })).json();
  expect({ page_size: bySize.data.page_size, items: bySize.data.items.length }).toEqual({ page_size: 1, items: 1 });
  const both = await (await api.raw('/api/token/?p=1&page_size=2&size=1', { headers: root })).json();
  expect(both.data.page_size).toBe(2);
});

test('tokens.create: the wire answer has neither id nor key, as upstream', async () => {
  const root = await sessionHeaders(api, 'root');
  const response = await api.raw('/api/token/', jsonInit('POST', { name: 'wire' }, root));
  expect(await response.json()).toEqual({ success: true, message: '' });
});

test('tokens.create: returns the new token with its full key; every other route shows it masked', async () => {
  const client = await api.loginAs('root');
  const token = await client.tokens.create({ name: 'ci', remain_quota: client.usdToQuota(5) });
  expect(token.key).toMatch(KEY);
  expect(token).toMatchObject({ name: 'ci', remain_quota: 2_500_000, unlimited_quota: false, status: 1, user_id: 1 });
  const stored = await client.tokens.retrieve(token.id);
  expect(stored).toEqual({ ...token, key: masked(token.key) });
  expect(await client.tokens.revealKey(token.id)).toBe(token.key);
});

test('tokens.create: expired_time 0 or omitted is stored as -1 (never), allow_ips as ""', async () => {
  const client = await api.loginAs('root');
  const omitted = await client.tokens.create({ name: 'a' });
  const zero = await client.tokens.create({ name: 'b', expired_time: 0 });
  // Read once: a second read may fall past a second boundary under load.
  const inAnHour = nowSeconds() + 3600;
  const dated = await client.tokens.create({ name: 'c', expired_time: inAnHour });
  expect([omitted.expired_time, zero.expired_time, dated.expired_time]).toEqual([-1, -1, inAnHour]);
  expect(omitted.allow_ips).toBe('');
});

test('tokens.create: two creates with the same name at once each get their own token', async () => {
  const client = await api.loginAs('root');
  const made = await Promise.all([1, 2, 3].map(() => client.tokens.create({ name: 'twin' })));
  expect(new Set(made.map((t) => t.id)).size).toBe(3);
  expect(new Set(made.map((t) => t.key)).size).toBe(3);
  for (const token of made) expect(await client.tokens.revealKey(token.id)).toBe(token.key);
});

test('tokens.create: a name over 50 bytes is too long (bytes: 17 Chinese characters are 51)', async () => {
  const client = await api.loginAs('root');
  await expect(client.tokens.create({ name: 'x'.repeat(51) })).rejects.toThrow('Token name is too long');
  await expect(client.tokens.create({ name: '令'.repeat(17) })).rejects.toThrow('Token name is too long');
  await expect(client.tokens.create({ name: '令'.repeat(16) })).resolves.toMatchObject({ name: '令'.repeat(16) });
});

test('tokens.create / update: model_limits, allow_ips or group past 65,535 bytes is MySQL\'s "Data too long"; nothing is written', async () => {
  const client = await api.loginAs('root');
  const tooLong = (column: string) => `Error 1406 (22001): Data too long for column '${column}' at row 1`;
  const count = api.server.state.tokens.length;
  await expect(client.tokens.create({ model_limits: 'm'.repeat(65_536) })).rejects.toThrow(tooLong('model_limits'));
  await expect(client.tokens.create({ allow_ips: '1'.repeat(65_536) })).rejects.toThrow(tooLong('allow_ips'));
  expect(api.server.state.tokens).toHaveLength(count);
  // Bytes, not characters: 21,845 three-byte characters are exactly 65,535 bytes and fit.
  const token = await client.tokens.create({ name: 'kept', model_limits: '令'.repeat(21_845) });
  await expect(client.tokens.update(token.id, { name: 'new', expired_time: -1, remain_quota: 0, unlimited_quota: true, group: '令'.repeat(21_846) })).rejects.toThrow(tooLong('group'));
  expect(await client.tokens.retrieve(token.id)).toMatchObject({ name: 'kept', group: '' });
});

test('tokens.create: the quota must be 0 … 500000000000000 unless unlimited', async () => {
  const client = await api.loginAs('root');
  const negative = await client.tokens.create({ remain_quota: -1 }).catch((e) => e);
  expect(negative).toBeInstanceOf(ValidationError);
  expect(negative.message).toBe('Quota value cannot be negative');
  await expect(client.tokens.create({ remain_quota: 500_000_000_000_001 })).rejects.toThrow('Quota value exceeds valid range, maximum is 500000000000000');
  await expect(client.tokens.create({ remain_quota: -1, unlimited_quota: true })).resolves.toMatchObject({ remain_quota: -1 });
});

test('tokens.create: messages follow Accept-Language', async () => {
  const client = api.client({ headers: { 'Accept-Language': 'zh-CN' } });
  await client.auth.login({ username: 'root', password: '123456' });
  await expect(client.tokens.create({ remain_quota: -1 })).rejects.toThrow('额度值不能为负数');
  await expect(client.tokens.create({ name: 'x'.repeat(51) })).rejects.toThrow('令牌名称过长');
});

test('tokens.create: MaxUserTokens caps the count per user, in Chinese in every language', async () => {
  api.server.state.settings.MaxUserTokens = 3;
  const client = await api.loginAs('root');
  await client.tokens.create({ name: 'third' });
  const err = await client.tokens.create({ name: 'fourth' }).catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err.message).toBe('已达到最大令牌数量限制 (3)');
});

test('tokens.create: a body Go cannot decode is answered with Go\'s own error text', async () => {
  const root = await sessionHeaders(api, 'root');
  const send = async (body: string) => (await (await api.raw('/api/token/', jsonInit('POST', body, root))).json()).message;
  expect(await send('{"name": 1}')).toBe('json: cannot unmarshal number into Go struct field Token.name of type string');
  expect(await send('{"remain_quota": 1.5}')).toBe('json: cannot unmarshal number 1.5 into Go struct field Token.remain_quota of type int');
  expect(await send('{"allow_ips": 5}')).toBe('json: cannot unmarshal number into Go struct field Token.allow_ips of type string');
  expect(await send('[1]')).toBe('json: cannot unmarshal array into Go value of type model.Token');
  expect(await send('{"name": "x", ')).toBe('unexpected EOF');
  expect(await send('')).toBe('EOF');
  expect(await send('{"name" "x"}')).toBe("invalid character '\"' after object key");
  // Like json.Decoder, only the first value is read: trailing bytes are ignored.
  expect(await send('{"name": "trailing"} garbage')).toBe('');
});

test('tokens.retrieve: another user\'s token is "record not found", even for root', async () => {
  const root = await api.loginAs('root');
  const theirs = api.server.state.tokens.find((t) => t.user_id === userId(commonUser()))!;
  const err = await root.tokens.retrieve(theirs.id).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err.message).toBe('record not found');
  await expect(root.tokens.revealKey(theirs.id)).rejects.toThrow('record not found');
});

test('tokens.update: every field is written as sent, and the answer is the updated token, masked', async () => {
  const client = await api.loginAs('root');
  const token = await client.tokens.create({ name: 'old', allow_ips: '10.0.0.1', group: 'vip' });
  const updated = await client.tokens.update(token.id, { name: 'new', expired_time: -1, remain_quota: 7, unlimited_quota: false, model_limits_enabled: true, model_limits: 'gpt-4o' });
  expect(updated).toEqual({ ...token, key: masked(token.key), name: 'new', remain_quota: 7, model_limits_enabled: true, model_limits: 'gpt-4o', allow_ips: null, group: '' });
  expect(await client.tokens.retrieve(token.id)).toEqual(updated);
});

test('tokens.update: expired_time 0 is written as 0, so the token is expired at once', async () => {
  const client = await api.loginAs('root');
  const token = await client.tokens.create({ name: 'soon' });
  const updated = await client.tokens.update(token.id, { name: 'soon', expired_time: 0, remain_quota: 0, unlimited_quota: true });
  expect({ expired_time: updated.expired_time, status: updated.status }).toEqual({ expired_time: 0, status: 3 });
});

test('tokens: an expired token cannot be enabled until its expiry is extended (expiry on the server clock)', async () => {
  const client = await api.loginAs('root');
  const token = await client.tokens.create({ name: 'hour', expired_time: nowSeconds() + 3600, unlimited_quota: true });
  api.server.clock.advance(3601_000);
  expect((await client.tokens.retrieve(token.id)).status).toBe(3);
  await expect(client.tokens.enable(token.id)).rejects.toThrow(
    'Token has expired and cannot be enabled. Please modify the expiration time or set it to never expire',
  );
  const extended = await client.tokens.update(token.id, { name: 'hour', expired_time: -1, remain_quota: 0, unlimited_quota: true });
  expect(extended.status).toBe(3);
  expect((await client.tokens.enable(token.id)).status).toBe(1);
});

test('tokens: an exhausted token cannot be enabled while it has no quota and is not unlimited', async () => {
  const client = await api.loginAs('root');
  const token = await client.tokens.create({ name: 'empty' });
  const root = await sessionHeaders(api, 'root');
  const exhausted = await api.raw('/api/token/?status_only=1', jsonInit('PUT', { id: token.id, status: 4 }, root));
  expect((await exhausted.json()).data.status).toBe(4);
  await expect(client.tokens.enable(token.id)).rejects.toThrow(
    'Token quota is exhausted and cannot be enabled. Please modify the remaining quota or set it to unlimited',
  );
  await client.tokens.update(token.id, { name: 'empty', expired_time: -1, remain_quota: 100, unlimited_quota: false });
  expect((await client.tokens.enable(token.id)).status).toBe(1);
});

test('tokens.disable / enable: status_only writes the status and nothing else', async () => {
  const client = await api.loginAs('root');
  const token = await client.tokens.create({ name: 'switch', remain_quota: 9 });
  expect(await client.tokens.disable(token.id)).toEqual({ ...token, key: masked(token.key), status: 2 });
  expect((await client.tokens.enable(token.id)).status).toBe(1);
});

test('tokens.delete: removes the caller\'s token; another user\'s is "record not found"', async () => {
  const client = await api.loginAs('root');
  const token = await client.tokens.create({ name: 'bye' });
  await client.tokens.delete(token.id);
  await expect(client.tokens.retrieve(token.id)).rejects.toThrow('record not found');
  const theirs = api.server.state.tokens.find((t) => t.user_id !== 1)!;
  await expect(client.tokens.delete(theirs.id)).rejects.toThrow('record not found');
  expect(api.server.state.tokens.some((t) => t.id === theirs.id)).toBe(true);
});

test('tokens.delete: a retry after the answer was lost resolves and the token is gone; an id that never existed still throws NotFoundError', async () => {
  const net = loseFirstAnswer(api.fetch, (request) => request.method === 'DELETE');
  const client = await api.loginAs('root', { fetch: net.fetch, ...retryAtOnce });
  const token = await client.tokens.create({ name: 'lost answer' });
  await expect(client.tokens.delete(token.id)).resolves.toBeUndefined();
  expect(net.lost()).toBe(true);
  expect(api.server.state.tokens.some((t) => t.id === token.id)).toBe(false);
  await expect(client.tokens.delete(999_999)).rejects.toBeInstanceOf(NotFoundError);
});

test('tokens.deleteMany: deletes the caller\'s tokens among the ids and says how many', async () => {
  const client = await api.loginAs('root');
  const a = await client.tokens.create({ name: 'a' });
  const b = await client.tokens.create({ name: 'b' });
  const theirs = api.server.state.tokens.find((t) => t.user_id !== 1)!;
  expect(await client.tokens.deleteMany([a.id, b.id, theirs.id, 999_999])).toBe(2);
  expect(api.server.state.tokens.some((t) => t.id === theirs.id)).toBe(true);
});

test('tokens.deleteMany / revealKeys: the SDK refuses an empty list or more than 100 ids before sending', async () => {
  const sent: Request[] = [];
  const client = api.client({ onRequest: (r) => void sent.push(r) });
  await expect(client.tokens.deleteMany([])).rejects.toThrow(TypeError);
  await expect(client.tokens.revealKeys(Array.from({ length: 101 }, (_, i) => i + 1))).rejects.toThrow('at most 100');
  await expect(client.tokens.revealKeys([1, 0])).rejects.toThrow('must be a positive integer');
  expect(sent).toEqual([]);
});

test('tokens.revealKeys: id → key for the caller\'s tokens only', async () => {
  const client = await api.loginAs('root');
  const token = await client.tokens.create({ name: 'k' });
  const theirs = api.server.state.tokens.find((t) => t.user_id !== 1)!;
  expect(await client.tokens.revealKeys([token.id, theirs.id])).toEqual({ [token.id]: token.key });
});

test('tokens: the state export holds no key, only its hash, its masked form and a sealed copy', async () => {
  const client = await api.loginAs('root');
  const token = await client.tokens.create({ name: 'secret' });
  const exported = await (await api.raw('/__mock/state')).text();
  expect(exported).not.toContain(token.key);
  const row = api.server.state.tokens.find((t) => t.id === token.id)!;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token.key));
  expect(row.key_sha256).toBe(Buffer.from(digest).toString('hex'));
  expect(row.key_masked).toBe(masked(token.key));
});

test('tokens.create().withResponse(): the token with its key, and the answer of the POST that made it', async () => {
  const client = await api.loginAs(commonUser());
  const { data, response } = await client.tokens.create({ name: 'with-response' }).withResponse();
  expect(data.key).toMatch(KEY);
  expect([response.status, new URL(response.url).pathname]).toEqual([200, '/api/token/']);
  expect(await response.json()).toEqual({ success: true, message: '' });
  expect(response.headers.get('x-oneapi-request-id')).toMatch(/^\d{23}8268d9d6/);
  const listed = await client.tokens.list().asResponse();
  expect((await listed.json()).data.items.map((t: { name: string }) => t.name)).toContain('with-response');
});
