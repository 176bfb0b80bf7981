import { expect, expectTypeOf, test } from 'vitest';
import type { AetherUsage } from '../../mocks/aether/state.js';
import type { components } from '../../mocks/control/generated/schema.js';
import { BODY_LIMIT_BYTES } from '../../mocks/core/body.js';
import { useAetherRaw } from '../support/aether-raw.js';

/**
 * Usage rows through the control route `POST /__mock/usages`, and what upstream computes from them: the user's
 * spending (and its reset), the keys' counters, `/api/admin/usage/stats` with its 365-day heatmap, and the
 * aggregations.
 */
const api = useAetherRaw();

const NOW = Date.UTC(2026, 10, 20, 15, 30, 0);
const DAY = 86_400_000;

async function fresh() {
  api.server.clock.set(NOW);
  // Start from no rows, so the figures below are the test's own.
  api.server.state.usages.length = 0;
  return (await api.login('admin')).access_token;
}

const addUsages = (body: unknown) => api.call('POST', '/__mock/usages', { body });

test('usage rows: a row charges its user\'s used_usd and total_usd and counts on its key', async () => {
  const token = await fresh();
  const user = api.account('user');
  const key = api.server.state.api_keys.find((k) => k.user_id === user.user_id)!;
  const before = { ...api.server.state.users.find((u) => u.id === user.user_id)! };
  const added = await addUsages([{ api_key_id: key.id, total_cost_usd: 1.25, input_tokens: 100, output_tokens: 20 }, { api_key_id: key.id, total_cost_usd: 0.75 }]);
  expect(added.status).toBe(200);
  expect(added.body.usages).toHaveLength(2);
  expect(added.body.usages[0]).toMatchObject({ user_id: user.user_id, api_key_id: key.id, total_tokens: 120, actual_total_cost_usd: 1.25, created_at: NOW });
  const detail = (await api.call('GET', `/api/admin/users/${user.user_id}`, { token })).body;
  expect(detail.used_usd).toBeCloseTo(before.used_usd + 2, 10);
  expect(detail.total_usd).toBeCloseTo(before.total_usd + 2, 10);
  const listed = (await api.call('GET', `/api/admin/users/${user.user_id}/api-keys`, { token })).body.api_keys.find((k: { id: string }) => k.id === key.id);
  expect(listed).toMatchObject({ total_requests: key.total_requests, last_used_at: '2026-11-20T15:30:00+00:00' });
  expect(key.total_requests).toBeGreaterThanOrEqual(2);
});

test('usage rows: the caller\'s own key list counts the usage rows themselves', async () => {
  await fresh();
  const user = api.account('user');
  const { access_token } = await api.login('user');
  const key = api.server.state.api_keys.find((k) => k.user_id === user.user_id)!;
  await addUsages({ api_key_id: key.id, total_cost_usd: 0.5, created_at: '2026-11-01T08:00:00Z' });
  await addUsages({ api_key_id: key.id, total_cost_usd: 0.25, created_at: NOW - DAY });
  const own = (await api.call('GET', '/api/users/me/api-keys', { token: access_token })).body.find((k: { id: string }) => k.id === key.id);
  expect(own).toMatchObject({ total_requests: 2, total_cost_usd: 0.75, last_used_at: '2026-11-19T15:30:00+00:00' });
});

test('usage rows: a standalone key\'s cost goes on the key, not on its owner', async () => {
  await fresh();
  const admin = api.account('admin');
  const standalone = api.server.state.api_keys.find((k) => k.user_id === admin.user_id && k.is_standalone)!;
  const owner = api.server.state.users.find((u) => u.id === admin.user_id)!;
  const used = owner.used_usd;
  await addUsages({ api_key_id: standalone.id, total_cost_usd: 3 });
  expect(owner.used_usd).toBe(used);
  expect(standalone).toMatchObject({ balance_used_usd: 3, total_requests: 1 });
});

test('usage rows: deleting a key or its user keeps the rows, with api_key_id (and user_id) set to NULL as the foreign keys say', async () => {
  const token = await fresh();
  const user = api.account('user');
  const { access_token } = await api.login('user');
  const [own, issued] = await Promise.all(['own', 'issued'].map(async (name) => (await api.call('POST', '/api/users/me/api-keys', { token: access_token, body: { name } })).body.id as string));
  const other = api.server.state.api_keys.find((k) => k.user_id === user.user_id && k.id !== own && k.id !== issued)!.id;
  await addUsages([{ api_key_id: own, total_cost_usd: 1 }, { api_key_id: issued, total_cost_usd: 1 }, { api_key_id: other, total_cost_usd: 1 }]);
  expect((await api.call('DELETE', `/api/users/me/api-keys/${own}`, { token: access_token })).status).toBe(200);
  expect((await api.call('DELETE', `/api/admin/users/${user.user_id}/api-keys/${issued}`, { token })).status).toBe(200);
  expect(api.server.state.usages.map((u) => [u.user_id, u.api_key_id])).toEqual([[user.user_id, null], [user.user_id, null], [user.user_id, other]]);
  expect((await api.call('DELETE', `/api/admin/users/${user.user_id}`, { token })).status).toBe(200);
  expect(api.server.state.usages.map((u) => [u.user_id, u.api_key_id])).toEqual([[null, null], [null, null], [null, null]]);
});

