/**
 * Users: `POST /1/users/init` (outside the middleware), `GET|POST /1/users`, `DELETE /1/users/:id`,
 * `POST /1/users/:id/reset` (router.go `Handleinit`, `HandleUsers`, `HandleAddUser`, `HandleDelUser`,
 * `HandleResetUserToken`, c11824f). Failures are mostly HTTP 200 `{"error"}`.
 * @module
 */
import { rawForReading } from '../../core/journal.js';
import { uuidV4 } from '../../core/uuid.js';
import type { RequestContext } from '../../core/types.js';
import { goDecode } from '../../go/json-bind.js';
import { goQuery } from '../../go/query.js';
import { errorText, goJson, messageOk } from '../answers.js';
import { USER_BODY } from '../bodies.js';
import { digest, openToken, storedToken } from '../secrets.js';
import { primaryKeyFailed, uniqueFailed } from '../sqlite.js';
import { anyRow, liveUser, liveUserIndex, nextId, type OpenCatState, type UserRecord } from '../state.js';
import { toInt } from '../to-int.js';
import { storeUserView, trimmedUserView } from '../views.js';

type Ctx = RequestContext<OpenCatState>;

/** `POST /1/users/init`: user 1 named `root` with a fresh token, once; the `Authorization` header is not read. */
export async function initUsers(ctx: Ctx): Promise<Response> {
  const { state } = ctx;
  if (liveUser(state, 1)) return errorText('super user already exists, use cli to reset password', 403);
  const token = uuidV4(ctx.random);
  // The insert names id 1 itself; the unique columns still apply (only an imported state can break them).
  const conflict = anyRow(state.users, (user) => user.id === 1)
    ? primaryKeyFailed('users')
    : anyRow(state.users, (user) => user.name === 'root')
      ? uniqueFailed('users', 'name')
      : undefined;
  if (conflict) return errorText(conflict, 403);
  const root = await insertUser(ctx, 1, 'root', token);
  state.root_token_sha256 = root.token_sha256;
  return goJson(trimmedUserView(state, root, token));
}

/** `GET /1/users`: every live user, root included, in id order, in the store shape. */
export async function listUsers(ctx: Ctx): Promise<Response> {
  const { state } = ctx;
  const live = rawForReading(state.users).filter((user) => user.deleted_at === null);
  const tokens = await Promise.all(live.map((user) => openToken(ctx.random, user)));
  return goJson(live.map((user, index) => storeUserView(state, user, tokens[index]!)));
}

/** `POST /1/users` `{"name"}`: a user with a fresh token. A bind error is 400; the rest of the failures are 200. */
export async function createUser(ctx: Ctx): Promise<Response> {
  const body = goDecode(await ctx.readText(), USER_BODY);
  // BindJSON has written 400 before the handler writes its own 200 answer: the client sees 400.
  if (!body.ok) return errorText(body.error, 400);
  const { name } = body.value;
  if (name.length === 0) return errorText('invalid user name');
  const { state } = ctx;
  // The unique index keeps soft-deleted rows: a deleted user's name is never free again.
  if (anyRow(state.users, (user) => user.name === name)) return errorText(uniqueFailed('users', 'name'));
  const token = uuidV4(ctx.random);
  const user = await insertUser(ctx, nextId(state.users, state.next_user_id), name, token);
  return goJson(storeUserView(state, user, token));
}

/** `DELETE /1/users/:id`: a soft delete; `{"message":"ok"}` whether or not a live user had the id. */
export function deleteUser(ctx: Ctx): Response {
  const id = toInt(ctx.params.id ?? '');
  if (id <= 1) return errorText('invalid user id');
  const index = liveUserIndex(ctx.state, id);
  if (index !== -1) ctx.state.users[index]!.deleted_at = ctx.clock.now();
  return messageOk();
}

/** `POST /1/users/:id/reset[?token=]`: a new token (the given one, unchecked, or a fresh UUID). */
export async function resetUserToken(ctx: Ctx): Promise<Response> {
  const { state } = ctx;
  const id = toInt(ctx.params.id ?? '');
  const token = goQuery(ctx.url).get('token') || uuidV4(ctx.random);
  const index = liveUserIndex(state, id);
  // `Updates` matches no row for an unknown or deleted id (no error), then `GetUserByID` finds none.
  if (index === -1) return errorText('record not found', 403);
  const user = state.users[index]!;
  const tokenSha256 = digest(token);
  if (anyRow(state.users, (other) => other.id !== id && other.token_sha256 === tokenSha256)) return errorText(uniqueFailed('users', 'token'), 403);
  Object.assign(user, await storedToken(ctx.random, token));
  user.updated_at = ctx.clock.now();
  if (user.id === 1) state.root_token_sha256 = user.token_sha256;
  return goJson(storeUserView(state, user, token));
}

async function insertUser(ctx: Ctx, id: number, name: string, token: string): Promise<UserRecord> {
  const { state } = ctx;
  // gorm's Create takes one NowFunc() for both auto-time fields.
  const now = ctx.clock.now();
  const user: UserRecord = { id, name, ...(await storedToken(ctx.random, token)), created_at: now, updated_at: now, deleted_at: null };
  state.users.push(user);
  state.next_user_id = Math.max(state.next_user_id, id + 1);
  return user;
}
