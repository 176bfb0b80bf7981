/**
 * Row lookups by path id, as upstream's queries behave: an id no row has is simply not found, whatever its form
 * (ids are `String(36)` columns, not parsed), but one with a NUL byte makes the PostgreSQL driver raise, an
 * unhandled error (500); so does any text with one that reaches a query or a row ({@link sqlText}).
 * @module
 */
import type { RequestContext } from '../core/types.js';
import { systemError } from './envelope.js';
import type { AetherApiKey, AetherState, AetherUser } from './state.js';

type Ctx = Pick<RequestContext<AetherState>, 'state'>;

/**
 * Text as upstream hands it to PostgreSQL, in a query or a row: psycopg2 refuses a NUL byte with a `ValueError`
 * nothing catches, so the answer is the generic 500.
 *
 * @example
 * const user = ctx.state.users.find((u) => u.email === sqlText(email));
 */
export function sqlText(value: string): string {
  if (value.includes('\u0000')) throw systemError();
  return value;
}

/**
 * The id as the database sees it: a NUL byte is refused by the driver.
 *
 * @example
 * const id = pathId(ctx.params.user_id);
 */
export function pathId(value: string | undefined): string {
  return sqlText(value ?? '');
}

/**
 * The user with this id, if any.
 *
 * @example
 * const user = findUser(ctx, ctx.params.user_id);
 */
export function findUser(ctx: Ctx, id: string | undefined): AetherUser | undefined {
  const wanted = pathId(id);
  return ctx.state.users.find((user) => user.id === wanted);
}

/**
 * The key with this id that `userId` owns, if any; `standalone: false` leaves standalone keys out.
 *
 * @example
 * const key = findKey(ctx, ctx.params.key_id, caller.user.id);
 */
export function findKey(ctx: Ctx, id: string | undefined, userId: string, options: { standalone?: false } = {}): AetherApiKey | undefined {
  const wanted = pathId(id);
  return ctx.state.api_keys.find((key) => key.id === wanted && key.user_id === userId && (options.standalone === undefined || !key.is_standalone));
}

/**
 * Rows newest first, as `ORDER BY created_at DESC` gives them; rows of the same instant newest-inserted first.
 *
 * @example
 * const keys = newestFirst(ctx.state.api_keys.filter((k) => k.user_id === id));
 */
export function newestFirst<T extends { created_at: number }>(rows: readonly T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.created_at - a.row.created_at || b.index - a.index)
    .map(({ row }) => row);
}
