/**
 * The bound on server-side sessions both dialects keep: a client logging in in a loop must not grow the state
 * without end. Upstream new-api has no table to fill (its sessions live in the signed cookie); platform's
 * design names no bound. Both take new-api's sandbox rule: at most {@link MAX_SESSIONS}, and at the cap the
 * sessions that end first make room.
 * @module
 */

import { rawForReading } from './journal.js';

/** The most sessions a reference server holds. */
export const MAX_SESSIONS = 10_000;

/**
 * Deletes from `table` the entries that end first (by `endsAt`) until one more fits under `max`, and returns
 * them so the caller can drop what hangs off them (platform's token rows). Nothing happens below the cap.
 *
 * @example
 * for (const session of makeRoomForSession(state.sessions, (s) => s.expires_at)) forgetTokensOf(session);
 */
export function makeRoomForSession<T>(table: Record<string, T>, endsAt: (record: T) => number, max: number = MAX_SESSIONS): T[] {
  // Counted and scanned on the raw table: through the journal's view, every login paid a trap per session held.
  const raw = rawForReading(table);
  const keys = Object.keys(raw);
  const excess = keys.length - max + 1;
  if (excess <= 0) return [];
  // The usual case is one over at each new session: a linear scan, not a sort of ten thousand keys per login.
  const dropped = excess === 1 ? [firstToEnd(raw, keys, endsAt)] : keys.sort((a, b) => endsAt(raw[a]!) - endsAt(raw[b]!)).slice(0, excess);
  // Read and deleted through `table`, so a request that fails later puts them back.
  const records = dropped.map((key) => table[key]!);
  for (const key of dropped) delete table[key];
  return records;
}

function firstToEnd<T>(table: Record<string, T>, keys: string[], endsAt: (record: T) => number): string {
  let first = keys[0]!;
  for (const key of keys) if (endsAt(table[key]!) < endsAt(table[first]!)) first = key;
  return first;
}
