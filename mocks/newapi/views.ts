/**
 * The JSON shapes new-api answers with for a user: the login map, `GET /self`'s map and the `model.User` struct
 * (admin list, search, retrieve, manage). Key order follows upstream's struct order.
 * @module
 */
import { parseSetting } from './setting.js';
import { ROLE, zeroUser, type UserRecord } from './state.js';

/** `model.User` as admins see it (password and access token omitted). */
export type AdminUserView = ReturnType<typeof adminUserView>;

/**
 * The `model.User` JSON: `password`, `original_password` and `verification_code` are always "", `DeletedAt` is an
 * RFC 3339 time or null, `remark` is omitted when empty.
 *
 * @example
 * ok({ page: 1, page_size: 10, total: users.length, items: users.map(adminUserView) });
 */
export function adminUserView(u: UserRecord) {
  return {
    id: u.id,
    username: u.username,
    password: '',
    original_password: '',
    display_name: u.display_name,
    role: u.role,
    status: u.status,
    email: u.email,
    github_id: u.github_id,
    discord_id: u.discord_id,
    oidc_id: u.oidc_id,
    wechat_id: u.wechat_id,
    telegram_id: u.telegram_id,
    verification_code: '',
    quota: u.quota,
    used_quota: u.used_quota,
    request_count: u.request_count,
    group: u.group,
    aff_code: u.aff_code,
    aff_count: u.aff_count,
    aff_quota: u.aff_quota,
    aff_history_quota: u.aff_history_quota,
    inviter_id: u.inviter_id,
    DeletedAt: u.deleted_at === null ? null : goTime(u.deleted_at),
    linux_do_id: u.linux_do_id,
    setting: u.setting,
    ...(u.remark ? { remark: u.remark } : {}),
    stripe_customer: u.stripe_customer,
    created_at: u.created_at,
    last_login_at: u.last_login_at,
  };
}

/** Go's `time.Time` JSON (RFC 3339 with trailing zero fractions trimmed), in UTC. */
function goTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');
}

/**
 * `model.User{Role, Status}`: the zero-valued user `POST /api/user/manage` answers with.
 *
 * @example
 * ok(zeroUserView(target.role, target.status));
 */
export function zeroUserView(role: number, status: number): AdminUserView {
  return adminUserView(zeroUser({ role, status }));
}

/**
 * The login answer (JUL26): six fields.
 *
 * @example
 * ok(loginUserView(user));
 */
export function loginUserView(u: UserRecord) {
  return { id: u.id, username: u.username, display_name: u.display_name, role: u.role, status: u.status, group: u.group };
}

/**
 * `GET /api/user/self`. `permissions` follow the role the session cached at login, as upstream reads it from
 * the context, while every other field is read from the database.
 *
 * @example
 * ok(selfUserView(user, me.role));
 */
export function selfUserView(u: UserRecord, sessionRole: number) {
  return {
    id: u.id,
    username: u.username,
    display_name: u.display_name,
    role: u.role,
    status: u.status,
    email: u.email,
    github_id: u.github_id,
    discord_id: u.discord_id,
    oidc_id: u.oidc_id,
    wechat_id: u.wechat_id,
    telegram_id: u.telegram_id,
    group: u.group,
    quota: u.quota,
    used_quota: u.used_quota,
    request_count: u.request_count,
    aff_code: u.aff_code,
    aff_count: u.aff_count,
    aff_quota: u.aff_quota,
    aff_history_quota: u.aff_history_quota,
    inviter_id: u.inviter_id,
    linux_do_id: u.linux_do_id,
    setting: u.setting,
    stripe_customer: u.stripe_customer,
    sidebar_modules: sidebarModules(u.setting),
    permissions: permissionsFor(sessionRole),
  };
}

function sidebarModules(setting: string): string {
  const value: unknown = parseSetting(setting).sidebar_modules;
  return typeof value === 'string' ? value : '';
}

function permissionsFor(role: number) {
  if (role === ROLE.root) return { sidebar_settings: false, sidebar_modules: {} };
  if (role === ROLE.admin) return { sidebar_settings: true, sidebar_modules: { admin: { setting: false } } };
  return { sidebar_settings: true, sidebar_modules: { admin: false } };
}
