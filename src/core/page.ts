import { ApiPromise, type WithResponse } from './api-promise.js';

/** Paging params every list method takes, whatever the dialect calls them on the wire. */
export interface PageParams {
  /** 1-based page number. @default 1 */
  page?: number;
  /** Items per page. @default the server's (new-api: 10, at most 100) */
  pageSize?: number;
}

/**
 * The most items {@link Page.toArray} collects: a list longer than this is walked with `for await`, which holds one
 * page at a time. Stripe's `autoPagingToArray` has the same bound, for the same reason.
 *
 * @example
 * const everyone = await client.users.list().toArray({ limit: TO_ARRAY_MAX });
 */
export const TO_ARRAY_MAX = 10_000;

/**
 * What {@link Page.toArray} takes.
 *
 * @example
 * const first50 = await client.tokens.list().toArray({ limit: 50 });
 */
export interface ToArrayOptions {
  /** Items to collect, at most {@link TO_ARRAY_MAX}; no page past the one that reaches it is fetched. Required. */
  limit: number;
}

/** One page as a dialect reports it, before it is wrapped in a {@link Page}. */
export interface PageData<T, Total extends number | undefined = number | undefined> {
  items: T[];
  /** 1-based page number. */
  page: number;
  pageSize: number;
  /** Items in the whole list; `undefined` when the dialect does not say (offset paging). */
  total: Total;
}

/**
 * One page of a list, and a way to the next. Also an async iterator over every item of every page
 * from this one on.
 *
 * @example
 * let page = await client.users.list({ pageSize: 50 });
 * while (page.hasNextPage()) page = await page.getNextPage();
 */
export class Page<T, Total extends number | undefined = number> implements AsyncIterable<T> {
  declare readonly items: T[];
  declare readonly page: number;
  declare readonly pageSize: number;
  /** Items in the whole list, when the dialect says (page-number paging); `undefined` for offset paging. */
  declare readonly total: Total;
  readonly #fetchPage: (page: number) => Promise<Page<T, Total>>;

  constructor(data: PageData<T, Total>, fetchPage: (page: number) => Promise<Page<T, Total>>) {
    const { items, page, pageSize, total } = data;
    Object.assign(this, { items, page, pageSize, total });
    this.#fetchPage = fetchPage;
  }

  /**
   * True when items remain past this page. An empty page ends the walk even if `total` says otherwise; without a
   * `total`, a next page exists while a page comes back full.
   */
  hasNextPage(): boolean {
    if (this.items.length === 0) return false;
    return this.total === undefined ? this.items.length >= this.pageSize : this.page * this.pageSize < this.total;
  }

  /** Fetches the following page with the same params and options. */
  getNextPage(): Promise<Page<T, Total>> {
    if (!this.hasNextPage()) return Promise.reject(new RangeError('Failed to get the next page: this is the last one. Please check hasNextPage().'));
    return this.#fetchPage(this.page + 1);
  }

  /** Every page from this one on. */
  async *iterPages(): AsyncGenerator<Page<T, Total>> {
    for (let page: Page<T, Total> | undefined = this; page; page = page.hasNextPage() ? await page.getNextPage() : undefined) yield page;
  }

  /**
   * The items of this page and the following ones, up to `limit` (required, at most {@link TO_ARRAY_MAX}); pages
   * are fetched only until `limit` items are in hand. A bad `limit` rejects with a `TypeError` before the next page is fetched.
   * @example
   * const first100 = await (await client.users.list({ pageSize: 50 })).toArray({ limit: 100 });
   */
  async toArray(options: ToArrayOptions): Promise<T[]> {
    const limit = checkLimit(options);
    const items: T[] = [];
    for await (const page of this.iterPages()) {
      for (const item of page.items) {
        if (items.length === limit) return items;
        items.push(item);
      }
      if (items.length === limit) return items;
    }
    return items;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.iterPages()) yield* page.items;
  }
}

function checkLimit(options: ToArrayOptions | undefined): number {
  const limit = options?.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > TO_ARRAY_MAX) {
    throw new TypeError(`Failed to collect the list: \`limit\` must be an integer from 1 to ${TO_ARRAY_MAX}. Please walk longer lists with \`for await\`.`);
  }
  return limit;
}

/**
 * A pending {@link Page}: `await` it for one page, or `for await` it for every item of every page.
 *
 * @example
 * const first = await client.users.list();
 * for await (const user of client.users.list()) console.log(user.username);
 */
export class PagePromise<T, Total extends number | undefined = number> implements PromiseLike<Page<T, Total>>, AsyncIterable<T> {
  readonly #page: Promise<Page<T, Total>> | ApiPromise<Page<T, Total>>;

  /** @param page the first page: from a client's call (an {@link ApiPromise}, which also has its response) or any promise of one. */
  constructor(page: Promise<Page<T, Total>> | ApiPromise<Page<T, Total>>) {
    this.#page = page;
  }

  /**
   * The first page and the HTTP answer it came from (the following pages' answers are not kept: a walk's
   * requests are alike, and `for await` fetches them as it goes). Rejects with a `TypeError` for a page that no
   * client fetched (`new PagePromise(promise)`).
   * @example
   * const { data: page, response } = await client.users.list().withResponse();
   */
  withResponse(): Promise<WithResponse<Page<T, Total>>> {
    if (this.#page instanceof ApiPromise) return this.#page.withResponse();
    return Promise.reject(new TypeError('Failed to read the response: this page was not fetched by a client. Please use a client method for it.'));
  }

  /**
   * The HTTP answer of the first page, its body unread. See {@link PagePromise.withResponse}.
   * @example
   * const response = await client.tokens.list().asResponse();
   */
  asResponse(): Promise<Response> {
    return this.withResponse().then(({ response }) => response);
  }

  then<A = Page<T, Total>, B = never>(
    onfulfilled?: ((value: Page<T, Total>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#page.then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T, Total> | B> {
    return this.#page.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<T, Total>> {
    return this.#page.finally(onfinally);
  }

  /**
   * The same pages passed through `transform`, keeping the first page's answer for {@link PagePromise.withResponse}
   * (the gateway's lists map a dialect's pages this way).
   * @internal used by `gatewaykit/gateway`
   */
  mapPages<U, UTotal extends number | undefined>(transform: (page: Page<T, Total>) => Page<U, UTotal>): PagePromise<U, UTotal> {
    const page = this.#page;
    return new PagePromise(page instanceof ApiPromise ? page.map(transform) : page.then(transform));
  }

  /**
   * Every item from the first page on, up to `limit` (required, at most {@link TO_ARRAY_MAX}); see {@link Page.toArray}.
   * @example
   * const tokens = await client.tokens.list({ pageSize: 100 }).toArray({ limit: 500 });
   */
  toArray(options: ToArrayOptions): Promise<T[]> {
    return this.#page.then((page) => page.toArray(options));
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    yield* await this.#page;
  }
}
