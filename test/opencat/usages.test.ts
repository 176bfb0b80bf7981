import { expect, test } from 'vitest';
import { AuthenticationError } from '../../src/index.js';
import { useOpenCat } from '../support/opencat.js';

const api = useOpenCat();

/** Adds a usage row through the control API, as the `/v1` proxy would record one. */
async function record(row: { user_id: number; model?: string; prompt_units: number; completion_units: number; cost?: string; date: string }) {
  const response = await api.raw('/__mock/usages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-3.5-turbo', ...row }) });
  if (!response.ok) throw new Error(`Failed to add a usage row: ${response.status} ${await response.text()}`);
}

/** The rows of `userIds` only, so seeded usage of other users does not matter. */
const of = <T extends { userId: number }>(rows: T[], ...userIds: number[]) => rows.filter((r) => userIds.includes(r.userId));

test('usages.list: sums per user over [from, to), cost as upstream exact string and as a number', async () => {
  const client = api.root();
  const alice = await client.users.create({ name: 'alice' });
  await record({ user_id: alice.id, prompt_units: 30, completion_units: 25, cost: '0.000110', date: '2030-03-18' });
  await record({ user_id: alice.id, prompt_units: 100, completion_units: 0, cost: '0.000200', date: '2030-04-17' });
  const rows = await client.usages.list({ from: '2030-03-18', to: '2030-04-18' });
  expect(of(rows, alice.id)).toEqual([{ userId: alice.id, totalUnit: 155, cost: '0.000310', costUsd: 0.00031 }]);
});

test('usages.list: `from` counts and `to` does not, so adjacent ranges never count a day twice', async () => {
  const client = api.root();
  const bob = await client.users.create({ name: 'bob' });
  await record({ user_id: bob.id, prompt_units: 10, completion_units: 0, cost: '0.000020', date: '2030-05-01' });
  const april = await client.usages.list({ from: '2030-04-01', to: '2030-05-01' });
  const may = await client.usages.list({ from: '2030-05-01', to: '2030-06-01' });
  expect(of(april, bob.id)).toEqual([]);
  expect(of(may, bob.id)).toEqual([{ userId: bob.id, totalUnit: 10, cost: '0.000020', costUsd: 0.00002 }]);
});

test('usages.list: without a range the server takes its current month', async () => {
  const client = api.root();
  const carol = await client.users.create({ name: 'carol' });
  api.server.clock.set(Date.parse('2030-07-15T12:00:00+08:00'));
  await record({ user_id: carol.id, prompt_units: 1, completion_units: 1, cost: '0.000004', date: '2030-07-02' });
  await record({ user_id: carol.id, prompt_units: 5, completion_units: 5, cost: '0.000020', date: '2030-06-30' });
  expect(of(await client.usages.list(), carol.id)).toEqual([{ userId: carol.id, totalUnit: 2, cost: '0.000004', costUsd: 0.000004 }]);
});

test('usages.list: a deleted user is still listed with their usage', async () => {
  const client = api.root();
  const dave = await client.users.create({ name: 'dave' });
  await record({ user_id: dave.id, prompt_units: 7, completion_units: 0, cost: '0.000014', date: '2030-08-08' });
  await client.users.delete(dave.id);
  expect(of(await client.usages.list({ from: '2030-08-01', to: '2030-09-01' }), dave.id)).toHaveLength(1);
});

test('usages.list: a zero total, left out by upstream, reads as 0', async () => {
  const client = api.root();
  const erin = await client.users.create({ name: 'erin' });
  await record({ user_id: erin.id, prompt_units: 0, completion_units: 0, cost: '0.000000', date: '2030-09-09' });
  expect(of(await client.usages.list({ from: '2030-09-01', to: '2030-10-01' }), erin.id)).toEqual([{ userId: erin.id, totalUnit: 0, cost: '0.000000', costUsd: 0 }]);
});

test('usages.list: a lone bound or a day not written YYYY-MM-DD is refused before anything is sent', async () => {
  const sent: Request[] = [];
  const client = api.root({ onRequest: (request) => void sent.push(request) });
  await expect(client.usages.list({ from: '2030-01-01' } as never)).rejects.toThrow('Failed to call usages.list: pass both `from` and `to`, or neither');
  for (const day of ['2030-1-01', '2030-13-01', '2030-02-30', '20300101', '2030-01-01T00:00:00Z']) {
    await expect(client.usages.list({ from: day as never, to: '2030-12-01' })).rejects.toThrow(`\`from\` must be a day as YYYY-MM-DD, got "${day}".`);
  }
  expect(sent).toEqual([]);
});

test('usages.list: the range goes on the wire as from and to', async () => {
  const sent: URL[] = [];
  const client = api.root({ onRequest: (request) => void sent.push(new URL(request.url)) });
  await client.usages.list({ from: '2024-02-29', to: '2024-03-01' });
  expect(Object.fromEntries(sent[0]!.searchParams)).toEqual({ from: '2024-02-29', to: '2024-03-01' });
});

test('usages.list: a member token is Unauthorized', async () => {
  const frank = await api.root().users.create({ name: 'frank' });
  await expect(api.client({ token: frank.token }).usages.list()).rejects.toBeInstanceOf(AuthenticationError);
});
