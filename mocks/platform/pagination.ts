/**
 * One page of a list, as every platform list answers it: `{items, total, page, page_size}`, 1-based pages.
 * @module
 */

/** A page of `V`. */
export interface Page<V> {
  items: V[];
  total: number;
  page: number;
  page_size: number;
}

/**
 * Slices `items` (already filtered and sorted) to one page and maps it to views.
 *
 * @example
 * return ok(paginate(keys, query.page, query.page_size, (k) => apiKeyView(k, now)));
 */
export function paginate<T, V>(items: readonly T[], page: number, pageSize: number, view: (item: T) => V): Page<V> {
  const start = (page - 1) * pageSize;
  return { items: items.slice(start, start + pageSize).map(view), total: items.length, page, page_size: pageSize };
}

/**
 * Newest first by `created_at`, then by id (ULIDs sort by time), so equal times still have one order.
 *
 * @example
 * users.sort(newestFirst((u) => [u.created_at, u.user_id]));
 */
export function newestFirst<T>(key: (item: T) => [number, string]): (a: T, b: T) => number {
  return (a, b) => {
    const [ta, ia] = key(a);
    const [tb, ib] = key(b);
    return tb - ta || (ib < ia ? -1 : ib > ia ? 1 : 0);
  };
}
