import { expect, test } from 'vitest';
import { Page, PagePromise } from '../../src/index.js';

const users = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));
function pageOf(n: number, size = 3): Promise<Page<{ id: number }>> {
  const items = users.slice((n - 1) * size, n * size);
  return Promise.resolve(new Page({ items, page: n, pageSize: size, total: users.length }, (next) => pageOf(next, size)));
}

test('awaiting a PagePromise gives one page', async () => {
  const page = await new PagePromise(pageOf(1));
  expect(page.items.map((u) => u.id)).toEqual([1, 2, 3]);
  expect(page.hasNextPage()).toBe(true);
});

test('for await over a PagePromise walks every item of every page, in order', async () => {
  const ids: number[] = [];
  for await (const user of new PagePromise(pageOf(1))) ids.push(user.id);
  expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
});

test('the last page says so, and getNextPage on it rejects', async () => {
  const last = await pageOf(3);
  expect(last.hasNextPage()).toBe(false);
  await expect(last.getNextPage()).rejects.toThrow(/last one/);
});

test('an empty page ends the walk even when total claims more (e.g. rows deleted meanwhile)', async () => {
  const liar = new Page({ items: [], page: 2, pageSize: 3, total: 100 }, () => Promise.reject(new Error('must not fetch')));
  expect(liar.hasNextPage()).toBe(false);
  const seen: unknown[] = [];
  for await (const item of liar) seen.push(item);
  expect(seen).toEqual([]);
});

test('iterPages yields pages from the current one on', async () => {
  const second = await pageOf(2);
  const numbers: number[] = [];
  for await (const page of second.iterPages()) numbers.push(page.page);
  expect(numbers).toEqual([2, 3]);
});
