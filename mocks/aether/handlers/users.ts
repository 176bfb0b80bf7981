/**
 * `/api/admin/users` and `/api/admin/users/{user_id}` (`src/api/admin/users/routes.py`): list, create, read, update,
 * delete, and the quota reset. Each keeps upstream's order of work: update looks the user up before the body,
 * an unknown role filter and a duplicate on update are upstream's 500s, delete guards the last admin.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { deleteUserRow } from '../cascade.js';
import { ensureJsonBody } from '../body.js';
import { httpError, invalidRequest, json, notFound, systemError } from '../envelope.js';
import { findUser } from '../lookup.js';
import { ADMIN } from '../messages.js';
import { CreateUserRequest, UpdateUserRequest } from '../models.js';
import type { QueryParam, QueryValues } from '../query.js';
import type { AetherRole, AetherState, AetherUser } from '../state.js';
import { translatePydanticError } from '../translate.js';
import { createUser } from '../user-service.js';
import { userCreated, userDetail, userListItem, userUpdated } from '../views.js';

type Ctx = RequestContext<AetherState>;

/** The query of `GET /api/admin/users`. */
export const LIST_USERS_QUERY: Record<string, QueryParam> = {
  skip: { kind: 'int', default: 0, ge: 0 },
  limit: { kind: 'int', default: 100, ge: 1, le: 1000 },
  role: { kind: 'str' },
  is_active: { kind: 'bool' },
};

// The fields update_user may change; of them, these take an explicit null (unlimited, unrestricted).
const UPDATABLE = ['email', 'username', 'quota_usd', 'is_active', 'role', 'allowed_providers', 'allowed_endpoints', 'allowed_models'] as const;
const NULLABLE = new Set(['quota_usd', 'allowed_providers', 'allowed_endpoints', 'allowed_models']);

/** `GET /api/admin/users`: `UserRole[role.upper()]`, so a role that is neither is an uncaught KeyError. */
export function listUsers(ctx: Ctx, _caller: Caller, query: QueryValues): Response {
  const role = query.role as string | undefined;
  let wanted: AetherRole | undefined;
  if (role) {
    const upper = role.toUpperCase();
    if (upper !== 'ADMIN' && upper !== 'USER') throw systemError();
    wanted = upper === 'ADMIN' ? 'admin' : 'user';
  }
  const active = query.is_active as boolean | undefined;
  const users = ctx.state.users.filter((user) => (wanted === undefined || user.role === wanted) && (active === undefined || user.is_active === active));
  const skip = query.skip as number;
  return json(users.slice(skip, skip + (query.limit as number)).map(userListItem));
}

/** `POST /api/admin/users`. */
export async function createUserHandler(ctx: Ctx): Promise<Response> {
  const parsed = CreateUserRequest(await ensureJsonBody(ctx));
  if (!parsed.ok) throw invalidRequest(translatePydanticError(parsed.errors[0]!));
  const body = parsed.value as { username: string; password: string; email: string; role: AetherRole | null; quota_usd: number | null };
  // `role: null` passes the model, then `None.upper()` fails in the route.
  if (body.role === null) throw invalidRequest(ADMIN.invalidRole);
  // Upstream stores an infinite quota ("inf", 1e400) and then cannot render it: its answer is a 500.
  if (body.quota_usd !== null && !Number.isFinite(body.quota_usd)) throw systemError();
  const created = await createUser(ctx, { email: body.email, username: body.username, password: body.password, role: body.role, quota_usd: body.quota_usd });
  if (!created.ok) throw invalidRequest(created.message);
  return json(userCreated(created.user));
}

/** `GET /api/admin/users/{user_id}`. */
export function getUser(ctx: Ctx): Response {
  return json(userDetail(existingUser(ctx)));
}

/** `PUT /api/admin/users/{user_id}`: the user first, then the body; only the fields sent change. */
export async function updateUser(ctx: Ctx): Promise<Response> {
  const user = existingUser(ctx);
  const parsed = UpdateUserRequest(await ensureJsonBody(ctx));
  if (!parsed.ok) throw invalidRequest(translatePydanticError(parsed.errors[0]!));
  const record = user as unknown as Record<string, unknown>;
  for (const field of UPDATABLE) {
    if (!parsed.set.has(field)) continue;
    const value = parsed.value[field];
    if (value === null && !NULLABLE.has(field)) continue;
    if (field === 'quota_usd' && value !== null && !Number.isFinite(value as number)) throw systemError();
    record[field] = Array.isArray(value) ? [...value] : value;
  }
  // No uniqueness check upstream: the database's unique constraints refuse the commit, an unhandled error.
  if (ctx.state.users.some((other) => other.id !== user.id && (other.email === user.email || other.username === user.username))) throw systemError();
  user.updated_at = ctx.clock.now();
  return json(userUpdated(user));
}

/** `DELETE /api/admin/users/{user_id}`: hard delete with every key the user owns; usage rows stay, ownerless. */
export function deleteUser(ctx: Ctx): Response {
  const user = findUser(ctx, ctx.params.user_id);
  if (!user) throw httpError(404, ADMIN.userNotFound);
  if (user.role === 'admin' && ctx.state.users.filter((other) => other.role === 'admin').length <= 1) throw invalidRequest(ADMIN.lastAdmin);
  deleteUserRow(ctx.state, user.id);
  return json({ message: ADMIN.userDeleted });
}

/** `PATCH /api/admin/users/{user_id}/quota`: `used_usd` back to 0; the quota and the lifetime total stay. */
export function resetUserQuota(ctx: Ctx): Response {
  const user = existingUser(ctx);
  user.used_usd = 0;
  user.updated_at = ctx.clock.now();
  return json({ message: ADMIN.quotaReset, user_id: user.id, quota_usd: user.quota_usd, used_usd: 0, total_usd: user.total_usd });
}

function existingUser(ctx: Ctx): AetherUser {
  const user = findUser(ctx, ctx.params.user_id);
  if (!user) throw notFound(ADMIN.userNotFound, 'user');
  return user;
}
