/**
 * Platform administration of users: `GET /admin/v1/users`, `GET /admin/v1/users/{user_id}`,
 * `POST /admin/v1/users/{user_id}/freeze`, `POST /admin/v1/users/{user_id}/unfreeze`.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { fail, ok } from '../envelope.js';
import { idPattern } from '../ids.js';
import { CODE } from '../messages.js';
import { newestFirst, paginate } from '../pagination.js';
import { adminUserListQuery, reasonSchema } from '../schemas.js';
import { revokeSessions } from '../sessions.js';
import type { PlatformState, UserRecord } from '../state.js';
import { readBody, readQuery } from '../validate.js';
import { adminUserView } from '../views.js';

type Ctx = RequestContext<PlatformState>;

const USER_ID = idPattern('u_');

/** `GET /admin/v1/users`: newest first; `keyword` matches email, full phone digits and nickname. */
export function listUsers(ctx: Ctx): Response {
  const query = readQuery(ctx, adminUserListQuery);
  if (!query.ok) return query.response;
  const { user_type, status, keyword, page, page_size } = query.value;
  const needle = keyword?.toLowerCase();
  const users = newestFirst(
    ctx.state.users.filter(
      (u) =>
        (!user_type || u.user_type === user_type) &&
        (!status || u.status === status) &&
        (!needle || u.email.includes(needle) || (u.phone ?? '').includes(needle) || u.nickname.toLowerCase().includes(needle)),
    ),
    (u) => u.created_at,
  );
  return ok(paginate(users, page, page_size, (u) => adminUserView(ctx.state, u)));
}

/** `GET /admin/v1/users/{user_id}`. */
export function getUser(ctx: Ctx): Response {
  const user = findTarget(ctx);
  return user ? ok(adminUserView(ctx.state, user)) : fail(ctx, CODE.user_not_found);
}

/**
 * `POST /admin/v1/users/{user_id}/freeze`: every session is revoked and the user's tokens answer 40302 at once.
 * Freezing again keeps the first `frozen_at` and takes the new reason. Platform admins cannot be frozen.
 */
export async function freezeUser(ctx: Ctx, _caller: Caller): Promise<Response> {
  const body = await readBody(ctx, reasonSchema);
  if (!body.ok) return body.response;
  const user = findTarget(ctx);
  if (!user) return fail(ctx, CODE.user_not_found);
  if (user.platform_role === 'admin') return fail(ctx, CODE.forbidden);
  const now = ctx.clock.now();
  user.status = 'frozen';
  user.frozen_at ??= now;
  user.freeze_reason = body.value.reason;
  revokeSessions(ctx.state, user.user_id, now);
  return ok(adminUserView(ctx.state, user));
}

/** `POST /admin/v1/users/{user_id}/unfreeze`: idempotent; revoked sessions stay revoked. */
export function unfreezeUser(ctx: Ctx): Response {
  const user = findTarget(ctx);
  if (!user) return fail(ctx, CODE.user_not_found);
  user.status = 'active';
  user.frozen_at = null;
  user.freeze_reason = null;
  return ok(adminUserView(ctx.state, user));
}

function findTarget(ctx: Ctx): UserRecord | undefined {
  const id = ctx.params.user_id ?? '';
  return USER_ID.test(id) ? ctx.state.users.find((u) => u.user_id === id) : undefined;
}
