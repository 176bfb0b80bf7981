import { expect, expectTypeOf, test } from 'vitest';
import { Resource, staticBearer } from '../../src/core/index.js';
import { Page, PagePromise } from '../../src/index.js';
import type { NewApiClient } from '../../src/newapi/index.js';
import { fakeFetch, json } from './fake-fetch.js';
import { BareClient } from './fixtures/bare-client.js';
import type { BareUser } from './fixtures/bare-paths.js';

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

test('offset paging (skip/limit, no total): a next page exists while a page comes back full', async () => {
  const rows = Array.from({ length: 5 }, (_, i) => ({ id: `u${i}`, email: `${i}@x` }));
  const { fetch, requests } = fakeFetch((request) => {
    const url = new URL(request.url);
    const skip = Number(url.searchParams.get('skip'));
    return json(rows.slice(skip, skip + Number(url.searchParams.get('limit'))));
  });
  const client = new BareClient({ baseURL: 'http://gw.test', fetch }, staticBearer('t'));
  const seen = [];
  for await (const user of client.page('/api/users', { pageSize: 2 })) seen.push(user.id);
  expect(seen).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
  expect(requests.map((r) => new URL(r.url).search)).toEqual(['?skip=0&limit=2', '?skip=2&limit=2', '?skip=4&limit=2']);
  const first = await client.page('/api/users', { pageSize: 5 });
  expect([first.total, first.hasNextPage()]).toEqual([undefined, true]);
});

test('an unpaged route answers one page with every item and nothing after it', async () => {
  const { fetch, requests } = fakeFetch(json([{ key: 'a' }, { key: 'b' }]));
  const page = await new BareClient({ baseURL: 'http://gw.test', fetch }, staticBearer('t')).page('/api/me/keys', {});
  expect([page.items, page.total, page.hasNextPage()]).toEqual([[{ key: 'a' }, { key: 'b' }], 2, false]);
  expect(new URL(requests[0]!.url).search).toBe('');
});

test('page() takes its item type from the route; a resource naming the wrong item type does not compile', () => {
  class Users extends Resource<BareClient> {
    list(): PagePromise<BareUser, number | undefined> {
      return this.client.page('/api/users', {});
    }
    keys(): PagePromise<{ key: string }, number | undefined> {
      return this.client.page('/api/me/keys', {});
    }
    wrong(): PagePromise<{ key: string }, number | undefined> {
      // @ts-expect-error `/api/users` pages BareUser items, not keys
      return this.client.page('/api/users', {});
    }
  }
  expectTypeOf<ReturnType<Users['list']>>().toEqualTypeOf<PagePromise<BareUser, number | undefined>>();
  // An enveloped dialect: the item of new-api's `{items, page, page_size, total}` page object, with a total.
  expectTypeOf<Awaited<ReturnType<NewApiClient['users']['list']>>['items'][number]>().toHaveProperty('username');
  expectTypeOf<Awaited<ReturnType<NewApiClient['users']['list']>>['total']>().toEqualTypeOf<number>();
});

test('toArray collects items across pages up to the limit and fetches no page past it', async () => {
  let fetched = 0;
  const counted = (n: number): Promise<Page<{ id: number }>> => {
    fetched++;
    const items = users.slice((n - 1) * 3, n * 3);
    return Promise.resolve(new Page({ items, page: n, pageSize: 3, total: users.length }, counted));
  };
  const ids = (await new PagePromise(counted(1)).toArray({ limit: 4 })).map((u) => u.id);
  expect([ids, fetched]).toEqual([[1, 2, 3, 4], 2]);
  fetched = 0;
  expect((await new PagePromise(counted(1)).toArray({ limit: 3 })).length).toBe(3);
  expect(fetched).toBe(1);
  expect((await new PagePromise(pageOf(1)).toArray({ limit: 100 })).map((u) => u.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
});

test('toArray from a later page starts there', async () => {
  expect((await (await pageOf(2)).toArray({ limit: 10 })).map((u) => u.id)).toEqual([4, 5, 6, 7]);
});

test('toArray requires a limit from 1 to 10,000, and refuses others without fetching', async () => {
  const page = new Page({ items: [{ id: 1 }], page: 1, pageSize: 1, total: 5 }, () => Promise.reject(new Error('must not fetch')));
  for (const limit of [0, -1, 1.5, 10_001, Number.NaN, undefined]) {
    await expect(page.toArray({ limit } as { limit: number })).rejects.toThrow('`limit` must be an integer from 1 to 10000');
  }
  await expect(new PagePromise(pageOf(1)).toArray(undefined as never)).rejects.toThrow(TypeError);
  expectTypeOf(new PagePromise(pageOf(1)).toArray).parameter(0).toEqualTypeOf<{ limit: number }>();
  expectTypeOf(new PagePromise(pageOf(1)).toArray({ limit: 1 })).toEqualTypeOf<Promise<{ id: number }[]>>();
});
