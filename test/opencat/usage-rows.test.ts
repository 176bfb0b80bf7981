import { beforeEach, expect, test } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../mocks/core/body.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { openCatRaw } from '../support/opencat-raw.js';

/**
 * Usage rows through the control route (`POST /__mock/usages`) and their sums in `GET /1/usages`: upstream's
 * prices and six-decimal costs, the day in the server's zone, `[from, to)` compared as text, the month default,
 * `omitempty`, deleted users.
 */
const life = useReferenceServer('opencat');
const api = openCatRaw(life);
const usages = async (query = '') => (await api.call('GET', `/1/usages${query}`)).json as { userId: number; totalUnit?: number; cost: string }[];
const record = (body: Record<string, unknown>) => api.recordUsage({ user_id: 2, model: 'gpt-4o', prompt_units: 0, completion_units: 0, cost: 0, ...body });
const post = async (body: unknown) => {
  const response = await life.raw('/__mock/usages', { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

beforeEach(() => {
  life.server.state.daily_usages.length = 0;
  life.server.clock.set(Date.UTC(2024, 6, 19, 4));
});

test('usage rows: a row without cost is priced from upstream\'s list, formatted %.6f, and answered as recorded', async () => {
  const answer = await post({ user_id: 2, model: 'gpt-4o-mini', prompt_units: 1000, completion_units: 500 });
  expect(answer).toEqual({
    status: 200,
    json: { user_id: 2, date: '2024-07-19', model: 'gpt-4o-mini', prompt_units: 1000, completion_units: 500, total_unit: 1500, cost: '0.000450' },
  });
  expect(await usages()).toEqual([{ userId: 2, totalUnit: 1500, cost: '0.000450' }]);
});

test.each([
  ['gpt-4', 1000, 1000, '0.090000'],
  ['gpt-3.5-turbo-0301', 500, 500, '0.002000'],
  ['claude-v1', 1_000_000, 0, '11.020000'],
  ['claude-3-haiku-20240307', 4000, 1000, '0.002250'],
  ['whisper-1', 30, 30, '0.006000'],
  ['tts-1-hd', 0, 1000, '30.000000'],
  ['dall-e-3.1024x1792.hd', 0, 2, '0.240000'],
  ['gemini-1.5-flash-latest', 1000, 1000, '0.000880'],
  ['my-gpt-4-fork', 1000, 1000, '0.120000'],
  ['my-gpt-3.5-turbo', 1000, 1000, '0.006000'],
  ['llama-3', 1000, 1000, '0.004000'],
])('usage rows: %s with %i + %i units costs %s', async (model, prompt, completion, cost) => {
  expect((await post({ user_id: 2, model, prompt_units: prompt, completion_units: completion })).json.cost).toBe(cost);
});

test('usage rows: a given cost (number or decimal string) is formatted like Go\'s %.6f, exact ties to even', async () => {
  expect((await post({ user_id: 2, model: 'x', prompt_units: 0, completion_units: 0, cost: 0.0078125 })).json.cost).toBe('0.007812');
  expect((await post({ user_id: 2, model: 'x', prompt_units: 0, completion_units: 0, cost: '1.25' })).json.cost).toBe('1.250000');
  expect(await usages()).toEqual([{ userId: 2, cost: '1.257812' }]);
});

test('usage rows: the day is today in the server\'s zone (+08:00 by default), or the date given', async () => {
  life.server.clock.set(Date.UTC(2024, 6, 31, 20));
  expect((await post({ user_id: 2, model: 'x', prompt_units: 1, completion_units: 1 })).json.date).toBe('2024-08-01');
  expect((await post({ user_id: 2, model: 'x', prompt_units: 1, completion_units: 1, date: '2023-02-28' })).json.date).toBe('2023-02-28');
});

test('usage rows: another TimeZone moves the day, the month and every printed time', async () => {
  life.server.clock.set(Date.UTC(2024, 6, 31, 20));
  await life.raw('/__mock/settings', { method: 'PATCH', body: JSON.stringify({ TimeZone: '+00:00' }) });
  expect((await post({ user_id: 2, model: 'x', prompt_units: 1, completion_units: 1 })).json.date).toBe('2024-07-31');
  expect(await usages()).toEqual([{ userId: 2, totalUnit: 2, cost: '0.000004' }]);
  expect((await api.call('GET', '/1/me')).text).toMatch(/"createdAt":"[^"]+Z"\}$/);
  await life.raw('/__mock/settings', { method: 'PATCH', body: JSON.stringify({ TimeZone: '-05:30' }) });
  expect((await api.call('GET', '/1/me')).text).toMatch(/"createdAt":"[^"]+-05:30"\}$/);
});

test('usage rows: the control route refuses bad rows with a 400 and records nothing', async () => {
  const before = api.snapshot();
  for (const body of [
    { user_id: 999, model: 'x', prompt_units: 1, completion_units: 1 },
    { user_id: 2, model: 'x', prompt_units: -1, completion_units: 1 },
    { user_id: 2, model: 'x', prompt_units: 1.5, completion_units: 1 },
    { user_id: 2, model: 'x', prompt_units: 1, completion_units: 1, date: '2024-02-30' },
    { user_id: 2, model: 'x', prompt_units: 1, completion_units: 1, cost: -1 },
    { user_id: 2, model: 'x', prompt_units: 1, completion_units: 1, extra: true },
    { user_id: 2, prompt_units: 1, completion_units: 1 },
    [],
  ]) {
    const answer = await post(body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect(String(answer.json.error)).toMatch(/^Failed to record the usage: /);
  }
  expect(api.snapshot()).toBe(before);
});

test('usage rows: a body past the 1 MiB limit is a 413 naming the limit, as every control route answers, and records nothing', async () => {
  const before = api.snapshot();
  const answer = await post({ user_id: 2, model: 'x'.repeat(BODY_LIMIT_BYTES), prompt_units: 1, completion_units: 1 });
  expect(answer).toEqual({ status: 413, json: { error: `Failed to read the body: it exceeds ${BODY_LIMIT_BYTES} bytes.` } });
  expect(api.snapshot()).toBe(before);
});

test("usage rows: a row that another site's page posted is the control API's 403, and records nothing", async () => {
  const before = api.snapshot();
  const response = await life.raw('/__mock/usages', { method: 'POST', headers: { 'sec-fetch-site': 'same-site' }, body: JSON.stringify({ user_id: 2, model: 'x', prompt_units: 1, completion_units: 1 }) });
  expect(response.status).toBe(403);
  expect(((await response.json()) as { error: string }).error).toMatch(/^The control API takes no writes from pages of other sites\./);
  expect(api.snapshot()).toBe(before);
});

test('usages: rows are summed per user over [from, to) by day, in user id order', async () => {
  await record({ user_id: 3, prompt_units: 1, cost: 1, date: '2024-07-01' });
  await record({ user_id: 2, prompt_units: 2, cost: 2, date: '2024-07-15' });
  await record({ user_id: 2, prompt_units: 4, cost: 4, date: '2024-07-15' });
  await record({ user_id: 2, prompt_units: 8, cost: 8, date: '2024-07-31' });
  await record({ user_id: 2, prompt_units: 16, cost: 16, date: '2024-08-01' });
  expect(await usages('?from=2024-07-01&to=2024-08-01')).toEqual([
    { userId: 2, totalUnit: 14, cost: '14.000000' },
    { userId: 3, totalUnit: 1, cost: '1.000000' },
  ]);
  expect(await usages('?from=2024-07-15&to=2024-07-31')).toEqual([{ userId: 2, totalUnit: 6, cost: '6.000000' }]);
  expect(await usages('?from=2024-07-15&to=2024-07-15')).toEqual([]);
  // A bound with a time part sorts after that day's stored text ('T' > ' '), so the day is left out.
  expect(await usages('?from=2024-07-15T00:00&to=2024-08-02')).toEqual([{ userId: 2, totalUnit: 24, cost: '24.000000' }]);
});

test('usages: when either bound is missing or empty, both become the current month in the server\'s zone', async () => {
  await record({ prompt_units: 1, date: '2024-06-30' });
  await record({ prompt_units: 2, date: '2024-07-01' });
  await record({ prompt_units: 4, date: '2024-07-31' });
  await record({ prompt_units: 8, date: '2024-08-01' });
  for (const query of ['', '?from=2024-01-01', '?to=2030-01-01', '?from=&to=2030-01-01', '?from=2024-06-01&to=']) {
    expect(await usages(query), query).toEqual([{ userId: 2, totalUnit: 6, cost: '0.000000' }]);
  }
  // 2024-06-30T16:00Z is already July 1st at +08:00.
  life.server.clock.set(Date.UTC(2024, 5, 30, 16));
  expect(await usages()).toEqual([{ userId: 2, totalUnit: 6, cost: '0.000000' }]);
});

test('usages: totalUnit 0 is omitted, cost always has six decimals, users without rows are absent', async () => {
  await record({ user_id: 4, cost: 0.5 });
  await record({ user_id: 5, prompt_units: 3 });
  expect((await api.call('GET', '/1/usages')).text).toBe('[{"userId":4,"cost":"0.500000"},{"userId":5,"totalUnit":3,"cost":"0.000000"}]');
});

test('usages: a deleted user\'s rows stay and are still listed', async () => {
  await record({ user_id: 3, prompt_units: 5 });
  await api.call('DELETE', '/1/users/3');
  expect(await usages()).toEqual([{ userId: 3, totalUnit: 5, cost: '0.000000' }]);
  const deleted = life.server.state.users.find((u) => u.deleted_at !== null && u.id !== 3)!;
  await record({ user_id: deleted.id, prompt_units: 1 });
  expect((await usages()).map((u) => u.userId)).toEqual([3, deleted.id]);
});

test('usages: a bound that looks like a number compares below every stored day (SQLite\'s NUMERIC affinity)', async () => {
  await record({ prompt_units: 1, date: '2024-07-01' });
  await record({ prompt_units: 2, date: '2030-01-01' });
  expect(await usages('?from=0&to=2025-01-01')).toEqual([{ userId: 2, totalUnit: 1, cost: '0.000000' }]);
  expect(await usages('?from=2024-01-01&to=99999')).toEqual([]);
  expect(await usages('?from=%201e3%20&to=zzzz')).toEqual([{ userId: 2, totalUnit: 3, cost: '0.000000' }]);
});
