/**
 * new-api's auth middleware (`middleware/auth.go authHelper`, JUL26): session cookie, else access token, then the
 * `New-Api-User` header, status, role and validity checks, in upstream's order and with its statuses.
 * @module
 */
import { authedBy, type Resolution } from '../core/combinators.js';
import { sha256Hex } from '../core/encoding.js';
import type { Handler, RequestContext } from '../core/types.js';
import { fail, unauthorized } from './envelope.js';
import { atoi } from '../go/strconv.js';
import { headerLang, normalizeLang, t, type Lang } from './messages.js';
import { loadSession } from './session.js';
import { parseSetting } from './setting.js';
import { findUser, ROLE, STATUS, type NewApiState } from './state.js';

/** Who is calling, as the middleware puts it in the gin context (cached at login for sessions). */
export interface Caller {
  id: number;
  username: string;
  /** The role the session cached at login (or the database role for access tokens). */
  role: number;
  /** The language answers use: the user's saved `setting.language`, else `Accept-Language`, else en. */
  lang: Lang;
}

/** A handler behind the middleware. */
export type AuthedHandler = (ctx: RequestContext<NewApiState>, caller: Caller) => Response | Promise<Response>;

/** `Auth-Version`, the header JUL26 adds to every authenticated answer. */
export const AUTH_VERSION = '864b7076dbcd0a3c01b5520316720ebf';

const VALID_ROLES: ReadonlySet<number> = new Set([ROLE.guest, ROLE.common, ROLE.admin, ROLE.root]);

/**
 * Wraps `handler` in the middleware: `UserAuth` (role 1), `AdminAuth` (10) or `RootAuth` (100).
 *
 * @example
 * { method: 'GET', path: '/api/user/self', handler: authed(ROLE.common, getSelf) }
 */
export function authed(minRole: number, handler: AuthedHandler): Handler<NewApiState> {
  return authedBy(middleware(minRole))(async (ctx, caller) => {
    const response = await handler(ctx, caller);
    response.headers.set('Auth-Version', AUTH_VERSION);
    return response;
  });
}

/** `authHelper(c, minRole)`: the caller, or the answer upstream aborts with. */
function middleware(minRole: number) {
  return async (ctx: RequestContext<NewApiState>): Promise<Resolution<Caller>> => {
    const lang = headerLang(ctx.headers);
    const refuse = (response: Response): Resolution<Caller> => ({ ok: false, response });
    let identity: { id?: unknown; username?: unknown; role?: unknown; status?: unknown };
    const session = loadSession(ctx)?.record.data;
    if (session?.username !== undefined) {
      identity = session;
    } else {
      const header = ctx.headers.get('authorization') ?? '';
      if (header === '') return refuse(unauthorized(t(lang, 'auth.not_logged_in')));
      // strings.Replace(token, "Bearer ", "", 1): case-sensitive, first occurrence only, so a raw token works too.
      const token = header.replace('Bearer ', '');
      const digest = await sha256Hex(token);
      const user = ctx.state.users.find((u) => u.access_token_sha256 === digest && u.deleted_at === null);
      if (!user || user.username === '') return refuse(fail(t(lang, 'auth.access_token_invalid')));
      if (!validUserInfo(user.username, user.role)) return refuse(fail(t(lang, 'auth.user_info_invalid')));
      identity = user;
    }
    const apiUser = ctx.headers.get('new-api-user') ?? '';
    if (apiUser === '') return refuse(unauthorized(t(lang, 'auth.user_id_not_provided')));
    const apiUserId = atoi(apiUser);
    if (!apiUserId.ok) return refuse(unauthorized(t(lang, 'auth.user_id_format_error')));
    if (identity.id !== apiUserId.value) return refuse(unauthorized(t(lang, 'auth.user_id_mismatch')));
    if (identity.status === STATUS.disabled) return refuse(fail(t(lang, 'auth.user_banned')));
    const role = typeof identity.role === 'number' ? identity.role : ROLE.guest;
    if (role < minRole) return refuse(fail(t(lang, 'auth.insufficient_privilege')));
    const username = typeof identity.username === 'string' ? identity.username : '';
    if (!validUserInfo(username, role)) return refuse(fail(t(lang, 'auth.user_info_invalid')));
    return { ok: true, caller: { id: apiUserId.value, username, role, lang: userLang(ctx, apiUserId.value) ?? lang } };
  };
}

/**
 * `canManageTargetRole` (JUL26): root manages anyone, others only lower roles.
 *
 * @example
 * if (!canManage(caller.role, target.role)) return fail(t(caller.lang, 'user.no_permission_higher_level'));
 */
export function canManage(myRole: number, targetRole: number): boolean {
  return myRole === ROLE.root || myRole > targetRole;
}

function validUserInfo(username: string, role: number): boolean {
  return username.trim() !== '' && VALID_ROLES.has(role);
}

/** The user's saved language (`i18n` lazy lookup by id), when set. */
function userLang(ctx: RequestContext<NewApiState>, id: number): Lang | undefined {
  const saved = findUser(ctx.state, id)?.setting;
  const language = saved ? parseSetting(saved).language : undefined;
  return typeof language === 'string' && language !== '' ? normalizeLang(language) : undefined;
}
