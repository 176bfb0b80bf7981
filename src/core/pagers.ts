import type { PageData } from './page.js';

/**
 * How one list route pages on the wire: the query for page `n` and how an answer reads as a page. The SDK's
 * `page` / `pageSize` are the same for every dialect; a pager maps them.
 */
export interface Pager {
  /** The wire query for 1-based page `page`; `pageSize` is the caller's, when given. */
  query(page: number, pageSize: number | undefined): Record<string, number>;
  /** One answer as a page. */
  read(data: unknown, page: number, pageSize: number | undefined): PageData<unknown>;
}

/**
 * Page numbers with a total (new-api `p`/`page_size`, platform `page`/`page_size`): the answer is
 * `{items, page, page_size, total}`. A bare array answer (new-api's November 2025 line on some searches) is one
 * complete page.
 *
 * @example
 * const pager = pageNumber({ page: 'p', size: 'page_size' });
 */
export function pageNumber(names: { page: string; size: string }): Pager {
  return {
    query: (page, pageSize) => (pageSize === undefined ? { [names.page]: page } : { [names.page]: page, [names.size]: pageSize }),
    read(data) {
      if (Array.isArray(data)) return wholeList(data);
      const answer = data as { items?: unknown[] | null; page: number; page_size: number; total: number };
      return { items: answer.items ?? [], page: answer.page, pageSize: answer.page_size, total: answer.total };
    },
  };
}

/**
 * Offsets without a total (FastAPI `skip`/`limit`): the answer is a bare array, and a next page exists while a
 * page comes back full.
 *
 * @example
 * const pager = offsetPager({ skip: 'skip', limit: 'limit', defaultLimit: 100 });
 */
export function offsetPager(names: { skip: string; limit: string; defaultLimit: number }): Pager {
  return {
    query: (page, pageSize) => {
      const skip = (page - 1) * (pageSize ?? names.defaultLimit);
      return pageSize === undefined ? { [names.skip]: skip } : { [names.skip]: skip, [names.limit]: pageSize };
    },
    read: (data, page, pageSize) => ({ items: (data as unknown[] | null) ?? [], page, pageSize: pageSize ?? names.defaultLimit, total: undefined }),
  };
}

/**
 * A route that answers the whole list as one bare array (opencat's `GET /1/keys`): one page, nothing after it.
 * @example
 * const pagers = { '/1/keys': unpaged };
 */
export const unpaged: Pager = {
  query: () => ({}),
  read: (data) => wholeList((data as unknown[] | null) ?? []),
};

function wholeList(items: unknown[]): PageData<unknown> {
  return { items, page: 1, pageSize: items.length, total: items.length };
}
