/**
 * Whether a table is in ascending id order, so a list ordered by id pages by index arithmetic instead of sorting
 * every row per request (100,000 users took 57 ms a page). Every insert appends the next id, so tables are in
 * id order unless an import or a test arranged them otherwise; this check finds out once and remembers.
 * @module
 */
import { rawForReading } from './journal.js';

interface Known {
  length: number;
  last: unknown;
  sorted: boolean;
}

// By the raw array: a filter or an import replaces it with another, which is checked afresh.
const known = new WeakMap<object, Known>();

/**
 * `true` when every row's `id` is larger than the one before. Remembered per array: a later call reads one row
 * when nothing changed, and only the new tail after appends (how every insert grows a table). Writes in place
 * (an id changed, a row spliced in the middle) are not seen; no handler makes them, since ids never change.
 *
 * @example
 * if (inIdOrder(users)) return pageByIndex(users, page);
 */
export function inIdOrder(rows: readonly { id: number }[]): boolean {
  const raw = rawForReading(rows);
  const length = raw.length;
  const seen = known.get(raw);
  if (seen && seen.length === length && (length === 0 || raw[length - 1] === seen.last)) return seen.sorted;
  // Grown at the end, with the old last row still in its place: only the tail needs checking.
  const grown = seen !== undefined && seen.sorted && seen.length > 0 && length > seen.length && raw[seen.length - 1] === seen.last;
  let sorted = true;
  for (let i = grown ? seen!.length : 1; i < length && sorted; i++) sorted = raw[i - 1]!.id < raw[i]!.id;
  known.set(raw, { length, last: raw[length - 1], sorted });
  return sorted;
}

/**
 * The index of the row with `id`, or -1: a binary search when the table is in id order ({@link inIdOrder}), so a
 * per-request lookup reads one row or about log₂ n ({@link searchInIdOrder}) instead of scanning the table; a linear
 * scan otherwise. Index the table's own view with the answer, so writes to the row stay journaled.
 *
 * @example
 * const i = indexById(state.users, 42);
 * const user = i < 0 ? undefined : state.users[i];
 */
export function indexById(rows: readonly { id: number }[], id: number): number {
  const raw = rawForReading(rows);
  return inIdOrder(raw) ? searchInIdOrder(raw, id) : raw.findIndex((row) => row.id === id);
}

/**
 * The index of the row with `id` in rows already known to be in id order ({@link inIdOrder}), or -1: the row at
 * `id - 1` first (ids are given 1, 2, 3, ... and rows are rarely removed), else a binary search.
 *
 * @example
 * const i = inIdOrder(rows) ? searchInIdOrder(rows, 42) : -1;
 */
export function searchInIdOrder(raw: readonly { id: number }[], id: number): number {
  if (Number.isInteger(id) && id >= 1 && id <= raw.length && raw[id - 1]!.id === id) return id - 1;
  let low = 0;
  let high = raw.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = raw[mid]!.id;
    if (at === id) return mid;
    if (at < id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
