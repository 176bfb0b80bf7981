import { expect, test } from 'vitest';
import { usePlatform } from './platform-support.js';

const t = usePlatform();
const KEYS = '/api/v1/users/me/apikeys';

test('create: sk-prod- / sk-test- keys shown once, stored hashed, listed as key_prefix only', async () => {
  const { access } = await t.login('personal');
  const prod = await t.json('POST', KEYS, { token: access, body: { name: '生产环境主 Key', key_type: 'production', expires_at: null, allowed_models: [], allowed_ips: [] } });
  expect(prod.status).toBe(201);
  expect(prod.data.api_key).toMatch(/^sk-prod-[a-z0-9]{32}$/);
  expect(prod.data).toMatchObject({ key_type: 'production', status: 'active', expires_at: null, key_prefix: `${prod.data.api_key.slice(0, 12)}****` });
  const test_ = await t.json('POST', KEYS, { token: access, body: { name: 'ci', key_type: 'test' } });
  expect(test_.data.api_key).toMatch(/^sk-test-[a-z0-9]{32}$/);
  expect(test_.data).toMatchObject({ allowed_models: [], allowed_ips: [], expires_at: null });

  const listed = await t.json('GET', KEYS, { token: access });
  expect(listed.data.items[0]).toMatchObject({ key_id: test_.data.key_id, key_prefix: test_.data.key_prefix });
  expect(JSON.stringify(listed)).not.toContain(prod.data.api_key);
  expect(JSON.stringify(t.server.state)).not.toContain(prod.data.api_key);
  expect(await t.json('GET', `${KEYS}/${prod.data.key_id}`, { token: access })).toMatchObject({ data: { key_prefix: prod.data.key_prefix } });
});

test('expires_at: a past instant is 40001; past the expiry the key reads expired', async () => {
  const { access } = await t.login('personal');
  const past = await t.json('POST', KEYS, { token: access, body: { name: 'old', key_type: 'test', expires_at: '2020-01-01T00:00:00Z' } });
  expect(past).toMatchObject({ status: 400, code: 40001, data: { fields: [{ field: 'expires_at', reason: 'must be in the future' }] } });
  const soon = new Date(t.server.clock.now() + 600_000).toISOString();
  const created = await t.json('POST', KEYS, { token: access, body: { name: 'soon', key_type: 'test', expires_at: soon } });
  expect(created.data.expires_at).toBe(soon.replace(/\.\d{3}Z$/, 'Z'));
  t.server.clock.advance(600_000);
  expect((await t.json('GET', `${KEYS}/${created.data.key_id}`, { token: access })).data.status).toBe('expired');
  const expired = await t.json('GET', `${KEYS}?status=expired`, { token: access });
  expect(expired.data.items.map((k: { key_id: string }) => k.key_id)).toEqual([created.data.key_id]);
});

test('allowed_models and allowed_ips are validated, field by field', async () => {
  const { access } = await t.login('personal');
  const body = { name: 'x', key_type: 'production', allowed_models: ['gpt-4o', 'gpt-4o'], allowed_ips: ['10.0.0.1', '999.1.1.1', '2001:db8::/129'] };
  const refused = await t.json('POST', KEYS, { token: access, body });
  expect(refused).toMatchObject({ status: 400, code: 40001 });
  expect(refused.data.fields).toEqual([
    { field: 'allowed_models', reason: 'must not contain duplicates' },
    { field: 'allowed_ips[1]', reason: 'must be an IPv4 or IPv6 address or CIDR range' },
    { field: 'allowed_ips[2]', reason: 'must be an IPv4 or IPv6 address or CIDR range' },
  ]);
  const ok = await t.json('POST', KEYS, { token: access, body: { ...body, allowed_models: ['gpt-4o', 'claude-3.5/sonnet:beta'], allowed_ips: ['10.0.0.0/8', '::1', '2001:db8::/32'] } });
  expect(ok.status).toBe(201);
});

