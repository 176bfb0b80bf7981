/**
 * Users as administrators see them (AdminAuth): `GET /api/user/`, `GET /api/user/search`, `GET /api/user/:id`,
 * `POST /api/user/`, `PUT /api/user/` and `DELETE /api/user/:id` (controller/user.go, JUL26). Manage is in
 * `manage.ts`.
 * @module
 */
import { rawForReading } from '../../core/journal.js';
import type { RequestContext } from '../../core/types.js';
import { canManage, type Caller } from '../auth.js';
import { fail, ok } from '../envelope.js';
import { atoi } from '../../go/strconv.js';
import { validateUser } from '../user-rules.js';
import { DB, t, ZH } from '../messages.js';
import { pageQuery, paginate, paginateInIdOrder } from '../pagination.js';
import { inIdOrder } from '../../core/id-order.js';
import { decodeBody, userSchema } from '../schemas.js';
import { newUserSetting } from '../setting.js';
import { findUser, newAffCode, newUserRecord, ROLE, type NewApiState, type UserRecord } from '../state.js';
import { adminUserView } from '../views.js';
import { matchKeyword } from '../user-search.js';

type Ctx = RequestContext<NewApiState>;

const SORT_COLUMNS = ['id', 'username', 'quota', 'group', 'created_at', 'last_login_at'] as const;
type SortColumn = (typeof SORT_COLUMNS)[number];

/** `GET /api/user/`: every user, soft-deleted ones included, newest first unless `sort_by` says otherwise. */
export function listUsers(ctx: Ctx): Response {
  return ok(pageOfUsers(ctx.state.users, inIdOrder(ctx.state.users), ctx.query));
}

/** `GET /api/user/search`: `keyword` (LIKE on username, email, display name; id when numeric), `group`, `role`, `status`. */
export function searchUsers(ctx: Ctx): Response {
  const keyword = ctx.query.get('keyword') ?? '';
  const group = ctx.query.get('group') ?? '';
  const role = atoi(ctx.query.get('role') ?? '');
  const status = atoi(ctx.query.get('status') ?? '');
  const id = atoi(keyword);
  const { users } = ctx.state;
  // Raw rows: this only reads, and a filter through the state's view pays a proxy trap per row.
  const rows = matchKeyword(rawForReading(users), keyword, id).filter((u) => {
    if (group !== '' && u.group !== group) return false;
    if (role.ok && u.role !== role.value) return false;
    if (status.ok) return status.value === -1 ? u.deleted_at !== null : u.deleted_at === null && u.status === status.value;
    return true;
  });
  // A filter keeps the table's order: rows of a table in id order are in id order.
  return ok(pageOfUsers(rows, inIdOrder(users), ctx.query));
}

/** `GET /api/user/:id`: scoped (a soft-deleted user is `record not found`). */
export function getUser(ctx: Ctx, caller: Caller): Response {
  const id = atoi(ctx.params.id ?? '');
  if (!id.ok) return fail(id.error);
  if (id.value === 0) return fail(ZH.idEmpty);
  const user = findUser(ctx.state, id.value);
  if (!user) return fail(DB.recordNotFound);
  if (!canManage(caller.role, user.role)) return fail(t(caller.lang, 'user.no_permission_same_level'));
  return ok(adminUserView(user));
}

/** `POST /api/user/`: username, password, display name and a role below the caller's. */
export async function createUser(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await decodeBody(ctx, userSchema);
  const username = body?.username.trim() ?? '';
  if (!body || username === '' || body.password === '') return fail(t(caller.lang, 'common.invalid_params'));
  const invalid = validateUser({ ...body, username });
  if (invalid) return fail(t(caller.lang, 'user.input_invalid', { Error: invalid }));
  if (body.role >= caller.role) return fail(t(caller.lang, 'user.cannot_create_higher_level'));
  // No existence check upstream: the unique index answers, soft-deleted names included.
  if (rawForReading(ctx.state.users).some((u) => u.username === username)) return fail(DB.usernameTaken);
  const role = body.role === 0 ? ROLE.common : body.role; // GORM `default:1` replaces the zero value
  const passwordHash = await ctx.hashPassword(body.password);
  ctx.state.users.push(
    newUserRecord(ctx.state, {
      username,
      password_hash: passwordHash,
      display_name: body.display_name || username,
      role,
      quota: ctx.settings.QuotaForNewUser,
      aff_code: newAffCode(ctx.state, ctx.random),
      setting: newUserSetting(role),
      created_at: Math.floor(ctx.clock.now() / 1000),
    }),
  );
  return ok();
}

