import { expect, test } from 'vitest';
import { PermissionDeniedError } from '../../src/index.js';
import { useAether } from '../support/aether-client.js';

const api = useAether();

/** Adds a usage row through the control API, as tests may (`POST /__mock/usages`). */
async function addUsage(row: Record<string, unknown>): Promise<void> {
  const response = await api.raw('/__mock/usages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(row) });
  if (!response.ok) throw new Error(`Failed to add a usage row: ${response.status} ${await response.text()}`);
}

test('usage.stats: totals from the usage rows, with a 365-day zero-filled heatmap', async () => {
  const admin = await api.loginAs('admin');
  const before = await admin.usage.stats();
  const user_id = api.idOf('user');
  await addUsage({ user_id, model: 'gpt-4o', total_tokens: 1200, total_cost_usd: 0.5 });
  const after = await admin.usage.stats();
  expect(after.total_requests).toBe(before.total_requests + 1);
  expect(after.total_tokens).toBe(before.total_tokens + 1200);
  expect(after.total_cost).toBeCloseTo(before.total_cost + 0.5, 6);
  expect(after.activity_heatmap.total_days).toBe(365);
  expect(after.activity_heatmap.days).toHaveLength(365);
});

test('usage.stats: a date range filters the totals but not the heatmap', async () => {
  const admin = await api.loginAs('admin');
  const stats = await admin.usage.stats({ start_date: '2001-01-01T00:00:00Z', end_date: '2001-12-31T00:00:00Z' });
  expect(stats).toMatchObject({ total_requests: 0, total_tokens: 0, total_cost: 0, error_rate: 0 });
  expect(stats.activity_heatmap.days).toHaveLength(365);
});

test('usage.aggregation: rows typed by group_by', async () => {
  const admin = await api.loginAs('admin');
  const user_id = api.idOf('user');
  await addUsage({ user_id, model: 'claude-sonnet-4', total_tokens: 10, total_cost_usd: 0.25 });
  const byModel = await admin.usage.aggregation({ group_by: 'model' });
  expect(byModel.find((row) => row.model === 'claude-sonnet-4')).toMatchObject({ request_count: expect.any(Number) });
  const byUser = await admin.usage.aggregation({ group_by: 'user', limit: 5 });
  expect(byUser.length).toBeLessThanOrEqual(5);
  expect(byUser.find((row) => row.user_id === user_id)?.email).toBe(api.account('user').email);
});

test('usage: a user who is not an admin gets 需要管理员权限', async () => {
  const user = await api.loginAs('user');
  await expect(user.usage.stats()).rejects.toBeInstanceOf(PermissionDeniedError);
});
