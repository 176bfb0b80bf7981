import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createJournal, rawForReading } from '../../mocks/core/journal.js';

interface Row {
  id: number;
  name: string;
  tags: string[];
  quota: { used: number } | null;
}
interface State {
  rows: Row[];
  byKey: Record<string, Row>;
  counter: number;
}

const seedState = (): State => ({
  rows: [
    { id: 1, name: 'a', tags: ['x'], quota: { used: 1 } },
    { id: 2, name: 'b', tags: [], quota: null },
  ],
  byKey: { k1: { id: 9, name: 'z', tags: [], quota: { used: 0 } } },
  counter: 0,
});

/** The writes handlers make: array methods, nested fields, new and deleted keys, whole-table swaps. */
const operation = fc.oneof(
  fc.record({ op: fc.constant('push' as const), id: fc.nat(50) }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(5), count: fc.nat(3) }),
  fc.record({ op: fc.constant('rename' as const), at: fc.nat(5), name: fc.string({ maxLength: 4 }) }),
  fc.record({ op: fc.constant('tag' as const), at: fc.nat(5), tag: fc.string({ maxLength: 3 }) }),
  fc.record({ op: fc.constant('use' as const), at: fc.nat(5) }),
  fc.record({ op: fc.constant('sort' as const) }),
  fc.record({ op: fc.constant('addKey' as const), key: fc.string({ minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('deleteKey' as const), key: fc.constantFrom('k1', 'k2', 'a') }),
  fc.record({ op: fc.constant('count' as const) }),
  fc.record({ op: fc.constant('swapTable' as const) }),
  fc.record({ op: fc.constant('truncate' as const), to: fc.nat(3) }),
  fc.record({ op: fc.constant('shiftUnshift' as const) }),
  fc.record({ op: fc.constant('reverse' as const) }),
  fc.record({ op: fc.constant('assign' as const), at: fc.nat(5), name: fc.string({ maxLength: 4 }) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(state: State, step: Operation): void {
  const row = (at: number) => state.rows[at % Math.max(state.rows.length, 1)];
  switch (step.op) {
    case 'push':
      state.rows.push({ id: step.id, name: `n${step.id}`, tags: [], quota: { used: 0 } });
      break;
    case 'splice':
      state.rows.splice(step.at, step.count);
      break;
    case 'rename':
      if (row(step.at)) row(step.at)!.name = step.name;
      break;
    case 'tag':
      row(step.at)?.tags.push(step.tag);
      break;
    case 'use':
      if (row(step.at)?.quota) row(step.at)!.quota!.used += 1;
      break;
    case 'sort':
      state.rows.sort((a, b) => b.id - a.id);
      break;
    case 'addKey':
      // A record read from the state and stored again under a new key: views must never be stored.
      state.byKey[step.key] = state.rows[0] ?? { id: 0, name: '', tags: [], quota: null };
      break;
    case 'deleteKey':
      delete state.byKey[step.key];
      break;
    case 'count':
      state.counter += 1;
      break;
    case 'swapTable':
      state.rows = state.rows.filter((r) => r.id % 2 === 0);
      break;
    case 'truncate':
      // Cuts the tail without a delete per element: `length` itself does it.
      if (state.rows.length > step.to) state.rows.length = step.to;
      break;
    case 'shiftUnshift': {
      const first = state.rows.shift();
      if (first) state.rows.unshift(first, { id: 99, name: 'u', tags: [], quota: null });
      break;
    }
    case 'reverse':
      state.rows.reverse();
      break;
    case 'assign':
      if (row(step.at)) Object.assign(row(step.at)!, { name: step.name, tags: ['assigned'] });
      break;
  }
}

test('journal: any sequence of writes through the view is undone exactly', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(operation, { maxLength: 25 }), async (steps) => {
      const state = seedState();
      const journal = createJournal();
      const view = journal.track(state);
      await journal.run(async (undo) => {
        for (const step of steps) apply(view, step);
        undo();
      });
      expect(state).toEqual(seedState());
    }),
    { numRuns: 300 },
  );
});

test('journal: kept writes are plain data (no views stored) and match the same writes made directly', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(operation, { maxLength: 25 }), async (steps) => {
      const direct = seedState();
      for (const step of steps) apply(direct, step);
      const state = seedState();
      const journal = createJournal();
      await journal.run(async () => {
        for (const step of steps) apply(journal.track(state), step);
      });
      expect(state).toEqual(direct);
      // structuredClone refuses proxies, so this fails if a view ended up inside the state.
      expect(structuredClone(state)).toEqual(direct);
    }),
    { numRuns: 300 },
  );
});

test('journal: reading the same object twice gives the same view, so identity checks in handlers hold', async () => {
  const state = seedState();
  const view = createJournal().track(state);
  expect(view.rows[0]).toBe(view.rows.find((r) => r.id === 1));
  expect(view.rows.indexOf(view.rows[1]!)).toBe(1);
});

test('journal: writes outside a transaction go straight through and cannot be undone later', async () => {
  const state = seedState();
  const journal = createJournal();
  const view = journal.track(state);
  view.counter = 5;
  await journal.run(async (undo) => undo());
  expect(state.counter).toBe(5);
});

test('journal: rawForReading gives the object behind a view, and a plain object back as it is', () => {
  const state = seedState();
  const view = createJournal().track(state);
  expect(rawForReading(view.byKey)).toBe(state.byKey);
  expect(rawForReading(view.rows)).toBe(state.rows);
  expect(rawForReading(state.rows)).toBe(state.rows);
  expect(Object.getOwnPropertySymbols(state)).toEqual([]);
});
