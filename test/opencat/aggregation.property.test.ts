import fc from 'fast-check';
import { expect, test } from 'vitest';
import { useReferenceServer } from '../support/lifecycle.js';
import { openCatRaw } from '../support/opencat-raw.js';

/**
 * `GET /1/usages` against a plain re-computation, for any usage rows and any date range: the sums per user equal
 * the rows with `from <= date < to` added up (units, and cost in millionths), and adjacent ranges split the sums
 * of their union exactly, so no row is counted twice or lost at a boundary.
 */
const life = useReferenceServer('opencat');
const api = openCatRaw(life);

interface Row {
  user_id: number;
  date: string;
  prompt_units: number;
  completion_units: number;
  micros: number;
}
interface Sum {
  userId: number;
  totalUnit?: number;
  cost: string;
}

// Six weeks across a month end, so ranges start and stop on both sides of it.
const BASE = Date.UTC(2024, 6, 10);
const day = (offset: number) => new Date(BASE + offset * 86_400_000).toISOString().slice(0, 10);
const rowArbitrary = fc.record({
  user_id: fc.integer({ min: 1, max: 7 }),
  date: fc.integer({ min: 0, max: 41 }).map(day),
  prompt_units: fc.integer({ min: 0, max: 1_000_000 }),
  completion_units: fc.integer({ min: 0, max: 1_000_000 }),
  micros: fc.integer({ min: 0, max: 100_000_000 }),
});
const boundArbitrary = fc.integer({ min: -2, max: 44 }).map(day);

async function arrange(rows: Row[]): Promise<void> {
  life.server.state.daily_usages.length = 0;
  for (const row of rows) {
    await api.recordUsage({ user_id: row.user_id, model: 'gpt-4o', prompt_units: row.prompt_units, completion_units: row.completion_units, cost: row.micros / 1e6, date: row.date });
  }
}

async function sums(from: string, to: string): Promise<Sum[]> {
  const answer = await api.call('GET', `/1/usages?from=${from}&to=${to}`);
  expect(answer.status).toBe(200);
  return answer.json as Sum[];
}

/** The same sums computed directly from the rows. */
function recompute(rows: Row[], from: string, to: string): Sum[] {
  const byUser = new Map<number, { units: number; micros: number }>();
  for (const row of rows.filter((r) => r.date >= from && r.date < to)) {
    const sum = byUser.get(row.user_id) ?? { units: 0, micros: 0 };
    sum.units += row.prompt_units + row.completion_units;
    sum.micros += row.micros;
    byUser.set(row.user_id, sum);
  }
  return [...byUser.entries()]
    .sort(([a], [b]) => a - b)
    .map(([userId, { units, micros }]) => ({ userId, ...(units === 0 ? {} : { totalUnit: units }), cost: `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}` }));
}

const micros = (cost: string) => Number(cost.replace('.', ''));

test('aggregation: any rows and any [from, to) give the sums a plain re-computation gives', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(rowArbitrary, { maxLength: 12 }), boundArbitrary, boundArbitrary, async (rows, from, to) => {
      await arrange(rows);
      expect(await sums(from, to)).toEqual(recompute(rows, from, to));
    }),
    { numRuns: 40, seed: 11 },
  );
});

test('aggregation: [from, mid) and [mid, to) add up to [from, to) for every user: no row counted twice or lost', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(rowArbitrary, { maxLength: 12 }), fc.uniqueArray(fc.integer({ min: -1, max: 43 }), { minLength: 3, maxLength: 3 }), async (rows, bounds) => {
      const [from, mid, to] = [...bounds].sort((a, b) => a - b).map(day) as [string, string, string];
      await arrange(rows);
      const [left, right, whole] = await Promise.all([sums(from, mid), sums(mid, to), sums(from, to)]);
      const added = new Map<number, { units: number; micros: number }>();
      for (const sum of [...left, ...right]) {
        const seen = added.get(sum.userId) ?? { units: 0, micros: 0 };
        added.set(sum.userId, { units: seen.units + (sum.totalUnit ?? 0), micros: seen.micros + micros(sum.cost) });
      }
      expect(Object.fromEntries(added)).toEqual(Object.fromEntries(whole.map((sum) => [sum.userId, { units: sum.totalUnit ?? 0, micros: micros(sum.cost) }])));
    }),
    { numRuns: 30, seed: 12 },
  );
});