test('quota reset: used_usd goes back to 0, quota_usd and the lifetime total stay', async () => {
  const token = await fresh();
  const user = api.account('user');
  await addUsages({ user_id: user.user_id, total_cost_usd: 4 });
  const before = (await api.call('GET', `/api/admin/users/${user.user_id}`, { token })).body;
  api.server.clock.advance(60_000);
  const reset = await api.call('PATCH', `/api/admin/users/${user.user_id}/quota`, { token });
  expect(reset.body).toEqual({ message: '配额已重置', user_id: user.user_id, quota_usd: before.quota_usd, used_usd: 0, total_usd: before.total_usd });
  const after = (await api.call('GET', `/api/admin/users/${user.user_id}`, { token })).body;
  expect(after).toMatchObject({ used_usd: 0, total_usd: before.total_usd, quota_usd: before.quota_usd, updated_at: '2026-11-20T15:31:00+00:00' });
  // Idempotent: a second reset changes nothing but the time.
  expect((await api.call('PATCH', `/api/admin/users/${user.user_id}/quota`, { token })).body.used_usd).toBe(0);
});

test('stats: totals over the rows, errors by status or message, response time in seconds', async () => {
  const token = await fresh();
  await addUsages([
    { model: 'm1', total_tokens: 100, total_cost_usd: 0.5, actual_total_cost_usd: 0.4, response_time_ms: 1000, cache_read_input_tokens: 7, cache_read_cost_usd: 0.01 },
    { model: 'm1', total_tokens: 50, total_cost_usd: 0.25, response_time_ms: 2345, status_code: 500, status: 'failed' },
    { model: 'm2', total_tokens: 10, error_message: 'boom', response_time_ms: null },
  ]);
  const stats = (await api.call('GET', '/api/admin/usage/stats', { token })).body;
  expect({ ...stats, activity_heatmap: undefined }).toEqual({
    total_requests: 3,
    total_tokens: 160,
    total_cost: 0.75,
    total_actual_cost: 0.65,
    // AVG skips the null: (1000 + 2345) / 2 ms.
    avg_response_time: 1.67,
    error_count: 2,
    error_rate: 66.67,
    cache_stats: { cache_creation_tokens: 0, cache_read_tokens: 7, cache_creation_cost: 0, cache_read_cost: 0.01 },
    activity_heatmap: undefined,
  });
});

test('stats: no rows gives zeros, error_rate 0', async () => {
  const token = await fresh();
  const stats = (await api.call('GET', '/api/admin/usage/stats', { token })).body;
  expect(stats).toMatchObject({ total_requests: 0, total_tokens: 0, total_cost: 0, avg_response_time: 0, error_count: 0, error_rate: 0 });
});

test('stats: the date filter bounds the totals, both ends included; the heatmap ignores it', async () => {
  const token = await fresh();
  await addUsages([
    { total_cost_usd: 1, created_at: '2026-11-01T00:00:00Z' },
    { total_cost_usd: 2, created_at: '2026-11-10T12:00:00Z' },
    { total_cost_usd: 4, created_at: '2026-11-15T00:00:00Z' },
    { total_cost_usd: 8, created_at: '2025-06-01T00:00:00Z' },
  ]);
  const within = (await api.call('GET', '/api/admin/usage/stats?start_date=2026-11-01&end_date=2026-11-15T00:00:00Z', { token })).body;
  expect(within.total_requests).toBe(3);
  expect(within.total_cost).toBe(7);
  const old = (await api.call('GET', '/api/admin/usage/stats?start_date=2001-01-01&end_date=2001-12-31', { token })).body;
  expect(old.total_requests).toBe(0);
  for (const stats of [within, old]) {
    const heatmap = stats.activity_heatmap;
    expect(heatmap).toMatchObject({ start_date: '2025-11-21', end_date: '2026-11-20', total_days: 365, max_requests: 1 });
    expect(heatmap.days).toHaveLength(365);
    expect(heatmap.days[0].date).toBe('2025-11-21');
    expect(heatmap.days.at(-1).date).toBe('2026-11-20');
    expect(heatmap.days.filter((d: { requests: number }) => d.requests > 0).map((d: { date: string }) => d.date)).toEqual(['2026-11-01', '2026-11-10', '2026-11-15']);
    expect(heatmap.days.find((d: { date: string }) => d.date === '2026-11-10')).toEqual({ date: '2026-11-10', requests: 1, total_tokens: 0, total_cost: 2, actual_total_cost: 2 });
  }
});

