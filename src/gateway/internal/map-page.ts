import { ApiPromise } from '../../core/api-promise.js';
import { Page, PagePromise } from '../../core/page.js';

type AnyPage<T> = Page<T, number | undefined>;

/** The same pages with every item mapped by `f`; the next pages are fetched by the dialect's own pager and mapped too. */
export function mapPage<T, U>(source: PagePromise<T, number> | PagePromise<T, number | undefined>, f: (item: T) => U): PagePromise<U, number | undefined> {
  // Mapped inside the PagePromise, so withResponse() still gives the dialect list's answer; one then, as before.
  return (source as PagePromise<T, number | undefined>).mapPages((page) => mapped(page, f));
}

function mapped<T, U>(page: AnyPage<T>, f: (item: T) => U): Page<U, number | undefined> {
  const { page: number, pageSize, total } = page;
  return new Page({ items: page.items.map(f), page: number, pageSize, total }, () => page.getNextPage().then((next) => mapped(next, f)));
}

/**
 * One page holding a whole unpaged list (a dialect that answers every item at once). From one dialect call (an
 * {@link ApiPromise}), `withResponse()` gives that call's answer.
 */
export function singlePage<T, U>(items: PromiseLike<T[]>, f: (item: T) => U): PagePromise<U, number | undefined> {
  const whole = (all: T[]) => new Page({ items: all.map(f), page: 1, pageSize: Math.max(all.length, 1), total: all.length }, () => Promise.reject(new RangeError('Failed to get the next page: this is the last one. Please check hasNextPage().')));
  return new PagePromise(items instanceof ApiPromise ? items.map(whole) : Promise.resolve(items).then(whole));
}
