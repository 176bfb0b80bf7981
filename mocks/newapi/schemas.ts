/**
 * Request bodies as new-api's Go handlers decode them (`encoding/json` into a struct), described for the shared
 * binder in `mocks/go/json-bind.ts`: keys match field tags case-insensitively, unknown keys are ignored, `null`
 * leaves the zero value, and a value of the wrong JSON type fails the whole decode.
 * @module
 */
import { goBind, goDecode, goDecodeMap, type Decoded, type GoKind, type GoStruct } from '../go/json-bind.js';
import type { RequestContext } from '../core/types.js';
import type { NewApiState } from './state.js';

const USER_FIELDS = {
  id: 'int',
  username: 'string',
  password: 'string',
  original_password: 'string',
  display_name: 'string',
  role: 'int',
  status: 'int',
  email: 'string',
  github_id: 'string',
  discord_id: 'string',
  oidc_id: 'string',
  wechat_id: 'string',
  telegram_id: 'string',
  verification_code: 'string',
  quota: 'int',
  used_quota: 'int',
  request_count: 'int',
  group: 'string',
  aff_code: 'string',
  aff_count: 'int',
  aff_quota: 'int',
  aff_history_quota: 'int',
  inviter_id: 'int',
  DeletedAt: 'gorm.DeletedAt',
  linux_do_id: 'string',
  setting: 'string',
  remark: 'string',
  stripe_customer: 'string',
  created_at: 'int',
  last_login_at: 'int',
  admin_permissions: 'map[string]map[string]bool',
} as const satisfies Record<string, GoKind>;

/** `model.User`, the body of register, admin create and admin update. */
export const userSchema = { qualified: 'model.User', name: 'User', fields: USER_FIELDS } as const satisfies GoStruct;
/** A decoded `model.User` body. */
export type UserBody = Decoded<typeof USER_FIELDS>;

/** `controller.LoginRequest`. */
export const loginSchema = { qualified: 'controller.LoginRequest', name: 'LoginRequest', fields: { username: 'string', password: 'string' } } as const satisfies GoStruct;

/** `controller.Verify2FARequest` (`binding:"required"` on `code`: an empty code fails the bind too). */
export const twoFaLoginSchema = {
  qualified: 'controller.Verify2FARequest',
  name: 'Verify2FARequest',
  fields: { code: 'string' },
  required: { code: 'Code' },
} as const satisfies GoStruct;

/**
 * `controller.UpdateUserSettingRequest` (`PUT /api/user/setting`). `upstream_model_update_notify_enabled` is a
 * `*bool`: absent or `null` keeps the stored value.
 */
export const userSettingSchema = {
  qualified: 'controller.UpdateUserSettingRequest',
  name: 'UpdateUserSettingRequest',
  fields: {
    notify_type: 'string',
    quota_warning_threshold: 'float64',
    webhook_url: 'string',
    webhook_secret: 'string',
    notification_email: 'string',
    bark_url: 'string',
    gotify_url: 'string',
    gotify_token: 'string',
    gotify_priority: 'int',
    upstream_model_update_notify_enabled: '*bool',
    accept_unset_model_ratio_model: 'bool',
    record_ip_log: 'bool',
  },
} as const satisfies GoStruct;
/** A decoded `UpdateUserSettingRequest`. */
export type UserSettingBody = Decoded<(typeof userSettingSchema)['fields']>;

/**
 * Reads and decodes the body. `undefined` when it is not JSON or does not fit the struct (the handler answers
 * with its own message); a body over the limit still propagates as a 413.
 *
 * @example
 * const body = await decodeBody(ctx, loginSchema);
 * if (!body) return fail(t(lang, 'common.invalid_params'));
 */
export async function decodeBody<F extends Record<string, GoKind>>(ctx: RequestContext<NewApiState>, struct: GoStruct & { fields: F }): Promise<Decoded<F> | undefined> {
  const decoded = goDecode(await ctx.readText(), struct);
  return decoded.ok ? decoded.value : undefined;
}

/**
 * `PUT /api/user/self` decodes into `map[string]interface{}`: any object, or `null` (an empty map here).
 *
 * @example
 * const raw = await decodeMapBody(ctx);
 */
export async function decodeMapBody(ctx: RequestContext<NewApiState>): Promise<Record<string, unknown> | undefined> {
  const decoded = goDecodeMap(await ctx.readText());
  return decoded.ok ? (decoded.value ?? {}) : undefined;
}

/**
 * A decoded map bound again into `model.User`, as `json.Marshal` then `json.Unmarshal` does in `UpdateSelf`.
 *
 * @example
 * const body = bindUser(raw);
 */
export function bindUser(map: Record<string, unknown>): UserBody | undefined {
  const bound = goBind(map, userSchema);
  return bound.ok ? bound.value : undefined;
}
