import { expect, test } from 'vitest';
import { isUnsupportedOperationError } from '../../src/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { aetherGateway, newApiGateway, openCatGateway, platformGateway } from './support.js';

const newapi = useReferenceServer('newapi');
const platform = useReferenceServer('platform');
const aether = useReferenceServer('aether');
const opencat = useReferenceServer('opencat');

test('usage.summary (newapi): unsupported (no log routes), naming the lifetime figures on the user', async () => {
  const gateway = await newApiGateway(newapi);
  const error = await gateway.usage.summary({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }).catch((e: unknown) => e);
  expect(isUnsupportedOperationError(error)).toBe(true);
  expect(error).toMatchObject({ dialect: 'newapi', operation: 'usage.summary', alternative: expect.stringContaining('used_quota and request_count') });
});

test('usage.summary (platform): unsupported (no usage over a range), naming today’s figures in quota.retrieve', async () => {
  const gateway = await platformGateway(platform);
  const error = await gateway.usage.summary({ from: new Date(platform.server.clock.now() - 86_400_000), to: new Date(platform.server.clock.now()) }).catch((e: unknown) => e);
  expect(isUnsupportedOperationError(error)).toBe(true);
  expect(error).toMatchObject({ dialect: 'platform', operation: 'usage.summary', alternative: expect.stringContaining('quota.retrieve') });
});

const post = (life: typeof aether | typeof opencat, body: unknown) => life.raw('/__mock/usages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('usage.summary (aether): [from, to) over Aether’s inclusive bounds: a row at from counts, one at to does not, one a millisecond before does', async () => {
  const gateway = await aetherGateway(aether);
  const at = (iso: string, total_cost_usd: number) => ({ model: 'gpt-4o', total_tokens: 100, total_cost_usd, created_at: iso });
  const range = { from: '2031-03-01T00:00:00.000Z', to: '2031-03-02T00:00:00.000Z' };
  await post(aether, [at('2031-03-01T00:00:00.000Z', 0.25), at('2031-03-01T23:59:59.999Z', 0.5), at('2031-03-02T00:00:00.000Z', 4)]);
  const summary = await gateway.usage.summary(range);
  expect(summary).toMatchObject({ ...range, requests: 2, tokens: 200 });
  // Aether's total is its own float sum; Money keeps it as sent.
  expect(summary.cost!.toString()).toBe('0.75');
  expect(summary.raw).toEqual(await gateway.native.usage.stats({ start_date: range.from, end_date: '2031-03-01T23:59:59.999999Z' }));
});

test('usage.summary (aether): dates and Dates are bounds too, answered as asked; a bound that is no date is refused before any request', async () => {
  const gateway = await aetherGateway(aether);
  expect(await gateway.usage.summary({ from: '2031-03-01', to: new Date(Date.UTC(2031, 2, 2)) })).toMatchObject({ from: '2031-03-01', to: '2031-03-02T00:00:00.000Z', requests: 0 });
  const before = aether.server.requests.length;
  await expect(gateway.usage.summary({ from: 'last week', to: '2031-03-02' })).rejects.toThrow('`from` must be an ISO 8601 date or a Date');
  expect(aether.server.requests.length).toBe(before);
});

test('usage.summary (opencat): the days [from, to), per user and in sum, the six-decimal cost strings added exactly', async () => {
  const gateway = await openCatGateway(opencat);
  const carol = await gateway.users.create({ name: 'carol' });
  const row = (date: string, cost: string) => ({ user_id: Number(carol.id), model: 'gpt-4o', prompt_units: 100, completion_units: 50, cost, date });
  for (const usage of [row('2031-03-01', '0.100000'), row('2031-03-31', '0.200000'), row('2031-04-01', '9.000000')]) await post(opencat, usage);
  const march = await gateway.usage.summary({ from: '2031-03-01', to: '2031-04-01' });
  expect(march).toMatchObject({ from: '2031-03-01', to: '2031-04-01', tokens: 300, users: [{ userId: carol.id, tokens: 300 }] });
  expect(march.requests).toBeUndefined();
  expect(march.cost!.toString()).toBe('0.300000');
  expect(march.raw).toEqual(await gateway.native.usages.list({ from: '2031-03-01', to: '2031-04-01' }));
});

test('usage.summary (opencat): an instant is refused before any request, since the server sums by its own calendar day', async () => {
  const gateway = await openCatGateway(opencat);
  const before = opencat.server.requests.length;
  await expect(gateway.usage.summary({ from: '2031-03-01T00:00:00Z', to: '2031-04-01' })).rejects.toThrow('must be a day as YYYY-MM-DD');
  await expect(gateway.usage.summary({ from: '2031-03-01', to: new Date(Date.UTC(2031, 3, 1)) })).rejects.toBeInstanceOf(TypeError);
  expect(opencat.server.requests.length).toBe(before);
});