test('list: filters by key_type and status, newest first, with paging', async () => {
  const { access } = await t.login('personal');
  const all = await t.json('GET', KEYS, { token: access });
  expect(all.data).toMatchObject({ total: 2, page: 1, page_size: 20 });
  expect((await t.json('GET', `${KEYS}?key_type=test`, { token: access })).data.items).toMatchObject([{ key_type: 'test', status: 'disabled' }]);
  expect((await t.json('GET', `${KEYS}?status=active`, { token: access })).data.items).toMatchObject([{ key_type: 'production' }]);
  expect((await t.json('GET', `${KEYS}?page=2&page_size=1`, { token: access })).data).toMatchObject({ total: 2, page: 2, page_size: 1 });
  expect(await t.json('GET', `${KEYS}?page_size=101`, { token: access })).toMatchObject({ status: 400, code: 40001 });
  expect(await t.json('GET', `${KEYS}?status=gone`, { token: access })).toMatchObject({ status: 400, code: 40001 });
});

test('update: disable and rename; delete: gone for good; unknown, malformed and foreign ids are 40402', async () => {
  const owner = await t.login('personal');
  const other = await t.login('enterprise owner');
  const created = await t.json('POST', KEYS, { token: owner.access, body: { name: 'tmp', key_type: 'production' } });
  const path = `${KEYS}/${created.data.key_id}`;
  expect((await t.json('PUT', path, { token: owner.access, body: { status: 'disabled', name: 'renamed' } })).data).toMatchObject({ status: 'disabled', name: 'renamed' });
  expect(await t.json('PUT', path, { token: owner.access, body: {} })).toMatchObject({ code: 40001 });
  for (const method of ['GET', 'PUT', 'DELETE']) {
    expect(await t.json(method, path, { token: other.access, body: method === 'PUT' ? { name: 'x' } : undefined })).toMatchObject({ status: 404, code: 40402 });
  }
  expect(await t.json('DELETE', path, { token: owner.access })).toMatchObject({ status: 200, data: null });
  expect(await t.json('DELETE', path, { token: owner.access })).toMatchObject({ status: 404, code: 40402 });
  expect(await t.json('GET', `${KEYS}/not-a-key-id`, { token: owner.access })).toMatchObject({ status: 404, code: 40402 });
});

test('limit: the 51st key is 40906', async () => {
  const { access, account } = await t.login('enterprise member');
  const now = t.server.clock.now();
  for (let i = 0; i < 50; i++) {
    t.server.state.api_keys.push({ ...t.server.state.api_keys[0]!, key_id: `key_01HX41B2C3D4E5F6G7H8J9K${String(i).padStart(3, '0')}`, user_id: account.user_id, created_at: now });
  }
  expect(await t.json('POST', KEYS, { token: access, body: { name: 'one more', key_type: 'test' } })).toMatchObject({ status: 409, code: 40906 });
});

test('state export: holds no access token, refresh token or key, and seeded keys keep only a SHA-256', async () => {
  const session = await t.login('personal');
  const created = await t.json('POST', KEYS, { token: session.access, body: { name: 'export check', key_type: 'test' } });
  const exported = await (await t.server.fetch('/__mock/state')).text();
  for (const secret of [session.access, session.refresh, created.data.api_key]) expect(exported).not.toContain(secret);
  const seeded = t.server.state.api_keys.filter((k) => k.key_id !== created.data.key_id);
  expect(seeded).toHaveLength(2);
  for (const key of seeded) {
    expect(key.key_sha256).toMatch(/^[0-9a-f]{64}$/);
    // The drawn secret starts with the head's four characters and ends with last4: nowhere in the export.
    expect(exported).not.toMatch(new RegExp(`${key.key_head.slice(-4)}[a-z0-9]{24}${key.last4}`));
  }
  expect((await t.json('GET', '/api/v1/users/me', { token: session.access })).code).toBe(0);
});
