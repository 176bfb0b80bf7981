/**
 * The opencat state: upstream's two SQLite files (`cat.db`: users and keys; `usage.db`: the daily usage rows) plus
 * the one process variable that changes what the API answers, the middleware's cached root token.
 * @module
 */
import { rawForReading } from '../core/journal.js';
import type { BaseState } from '../core/types.js';

/** The reference server's own knobs (upstream has none over HTTP). */
export interface OpenCatSettings {
  /**
   * The server's zone as a fixed offset (`+08:00`, `-05:30`, `+00:00`): every time is printed in it and "today"
   * and "this month" are taken in it. The Docker image runs in Asia/Shanghai.
   * @default '+08:00'
   */
  TimeZone: string;
}

/**
 * A row of `users` (`store.User`). `deleted_at` is gorm's soft delete. Times in epoch milliseconds. The token is
 * kept as its SHA-256 and sealed (./secrets.ts): upstream stores it in clear, but a state export must not.
 */
export interface UserRecord {
  id: number;
  name: string;
  token_sha256: string;
  token_sealed: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** A row of `keys` (`store.Key`); hard-deleted. The secret is kept like a user token (./secrets.ts). */
export interface KeyRecord {
  id: number;
  key_sha256: string;
  key_sealed: string;
  name: string;
  api_type: string;
  endpoint: string;
  resource_name: string;
  deployment_name: string;
  created_at: number;
  updated_at: number;
}

/**
 * A row of `daily_usages`: one per user and day, the sums of that day's requests. `cost_micros` is the summed
 * cost in millionths (each request's cost is a six-decimal string upstream, so millionths are exact).
 */
export interface DailyUsageRecord {
  user_id: number;
  /** `YYYY-MM-DD`, the day in the server's zone. */
  date: string;
  prompt_units: number;
  completion_units: number;
  total_unit: number;
  cost_micros: number;
}

/** The whole opencat state. */
export interface OpenCatState extends BaseState {
  settings: OpenCatSettings;
  users: UserRecord[];
  keys: KeyRecord[];
  daily_usages: DailyUsageRecord[];
  /** The next `AUTOINCREMENT` ids (sqlite_sequence + 1): never lowered, so a deleted key's id is never reused. */
  next_user_id: number;
  next_key_id: number;
  /**
   * The SHA-256 of the middleware's process-wide `rootToken`: `''` until it is loaded from user 1. It can differ
   * from user 1's token (a CLI `reset_root` upstream; an import here), and then the cached one is what works.
   */
  root_token_sha256: string;
}

/** The settings a fresh server starts with. */
export const DEFAULT_SETTINGS: OpenCatSettings = { TimeZone: '+08:00' };

/** How many daily rows the sandbox keeps at most (upstream: unbounded); past it `POST /__mock/usages` refuses. */
export const MAX_DAILY_USAGES = 100_000;

/**
 * The live (not soft-deleted) user with `id`, as gorm's `First` finds it. For reading: the table is walked raw
 * (docs/decisions/013), so write through {@link liveUserIndex} instead.
 *
 * @example
 * const root = liveUser(state, 1);
 */
export function liveUser(state: OpenCatState, id: number): Readonly<UserRecord> | undefined {
  return rawForReading(state.users).find((user) => user.id === id && user.deleted_at === null);
}

/**
 * Where the live user with `id` sits in `state.users` (-1: none), to write to it through the view.
 *
 * @example
 * const index = liveUserIndex(ctx.state, id);
 * if (index !== -1) ctx.state.users[index]!.deleted_at = now;
 */
export function liveUserIndex(state: OpenCatState, id: number): number {
  return rawForReading(state.users).findIndex((user) => user.id === id && user.deleted_at === null);
}

/**
 * The live user whose token has the SHA-256 `tokenSha256` (`GetUserByToken`), the lowest id first as `First`
 * orders. For reading, like {@link liveUser}.
 *
 * @example
 * const me = userByToken(state, digest('df5982d6-…'));
 */
export function userByToken(state: OpenCatState, tokenSha256: string): Readonly<UserRecord> | undefined {
  return rawForReading(state.users).find((user) => user.token_sha256 === tokenSha256 && user.deleted_at === null);
}

/**
 * The id SQLite's `AUTOINCREMENT` hands out next: past both the sequence and the largest id in the table (so an
 * imported state whose counter lags its rows still gets a fresh id).
 *
 * @example
 * const id = nextId(state.keys, state.next_key_id);
 */
export function nextId(table: { id: number }[], sequence: number): number {
  return rawForReading(table).reduce((next, row) => Math.max(next, row.id + 1), sequence);
}

/**
 * Whether some row of `table` (soft-deleted ones included: a unique index keeps them) matches, walked raw.
 *
 * @example
 * if (anyRow(state.users, (user) => user.name === name)) return errorText(uniqueFailed('users', 'name'));
 */
export function anyRow<T extends object>(table: T[], match: (row: Readonly<T>) => boolean): boolean {
  return rawForReading(table).some(match);
}
