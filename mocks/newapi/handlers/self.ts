/**
 * The caller's own account (UserAuth): `GET|PUT|DELETE /api/user/self`, `GET /api/user/self/groups`,
 * `GET /api/user/models` and `GET /api/user/token` (controller/user.go, JUL26).
 * @module
 */
import { rawForReading } from '../../core/journal.js';
import { sha256Hex, toBase64 } from '../../core/encoding.js';
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { tooLongColumn } from '../columns.js';
import { fail, ok } from '../envelope.js';
import { validateUser } from '../user-rules.js';
import { groupsView, usableGroups } from '../groups.js';
import { DB, t } from '../messages.js';
import { bindUser, decodeMapBody } from '../schemas.js';
import { parseSetting, stringifySetting } from '../setting.js';
import { findUser, ROLE, type NewApiState } from '../state.js';
import { selfUserView } from '../views.js';

type Ctx = RequestContext<NewApiState>;

// UpdateSelf and UpdateUser put this in an empty password "to make the validator happy", then take it out again.
const PLACEHOLDER_PASSWORD = '$I_LOVE_U';

/** `GET /api/user/self`. */
export function getSelf(ctx: Ctx, caller: Caller): Response {
  const user = findUser(ctx.state, caller.id);
  return user ? ok(selfUserView(user, caller.role)) : fail(DB.recordNotFound);
}

/** `PUT /api/user/self`: `sidebar_modules`, else `language`, else the profile fields. */
export async function updateSelf(ctx: Ctx, caller: Caller): Promise<Response> {
  const raw = await decodeMapBody(ctx);
  if (!raw) return fail(t(caller.lang, 'common.invalid_params'));
  for (const key of ['sidebar_modules', 'language'] as const) {
    if (!(key in raw)) continue;
    const user = findUser(ctx.state, caller.id);
    if (!user) return fail(DB.recordNotFound);
    const setting = parseSetting(user.setting);
    const value = raw[key];
    // A non-string value is ignored, yet the answer is still a success.
    if (typeof value === 'string') setting[key] = value;
    const text = stringifySetting(setting);
    // `UpdateUserSetting` failing (on MySQL) answers this, whatever the database said.
    if (tooLongColumn({ setting: text })) return fail(t(caller.lang, 'common.update_failed'));
    user.setting = text;
    return ok(null, t(caller.lang, 'common.update_success'));
  }
  const body = bindUser(raw);
  if (!body) return fail(t(caller.lang, 'common.invalid_params'));
  if (validateUser({ ...body, password: body.password || PLACEHOLDER_PASSWORD })) return fail(t(caller.lang, 'common.invalid_input'));
  const password = body.password === PLACEHOLDER_PASSWORD ? '' : body.password;
  const user = findUser(ctx.state, caller.id);
  if (password !== '') {
    if (!user) return fail(DB.recordNotFound);
    if (user.password_hash === '') return fail(t(caller.lang, 'user.password_unset'));
    if (!(await ctx.verifyPassword(body.original_password, user.password_hash))) return fail(t(caller.lang, 'user.original_password_error'));
  }
  if (!user) return fail(DB.recordNotFound);
  if (body.username !== '' && rawForReading(ctx.state.users).some((u) => u.username === body.username && u.id !== user.id)) return fail(DB.usernameTaken);
  const passwordHash = password !== '' ? await ctx.hashPassword(password) : undefined;
  // GORM Updates(struct) skips zero values: empty fields stay as they were.
  if (body.username !== '') user.username = body.username;
  if (body.display_name !== '') user.display_name = body.display_name;
  if (passwordHash) user.password_hash = passwordHash;
  return ok();
}

/** `DELETE /api/user/self`: a soft delete; root is refused; the session keeps working. */
export function deleteSelf(ctx: Ctx, caller: Caller): Response {
  const user = findUser(ctx.state, caller.id);
  if (user?.role === ROLE.root) return fail(t(caller.lang, 'user.cannot_delete_root_user'));
  // A missing user is not an error upstream: the soft delete just touches no row.
  if (user) user.deleted_at = ctx.clock.now();
  return ok();
}

/** `GET /api/user/self/groups`: the caller's usable groups, group read from the database. */
export function getSelfGroups(ctx: Ctx, caller: Caller): Response {
  return ok(groupsView(ctx.state.groups, findUser(ctx.state, caller.id)?.group ?? ''));
}

/** `GET /api/user/models[?group=g]`: enabled models of the usable groups; `null` when there are none. */
export function getModels(ctx: Ctx, caller: Caller): Response {
  const user = findUser(ctx.state, caller.id);
  if (!user) return fail(DB.recordNotFound);
  const groups = usableGroups(ctx.state.groups, user.group);
  const enabledModels = (group: string) => [...new Set(ctx.state.abilities.filter((a) => a.group === group && a.enabled).map((a) => a.model))];
  const only = ctx.query.get('group') ?? '';
  if (only !== '') {
    if (!(only in groups)) return ok([]);
    const models = enabledModels(only);
    return ok(models.length ? models : null);
  }
  const models: string[] = [];
  for (const group of Object.keys(groups).sort()) {
    for (const model of enabledModels(group)) if (!models.includes(model)) models.push(model);
  }
  // Go serialises the nil slice as null.
  return ok(models.length ? models : null);
}

/** `GET /api/user/token`: rotates the system access token; only its SHA-256 is kept. */
export async function generateAccessToken(ctx: Ctx, caller: Caller): Promise<Response> {
  const user = findUser(ctx.state, caller.id);
  if (!user) return fail(DB.recordNotFound);
  // GenerateRandomKey(29 + rand(4)): base64 of 21–24 random bytes, 28 or 32 characters.
  const length = 29 + ctx.random.int(4);
  const token = toBase64(ctx.random.bytes(Math.floor((length * 3) / 4)));
  const digest = await sha256Hex(token);
  if (ctx.state.users.some((u) => u.access_token_sha256 === digest && u.deleted_at === null)) return fail(t(caller.lang, 'common.uuid_duplicate'));
  user.access_token_sha256 = digest;
  return ok(token);
}
