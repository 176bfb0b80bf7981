/** Paging params every list method takes, whatever the dialect calls them on the wire. */
export interface PageParams {
  /** 1-based page number. @default 1 */
  page?: number;
  /** Items per page. @default the server's (new-api: 10, at most 100) */
  pageSize?: number;
}

/** One page as a dialect reports it, before it is wrapped in a {@link Page}. */
export interface PageData<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  pageSize: number;
  total: number;
}

/**
 * One page of a list, and a way to the next. Also an async iterator over every item of every page
 * from this one on.
 *
 * @example
 * let page = await client.users.list({ pageSize: 50 });
 * while (page.hasNextPage()) page = await page.getNextPage();
 */
export class Page<T> implements AsyncIterable<T> {
  declare readonly items: T[];
  declare readonly page: number;
  declare readonly pageSize: number;
  declare readonly total: number;
  readonly #fetchPage: (page: number) => Promise<Page<T>>;

  constructor(data: PageData<T>, fetchPage: (page: number) => Promise<Page<T>>) {
    const { items, page, pageSize, total } = data;
    Object.assign(this, { items, page, pageSize, total });
    this.#fetchPage = fetchPage;
  }

  /** True when items remain past this page. An empty page ends the walk even if `total` says otherwise. */
  hasNextPage(): boolean {
    return this.items.length > 0 && this.page * this.pageSize < this.total;
  }

  /** Fetches the following page with the same params and options. */
  getNextPage(): Promise<Page<T>> {
    if (!this.hasNextPage()) return Promise.reject(new RangeError('Failed to get the next page: this is the last one. Please check hasNextPage().'));
    return this.#fetchPage(this.page + 1);
  }

  /** Every page from this one on. */
  async *iterPages(): AsyncGenerator<Page<T>> {
    for (let page: Page<T> | undefined = this; page; page = page.hasNextPage() ? await page.getNextPage() : undefined) yield page;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.iterPages()) yield* page.items;
  }
}

/**
 * A pending {@link Page}: `await` it for one page, or `for await` it for every item of every page.
 *
 * @example
 * const first = await client.users.list();
 * for await (const user of client.users.list()) console.log(user.username);
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #page: Promise<Page<T>>;

  constructor(page: Promise<Page<T>>) {
    this.#page = page;
  }

  then<A = Page<T>, B = never>(
    onfulfilled?: ((value: Page<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#page.then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.#page.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#page.finally(onfinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    yield* await this.#page;
  }
}
