import { expect, test } from 'vitest';
import { createJournal } from '../../mocks/core/journal.js';
import { makeRoomForSession } from '../../mocks/core/session-cap.js';

interface Session {
  ends: number;
}

/** A journaled sessions table of `size` entries, seen through a proxy that counts every trap it passes on. */
function countedTable(size: number) {
  const raw: Record<string, Session> = {};
  for (let i = 0; i < size; i++) raw[`s${i}`] = { ends: 1_000 + i };
  const journal = createJournal();
  const view = journal.track({ sessions: raw }).sessions;
  const traps = { count: 0 };
  const counting: ProxyHandler<Record<string, Session>> = {};
  for (const name of ['get', 'set', 'has', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor', 'defineProperty'] as const) {
    (counting as Record<string, unknown>)[name] = (...args: unknown[]) => {
      traps.count += 1;
      return (Reflect[name] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return { raw, journal, table: new Proxy(view, counting), traps };
}

test('session cap: below the cap, a new session costs the same journal traps on a table of 2000 sessions as on one of 10', () => {
  const small = countedTable(10);
  const large = countedTable(2_000);
  expect(makeRoomForSession(small.table, (s) => s.ends, 5_000)).toEqual([]);
  expect(makeRoomForSession(large.table, (s) => s.ends, 5_000)).toEqual([]);
  expect(large.traps.count).toBe(small.traps.count);
});

test('session cap: at the cap, finding the session that ends first costs the same journal traps on 2000 sessions as on 10', () => {
  const small = countedTable(10);
  const large = countedTable(2_000);
  expect(makeRoomForSession(small.table, (s) => s.ends, 10)).toEqual([{ ends: 1_000 }]);
  expect(makeRoomForSession(large.table, (s) => s.ends, 2_000)).toEqual([{ ends: 1_000 }]);
  expect(large.traps.count).toBe(small.traps.count);
});

test('session cap: the sessions it drops at the cap come back when the request is undone', async () => {
  const { raw, journal, table } = countedTable(10);
  await journal.run(async (undo) => {
    expect(makeRoomForSession(table, (s) => s.ends, 8)).toEqual([{ ends: 1_000 }, { ends: 1_001 }, { ends: 1_002 }]);
    expect(Object.keys(raw)).toHaveLength(7);
    undo();
  });
  expect(Object.keys(raw).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `s${i}`).sort());
  expect(raw.s0).toEqual({ ends: 1_000 });
});
