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
 * `items` newest first by `time`; equal times put the later-stored item first. Ids are no tiebreak: two ULIDs of
 * the same millisecond differ only in their random part, so on a frozen clock (or a fast machine) they would
 * order two records made one after the other by chance.
 *
 * @example
 * const users = newestFirst(ctx.state.users.filter(isActive), (u) => u.created_at);
 */
export function newestFirst<T>(items: readonly T[], time: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, at: time(item) }))
    .sort((a, b) => b.at - a.at || b.index - a.index)
    .map((entry) => entry.item);
}
