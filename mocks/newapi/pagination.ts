/**
 * `common.GetPageQuery` and GORM's LIMIT/OFFSET, with their quirks: `p` is 1-based and a negative `p` is kept;
 * `page_size` falls back to `ps`, then `size`, then 10, and is clamped to 100 from above only. GORM omits a
 * negative LIMIT and a non-positive OFFSET, so a negative `p` yields the first page and a negative size yields all rows.
 * @module
 */

/** The parsed page query. */
export interface PageQuery {
  page: number;
  pageSize: number;
}

/** `common.PageInfo` as JSON. */
export interface PageInfo<T> {
  page: number;
  page_size: number;
  total: number;
  items: T[];
}

// strconv.Atoi for query values; anything unparsable counts as 0, as the handler ignores the error.
function queryInt(query: URLSearchParams, name: string): number {
  const raw = query.get(name) ?? '';
  return /^[+-]?\d+$/.test(raw) ? Number(raw) : 0;
}

/**
 * Reads `p`, `page_size`, `ps` and `size`.
 *
 * @example
 * pageQuery(new URLSearchParams('p=2&ps=500')); // { page: 2, pageSize: 100 }
 */
export function pageQuery(query: URLSearchParams): PageQuery {
  const p = queryInt(query, 'p');
  const page = p === 0 ? 1 : p;
  let pageSize = queryInt(query, 'page_size');
  if (pageSize === 0) pageSize = queryInt(query, 'ps');
  if (pageSize === 0) pageSize = queryInt(query, 'size');
  if (pageSize === 0) pageSize = 10;
  return { page, pageSize: Math.min(pageSize, 100) };
}

/**
 * One page of `rows` (already filtered and ordered), with the total. `view` renders only the rows of the page, so a
 * page of 10 over 100,000 users builds 10 answers, not 100,000.
 *
 * @example
 * return ok(paginate(users, pageQuery(ctx.query), adminUserView));
 */
export function paginate<R, T>(rows: readonly R[], { page, pageSize }: PageQuery, view: (row: R) => T): PageInfo<T> {
  const offset = Math.max((page - 1) * pageSize, 0);
  const end = pageSize < 0 ? rows.length : offset + pageSize;
  return { page, page_size: pageSize, total: rows.length, items: rows.slice(offset, end).map((row) => view(row)) };
}

/**
 * {@link paginate} for rows already in ascending id order, ordered by id `descending` or not: the page is taken by
 * index, so a request reads the rows of its page and no others, however long the table.
 *
 * @example
 * return ok(paginateInIdOrder(users, pageQuery(ctx.query), true, adminUserView));
 */
export function paginateInIdOrder<R, T>(rows: readonly R[], { page, pageSize }: PageQuery, descending: boolean, view: (row: R) => T): PageInfo<T> {
  const total = rows.length;
  const offset = Math.max((page - 1) * pageSize, 0);
  const end = Math.min(pageSize < 0 ? total : offset + pageSize, total);
  const items: T[] = [];
  for (let i = offset; i < end; i++) items.push(view(rows[descending ? total - 1 - i : i]!));
  return { page, page_size: pageSize, total, items };
}
