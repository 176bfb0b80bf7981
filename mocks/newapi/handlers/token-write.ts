/**
 * Creating and updating API tokens (UserAuth): `POST /api/token/` and `PUT /api/token/` (controller/token.go
 * AddToken and UpdateToken, JUL26). Both bind `model.Token` with `ShouldBindJSON` and answer a decoding failure
 * with Go's own error text.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { dataTooLong, tooLongColumn } from '../columns.js';
import { fail, ok } from '../envelope.js';
import { goDecode, type Decoded } from '../../go/json-bind.js';
import { t } from '../messages.js';
import type { NewApiState } from '../state.js';
import { TOKEN_STATUS } from '../token-state.js';
import { insertToken, MAX_REMAIN_QUOTA, tokenByIds, tokenStatus, tokenView } from '../tokens.js';

type Ctx = RequestContext<NewApiState>;

const TOKEN_FIELDS = {
  id: 'int', user_id: 'int', key: 'string', status: 'int', name: 'string', created_time: 'int64', accessed_time: 'int64',
  expired_time: 'int64', remain_quota: 'int', unlimited_quota: 'bool', model_limits_enabled: 'bool', model_limits: 'string',
  allow_ips: '*string', used_quota: 'int', group: 'string', cross_group_retry: 'bool',
} as const;
// `DeletedAt` (gorm.DeletedAt) is left out: a client never sends it, and its own decoding errors are not reproduced.
const TOKEN = { qualified: 'model.Token', name: 'Token', fields: TOKEN_FIELDS } as const;
type TokenBody = Decoded<typeof TOKEN_FIELDS>;

const seconds = (ctx: Ctx) => Math.floor(ctx.clock.now() / 1000);

/** `POST /api/token/`: answers `{"success":true,"message":""}`, without the new token's id or key, as upstream. */
export async function createToken(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await decodeToken(ctx, caller);
  if (!body.ok) return body.response;
  const { value } = body;
  const max = ctx.settings.MaxUserTokens;
  if (ctx.state.tokens.filter((row) => row.user_id === caller.id).length >= max) return fail(`已达到最大令牌数量限制 (${max})`);
  // Where upstream's insert would fail on MySQL.
  const tooLong = tooLongText(value);
  if (tooLong) return fail(dataTooLong(tooLong));
  const now = seconds(ctx);
  await insertToken(ctx.state, ctx.random, {
    user_id: caller.id,
    name: value.name,
    created_time: now,
    accessed_time: now,
    // GORM writes a column's default for a zero value: expired_time 0 becomes -1, a nil allow_ips becomes ''.
    expired_time: value.expired_time === 0 ? -1 : value.expired_time,
    remain_quota: value.remain_quota,
    unlimited_quota: value.unlimited_quota,
    model_limits_enabled: value.model_limits_enabled,
    model_limits: value.model_limits,
    allow_ips: value.allow_ips ?? '',
    group: value.group,
    cross_group_retry: value.cross_group_retry,
  });
  return ok();
}

/** `PUT /api/token/` (`?status_only=` to write only the status): answers the updated token, key masked. */
export async function updateToken(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await decodeToken(ctx, caller);
  if (!body.ok) return body.response;
  const { value } = body;
  const found = tokenByIds(ctx.state, value.id, caller.id);
  if (!found.ok) return fail(found.error);
  const row = found.token;
  const now = seconds(ctx);
  // The status as a relay request would have left it (see tokenStatus); it is written back with the update.
  const stored = tokenStatus(row, now);
  if (value.status === TOKEN_STATUS.enabled) {
    if (stored === TOKEN_STATUS.expired && row.expired_time <= now && row.expired_time !== -1) {
      return fail(t(caller.lang, 'token.expired_cannot_enable'));
    }
    if (stored === TOKEN_STATUS.exhausted && row.remain_quota <= 0 && !row.unlimited_quota) {
      return fail(t(caller.lang, 'token.exhausted_cannot_enable'));
    }
  }
  const statusOnly = (ctx.query.get('status_only') ?? '') !== '';
  // Where upstream's update would fail on MySQL, before anything is written.
  const tooLong = statusOnly ? undefined : tooLongText(value);
  if (tooLong) return fail(dataTooLong(tooLong));
  row.status = stored;
  if (statusOnly) {
    row.status = value.status;
  } else {
    // Every field is written as sent (GORM `Select(...).Updates`), zero values included.
    Object.assign(row, {
      name: value.name,
      expired_time: value.expired_time,
      remain_quota: value.remain_quota,
      unlimited_quota: value.unlimited_quota,
      model_limits_enabled: value.model_limits_enabled,
      model_limits: value.model_limits,
      allow_ips: value.allow_ips,
      group: value.group,
      cross_group_retry: value.cross_group_retry,
    });
  }
  return ok(tokenView(row, now));
}

// The text columns a token body writes, in the struct's order.
function tooLongText(value: TokenBody): string | undefined {
  return tooLongColumn({ model_limits: value.model_limits, allow_ips: value.allow_ips, group: value.group });
}

/** Binds the body and applies the checks create and update share (name length, quota range). */
async function decodeToken(ctx: Ctx, caller: Caller): Promise<{ ok: true; value: TokenBody } | { ok: false; response: Response }> {
  const body = goDecode(await ctx.readText(), TOKEN);
  if (!body.ok) return { ok: false, response: fail(body.error) };
  const { value } = body;
  // Go's len() counts bytes: 50 ASCII characters, or 16 Chinese ones.
  if (new TextEncoder().encode(value.name).length > 50) return { ok: false, response: fail(t(caller.lang, 'token.name_too_long')) };
  if (!value.unlimited_quota) {
    if (value.remain_quota < 0) return { ok: false, response: fail(t(caller.lang, 'token.quota_negative')) };
    if (value.remain_quota > MAX_REMAIN_QUOTA) {
      return { ok: false, response: fail(t(caller.lang, 'token.quota_exceed_max', { Max: String(MAX_REMAIN_QUOTA) })) };
    }
  }
  return { ok: true, value };
}
