/**
 * The keyword clause of `GET /api/user/search` (model/user.go SearchUsers: `id = ?` when the keyword is numeric, or
 * `username LIKE ? OR email LIKE ? OR display_name LIKE ?` with `%keyword%` bound unescaped).
 *
 * A keyword without `%` or `_` (the common case) asks whether the folded keyword occurs in a folded column: one
 * native `indexOf` over a haystack of every row's three columns, joined by NUL, answers that for the whole table,
 * where three LIKE tests per row cost 15 ms over 100,000 users. The haystack is kept per table array: appended rows
 * are added at its end, and from the first row whose columns changed on it is rebuilt (a delete replaces the array,
 * so its successor is built afresh). Any other keyword takes the LIKE test per row (../go/sql-like.ts).
 * @module
 */
import { indexById } from '../core/id-order.js';
import { sqlLike } from '../go/sql-like.js';
import { sqliteLower } from '../go/sql-lower.js';
import type { UserRecord } from './state.js';

/** What a search touched, for tests that prove its cost: rows given a LIKE test, haystack characters searched. */
export interface SearchMeter {
  rowTests: number;
  chars: number;
}

interface Haystack {
  rows: UserRecord[];
  // The columns each row had when its part was written; a row whose column differs now is stale.
  columns: string[];
  /** Row i's part starts at `starts[i]`; `starts[rows.length]` is the text's length. */
  starts: number[];
  text: string;
}

const haystacks = new WeakMap<readonly UserRecord[], Haystack>();

// NUL ends each column: a keyword without one cannot match across two columns or two rows.
const END = '\u0000';
const PLAIN = /^[^%_\u0000\ud800-\udfff]*$/;

/**
 * The rows of `users` (raw rows, in table order) whose username, email or display name is `LIKE %keyword%`, or
 * whose id is the keyword when it is numeric (`id`).
 *
 * @example
 * matchKeyword(rawForReading(state.users), 'ada', atoi('ada')); // rows holding "ada", "ADA", "Ada", …
 */
export function matchKeyword(users: readonly UserRecord[], keyword: string, id: { ok: true; value: number } | { ok: false }, meter?: SearchMeter): UserRecord[] {
  // A lone surrogate could match half of a pair; such keywords (and wildcards, and NUL) take the LIKE test.
  if (!PLAIN.test(keyword)) return likeEachRow(users, keyword, id, meter);
  const hay = haystackOf(users);
  const needle = sqliteLower(keyword);
  const hits: number[] = [];
  for (let from = 0; from < hay.text.length; ) {
    const at = hay.text.indexOf(needle, from);
    if (at < 0) {
      if (meter) meter.chars += hay.text.length - from;
      break;
    }
    const row = rowAt(hay.starts, at);
    hits.push(row);
    // The rest of the row needs no search: it is in already.
    const next = hay.starts[row + 1]!;
    if (meter) meter.chars += next - from;
    from = next;
  }
  const rows = hits.map((i) => users[i]!);
  if (!id.ok) return rows;
  const byId = indexById(users, id.value);
  if (byId < 0 || hits.includes(byId)) return rows;
  // Table order, as the single SQL filter would give it.
  const before = hits.filter((i) => i < byId).length;
  rows.splice(before, 0, users[byId]!);
  return rows;
}

function likeEachRow(users: readonly UserRecord[], keyword: string, id: { ok: true; value: number } | { ok: false }, meter?: SearchMeter): UserRecord[] {
  const like = sqlLike(`%${keyword}%`);
  return users.filter((u) => {
    if (id.ok && u.id === id.value) return true;
    if (meter) meter.rowTests++;
    return like.test(u.username) || like.test(u.email) || like.test(u.display_name);
  });
}

/** The largest i with `starts[i] <= at`. */
function rowAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The haystack of `users`, brought up to date: kept up to the first row that changed, rebuilt from there. */
function haystackOf(users: readonly UserRecord[]): Haystack {
  let hay = haystacks.get(users);
  if (!hay) haystacks.set(users, (hay = { rows: [], columns: [], starts: [0], text: '' }));
  const kept = Math.min(hay.rows.length, users.length);
  let same = 0;
  while (same < kept && unchanged(hay, same, users[same]!)) same++;
  if (same === hay.rows.length && same === users.length) return hay;
  hay.rows.length = same;
  hay.columns.length = 3 * same;
  hay.starts.length = same + 1;
  const parts: string[] = [];
  let length = hay.starts[same]!;
  for (let i = same; i < users.length; i++) {
    const u = users[i]!;
    hay.rows.push(u);
    hay.columns.push(u.username, u.email, u.display_name);
    const part = u.username + END + u.email + END + u.display_name + END;
    parts.push(part);
    length += part.length;
    hay.starts.push(length);
  }
  // Folding keeps every length: only ASCII letters change, one unit for one unit.
  hay.text = hay.text.slice(0, hay.starts[same]) + sqliteLower(parts.join(''));
  return hay;
}

function unchanged(hay: Haystack, i: number, u: UserRecord): boolean {
  return hay.rows[i] === u && hay.columns[3 * i] === u.username && hay.columns[3 * i + 1] === u.email && hay.columns[3 * i + 2] === u.display_name;
}
