/**
 * The opencat state: upstream's two SQLite files (`cat.db`: users and keys; `usage.db`: the daily usage rows) plus
 * the one process variable that changes what the API answers, the middleware's cached root token.
 * @module
 */
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

/** A row of `users` (`store.User`). `deleted_at` is gorm's soft delete. Times in epoch milliseconds. */
export interface UserRecord {
  id: number;
  name: string;
  token: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** A row of `keys` (`store.Key`); hard-deleted. */
export interface KeyRecord {
  id: number;
  key: string;
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
   * The middleware's process-wide `rootToken`: `''` until it is loaded from user 1. It can differ from user 1's
   * token (a CLI `reset_root` upstream; an import here), and then the cached one is what works.
   */
  root_token: string;
}

/** The settings a fresh server starts with. */
export const DEFAULT_SETTINGS: OpenCatSettings = { TimeZone: '+08:00' };

/** How many daily rows the sandbox keeps at most (upstream: unbounded); past it `POST /__mock/usages` refuses. */
export const MAX_DAILY_USAGES = 100_000;

/**
 * The live (not soft-deleted) user with `id`, as gorm's `First` finds it.
 *
 * @example
 * const root = liveUser(state, 1);
 */
export function liveUser(state: OpenCatState, id: number): UserRecord | undefined {
  return state.users.find((user) => user.id === id && user.deleted_at === null);
}

/**
 * The live user holding `token` (`GetUserByToken`), the lowest id first as `First` orders.
 *
 * @example
 * const me = userByToken(state, 'df5982d6-…');
 */
export function userByToken(state: OpenCatState, token: string): UserRecord | undefined {
  return state.users.find((user) => user.token === token && user.deleted_at === null);
}
