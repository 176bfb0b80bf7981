/**
 * Request bodies as new-api's Go handlers decode them (`encoding/json` into a struct): keys match field tags
 * case-insensitively, unknown keys are ignored, `null` leaves the zero value, and a value of the wrong JSON type
 * fails the whole decode.
 * @module
 */
import { z } from 'zod';
import { BodyError } from '../core/body.js';
import type { RequestContext } from '../core/types.js';
import type { NewApiState } from './state.js';

const str = z.string().nullish().transform((v) => v ?? '');
const int = z.number().int().nullish().transform((v) => v ?? 0);

/** A Go struct: a JSON object (or `null`, which decodes to the zero value) with case-insensitive keys. */
function goStruct<Shape extends z.ZodRawShape>(shape: Shape) {
  const folded = new Map(Object.keys(shape).map((name) => [name.toLowerCase(), name]));
  return z.preprocess((input) => {
    if (input === null) return {};
    if (typeof input !== 'object' || Array.isArray(input)) return input;
    const out: Record<string, unknown> = {};
    // Keys are applied in document order, so a later spelling of the same field wins, as in Go.
    for (const [key, value] of Object.entries(input)) {
      const name = Object.hasOwn(shape, key) ? key : folded.get(key.toLowerCase());
      if (name !== undefined) out[name] = value;
    }
    return out;
  }, z.object(shape));
}

/** `model.User`, the body of register, admin create and admin update. */
export const userSchema = goStruct({
  id: int,
  username: str,
  password: str,
  original_password: str,
  display_name: str,
  role: int,
  status: int,
  email: str,
  github_id: str,
  discord_id: str,
  oidc_id: str,
  wechat_id: str,
  telegram_id: str,
  verification_code: str,
  quota: int,
  used_quota: int,
  request_count: int,
  group: str,
  aff_code: str,
  aff_count: int,
  aff_quota: int,
  aff_history_quota: int,
  inviter_id: int,
  DeletedAt: z.union([z.iso.datetime({ offset: true }), z.null()]).optional(),
  linux_do_id: str,
  setting: str,
  remark: str,
  stripe_customer: str,
  created_at: int,
  last_login_at: int,
  admin_permissions: z.record(z.string(), z.record(z.string(), z.boolean()).nullable()).nullish(),
});
/** A decoded `model.User` body. */
export type UserBody = z.output<typeof userSchema>;

/** `controller.LoginRequest`. */
export const loginSchema = goStruct({ username: str, password: str });

/** `controller.Verify2FARequest` (`binding:"required"`: an empty code fails too). */
export const twoFaLoginSchema = goStruct({ code: str }).refine((v) => v.code !== '');

/** `PUT /api/user/self` decodes into `map[string]interface{}`: any object, or `null`. */
export const selfUpdateSchema = z.union([z.null().transform((): Record<string, unknown> => ({})), z.record(z.string(), z.unknown())]);

/**
 * `controller.UpdateUserSettingRequest` (`PUT /api/user/setting`). `upstream_model_update_notify_enabled` is a
 * `*bool`: absent or `null` keeps the stored value.
 */
export const userSettingSchema = goStruct({
  notify_type: str,
  quota_warning_threshold: z.number().finite().nullish().transform((v) => v ?? 0),
  webhook_url: str,
  webhook_secret: str,
  notification_email: str,
  bark_url: str,
  gotify_url: str,
  gotify_token: str,
  gotify_priority: int,
  upstream_model_update_notify_enabled: z.boolean().nullish(),
  accept_unset_model_ratio_model: z.boolean().nullish().transform((v) => v ?? false),
  record_ip_log: z.boolean().nullish().transform((v) => v ?? false),
});

/**
 * Reads and decodes the body. `undefined` when it is not JSON or does not fit the struct (the handler answers
 * with its own message); a body over the limit still propagates as a 413.
 *
 * @example
 * const body = await decodeBody(ctx, loginSchema);
 * if (!body) return fail(t(lang, 'common.invalid_params'));
 */
export async function decodeBody<T>(ctx: RequestContext<NewApiState>, schema: z.ZodType<T>): Promise<T | undefined> {
  let raw: unknown;
  try {
    raw = await ctx.readJson();
  } catch (error) {
    // An empty body is as invalid as a malformed one here: both are a failed `DecodeJson`.
    if (error instanceof BodyError && error.kind !== 'too_large') return undefined;
    throw error;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