test('aggregation: by model, finished rows of routed providers only, most requests first, at most limit', async () => {
  const token = await fresh();
  await addUsages([
    { model: 'a', total_tokens: 1 },
    { model: 'b', total_tokens: 2, total_cost_usd: 0.5 },
    { model: 'b', total_tokens: 3 },
    { model: 'c' },
    { model: 'c', status: 'pending' },
    { model: 'c', status: 'streaming' },
    { model: 'c', provider: 'unknown' },
  ]);
  const groups = (await api.call('GET', '/api/admin/usage/aggregation/stats?group_by=model', { token })).body;
  expect(groups).toEqual([
    { model: 'b', request_count: 2, total_tokens: 5, total_cost: 0.5, actual_cost: 0.5 },
    { model: 'a', request_count: 1, total_tokens: 1, total_cost: 0, actual_cost: 0 },
    { model: 'c', request_count: 1, total_tokens: 0, total_cost: 0, actual_cost: 0 },
  ]);
  expect((await api.call('GET', '/api/admin/usage/aggregation/stats?group_by=model&limit=1', { token })).body).toHaveLength(1);
});

test('aggregation: by user, rows of deleted users drop out; by API format and by provider', async () => {
  const token = await fresh();
  const [first, second] = api.server.accounts.filter((a) => a.role === 'user');
  await addUsages([
    { user_id: first!.user_id, total_tokens: 5, total_cost_usd: 1 },
    { user_id: first!.user_id, api_format: 'CLAUDE', response_time_ms: 100, provider_id: 'p1', provider: 'anthropic' },
    { user_id: second!.user_id, api_format: null, provider_id: 'p1', provider: 'anthropic', status: 'failed', status_code: 502, response_time_ms: 300 },
  ]);
  await api.call('DELETE', `/api/admin/users/${second!.user_id}`, { token });
  expect((await api.call('GET', '/api/admin/usage/aggregation/stats?group_by=user', { token })).body).toEqual([
    { user_id: first!.user_id, email: first!.email, username: first!.username, request_count: 2, total_tokens: 5, total_cost: 1 },
  ]);
  expect((await api.call('GET', '/api/admin/usage/aggregation/stats?group_by=api_format', { token })).body).toEqual([
    { api_format: 'OPENAI', request_count: 1, total_tokens: 5, total_cost: 1, actual_cost: 1, avg_response_time_ms: 0 },
    { api_format: 'CLAUDE', request_count: 1, total_tokens: 0, total_cost: 0, actual_cost: 0, avg_response_time_ms: 100 },
  ]);
  expect((await api.call('GET', '/api/admin/usage/aggregation/stats?group_by=provider', { token })).body).toEqual([
    { provider_id: 'p1', provider: 'anthropic', request_count: 2, total_tokens: 0, total_cost: 0, actual_cost: 0, avg_response_time_ms: 200, success_rate: 50, error_count: 1 },
  ]);
  // The deleted user's row stays, without its user.
  expect(api.server.state.usages.filter((u) => u.user_id === null)).toHaveLength(1);
});

test('control: bad usage rows are refused with 400 and none is stored', async () => {
  await fresh();
  const before = await api.snapshot();
  for (const body of [{ total_cost_usd: -1 }, { api_key_id: 'nope' }, [{ total_cost_usd: 1 }, { user_id: 'nobody' }], { status: 'weird' }, [], { extra: 1 }]) {
    const answer = await addUsages(body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect(answer.body.error).toMatch(/^Failed to (add usage rows|read the body)/);
  }
  expect(await api.snapshot()).toEqual(before);
});

test('control: usage rows past the 1 MiB body limit are a 413 naming the limit, as every control route answers, and none is stored', async () => {
  await fresh();
  const before = await api.snapshot();
  const answer = await addUsages({ model: 'x', error_message: 'y'.repeat(BODY_LIMIT_BYTES) });
  expect(answer.status).toBe(413);
  expect(answer.body).toEqual({ error: `Failed to read the body: it exceeds ${BODY_LIMIT_BYTES} bytes.` });
  expect(await api.snapshot()).toEqual(before);
});

test("control: usage rows that another site's page posted are the control API's 403, and none is stored", async () => {
  await fresh();
  const before = await api.snapshot();
  const answer = await api.call('POST', '/__mock/usages', { body: { total_cost_usd: 1 }, headers: { 'sec-fetch-site': 'cross-site' } });
  expect(answer.status).toBe(403);
  expect(answer.body.error).toMatch(/^The control API takes no writes from pages of other sites\./);
  expect(await api.snapshot()).toEqual(before);
});

test('types: the usage row openapi/control.yaml documents has exactly the stored row\'s fields and fits its types, so the two cannot drift apart', () => {
  type Documented = components['schemas']['AetherUsage'];
  expectTypeOf<keyof Documented>().toEqualTypeOf<keyof AetherUsage>();
  expectTypeOf<Documented>().toExtend<AetherUsage>();
});