/** `PUT /api/user/`: writes username, display name, group and remark (even when empty), and the password if given. */
export async function updateUser(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await decodeBody(ctx, userSchema);
  if (!body || body.id === 0) return fail(t(caller.lang, 'common.invalid_params'));
  const username = body.username.trim();
  if (username === '') return fail(t(caller.lang, 'common.invalid_params'));
  const invalid = validateUser({ ...body, username, password: body.password || '$I_LOVE_U' });
  if (invalid) return fail(t(caller.lang, 'user.input_invalid', { Error: invalid }));
  const target = findUser(ctx.state, body.id);
  if (!target) return fail(DB.recordNotFound);
  // JUL26: the role is never written here; asking for a different one is invalid.
  if (body.role !== ROLE.guest && body.role !== target.role) return fail(t(caller.lang, 'common.invalid_params'));
  if (!canManage(caller.role, target.role)) return fail(t(caller.lang, 'user.no_permission_higher_level'));
  if (rawForReading(ctx.state.users).some((u) => u.username === username && u.id !== target.id)) return fail(DB.usernameTaken);
  const password = body.password === '$I_LOVE_U' ? '' : body.password;
  const passwordHash = password !== '' ? await ctx.hashPassword(password) : undefined;
  // EditWithTx updates with a map, so empty strings are written too (the admin UI always sends every field).
  Object.assign(target, { username, display_name: body.display_name, group: body.group, remark: body.remark });
  if (passwordHash) target.password_hash = passwordHash;
  return ok();
}

/** `DELETE /api/user/:id`: a hard delete; `myRole <= target.role` is refused, so root cannot delete root. */
export function deleteUser(ctx: Ctx, caller: Caller): Response {
  const id = atoi(ctx.params.id ?? '');
  if (!id.ok) return fail(id.error);
  if (id.value === 0) return fail(ZH.idEmpty);
  const target = findUser(ctx.state, id.value);
  if (!target) return fail(DB.recordNotFound);
  if (caller.role <= target.role) return fail(t(caller.lang, 'user.no_permission_higher_level'));
  // Tokens and 2FA go with the row; cookie sessions are not server-side upstream, so they are left alone.
  ctx.state.users = ctx.state.users.filter((u) => u.id !== target.id);
  return ok();
}

/** One page of `rows` in the requested order; by id, rows known to be in id order are paged without a sort. */
function pageOfUsers(rows: readonly UserRecord[], inIdOrder: boolean, query: URLSearchParams) {
  const order = userOrder(query);
  const page = pageQuery(query);
  if (order.column === 'id' && inIdOrder) return paginateInIdOrder(rows, page, order.direction < 0, adminUserView);
  return paginate(sortUsers(rows, order), page, adminUserView);
}

/** JUL26 `sort_by` / `sort_order`: an unknown column falls back to id desc; other columns tie-break on id desc. */
function userOrder(query: URLSearchParams): { column: SortColumn; direction: 1 | -1 } {
  const requested = (query.get('sort_by') ?? '').trim().toLowerCase();
  const column: SortColumn = (SORT_COLUMNS as readonly string[]).includes(requested) ? (requested as SortColumn) : 'id';
  const ascending = column !== 'id' || requested === 'id' ? (query.get('sort_order') ?? '').trim().toLowerCase() === 'asc' : false;
  return { column, direction: ascending ? 1 : -1 };
}

function sortUsers(users: readonly UserRecord[], { column, direction }: { column: SortColumn; direction: 1 | -1 }): UserRecord[] {
  return [...users].sort((a, b) => {
    const x = a[column], y = b[column];
    const primary = x < y ? -1 : x > y ? 1 : 0;
    return primary !== 0 ? primary * direction : b.id - a.id;
  });
}
