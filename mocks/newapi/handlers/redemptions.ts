/**
 * Redemption codes as administrators manage them (AdminAuth): `GET /api/redemption/`, `GET /api/redemption/search`,
 * `GET /api/redemption/:id`, `POST /api/redemption/`, `PUT /api/redemption/`, `DELETE /api/redemption/invalid` and
 * `DELETE /api/redemption/:id` (controller/redemption.go, model/redemption.go, JUL26). Deletes are soft.
 * @module
 */
import { uuidV4Hex } from '../../core/uuid.js';
import { sqlLike } from '../../go/sql-like.js';
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { REDEMPTION_STATUS, type RedemptionRecord } from '../billing-state.js';
import { fail, ok } from '../envelope.js';
import { atoi } from '../../go/strconv.js';
import { goDecode } from '../../go/json-bind.js';
import { DB, t, ZH } from '../messages.js';
import { pageQuery, paginate } from '../pagination.js';
import type { NewApiState } from '../state.js';

type Ctx = RequestContext<NewApiState>;

/** `model.Redemption` as a request body (`count` is for create only). */
const REDEMPTION = {
  qualified: 'model.Redemption',
  name: 'Redemption',
  fields: {
    id: 'int', user_id: 'int', key: 'string', status: 'int', name: 'string', quota: 'int', created_time: 'int64',
    redeemed_time: 'int64', count: 'int', used_user_id: 'int', expired_time: 'int64',
  },
} as const;

/** `model.Redemption` as JSON, in struct order; `count` is always 0 and `DeletedAt` null (lists are scoped). */
export function redemptionView(r: RedemptionRecord) {
  return {
    id: r.id, user_id: r.user_id, key: r.key, status: r.status, name: r.name, quota: r.quota, created_time: r.created_time,
    redeemed_time: r.redeemed_time, count: 0, used_user_id: r.used_user_id, DeletedAt: null, expired_time: r.expired_time,
  };
}

const live = (ctx: Ctx) => ctx.state.redemptions.filter((r) => r.deleted_at === null).sort((a, b) => b.id - a.id);
const nowSeconds = (ctx: Ctx) => Math.floor(ctx.clock.now() / 1000);

/** `GET /api/redemption/`: newest first. */
export function listRedemptions(ctx: Ctx): Response {
  return ok(paginate(live(ctx), pageQuery(ctx.query), redemptionView));
}

/**
 * `GET /api/redemption/search?keyword=&status=`: `name LIKE 'keyword%'` (a prefix; `%` and `_` stay wildcards), or
 * the id when the keyword is a number; `status` is `1` (usable), `2`, `3` or `expired`; other values are ignored.
 */
export function searchRedemptions(ctx: Ctx): Response {
  const keyword = ctx.query.get('keyword') ?? '';
  const status = ctx.query.get('status') ?? '';
  const id = atoi(keyword);
  const prefix = sqlLike(`${keyword}%`);
  const now = nowSeconds(ctx);
  const expired = (r: RedemptionRecord) => r.expired_time !== 0 && r.expired_time < now;
  const rows = live(ctx).filter((r) => {
    if (keyword !== '' && !((id.ok && r.id === id.value) || prefix.test(r.name))) return false;
    if (status === 'expired') return r.status === REDEMPTION_STATUS.enabled && expired(r);
    if (status === '1') return r.status === REDEMPTION_STATUS.enabled && !expired(r);
    if (status === '2' || status === '3') return r.status === Number(status);
    return true;
  });
  return ok(paginate(rows, pageQuery(ctx.query), redemptionView));
}

/** `GET /api/redemption/:id`. */
export function getRedemption(ctx: Ctx): Response {
  const id = atoi(ctx.params.id ?? '');
  if (!id.ok) return fail(id.error);
  const found = findRedemption(ctx, id.value);
  return 'error' in found ? fail(found.error) : ok(redemptionView(found.row));
}

/** `POST /api/redemption/ {name, count, quota, expired_time}`: `data` is the new keys. */
export async function createRedemptions(ctx: Ctx, caller: Caller): Promise<Response> {
  const { lang } = caller;
  if (!ctx.settings.PaymentComplianceConfirmed) return fail(t(lang, 'payment.compliance_required'));
  const body = goDecode(await ctx.readText(), REDEMPTION);
  if (!body.ok) return fail(body.error);
  const { name, count, quota, expired_time: expiredTime } = body.value;
  const length = [...name].length;
  if (length === 0 || length > 20) return fail(t(lang, 'redemption.name_length'));
  if (count <= 0) return fail(t(lang, 'redemption.count_positive'));
  if (count > 100) return fail(t(lang, 'redemption.count_max'));
  if (expiredTime !== 0 && expiredTime < nowSeconds(ctx)) return fail(t(lang, 'redemption.expire_time_invalid'));
  // gatewaykit: a negative code would take quota away, below zero (docs/fidelity.md).
  if (quota < 0) return fail(t(lang, 'quota.negative'));
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    // `common.GetUUID()`: a v4 UUID without its dashes.
    const key = uuidV4Hex(ctx.random);
    ctx.state.redemptions.push({
      id: ctx.state.next_redemption_id++, user_id: caller.id, key, status: REDEMPTION_STATUS.enabled, name,
      // GORM skips a zero value on insert when the column has a default: quota 0 becomes `default:100`.
      quota: quota === 0 ? 100 : quota,
      created_time: nowSeconds(ctx), redeemed_time: 0, used_user_id: 0, deleted_at: null, expired_time: expiredTime,
    });
    keys.push(key);
  }
  return ok(keys);
}

/** `PUT /api/redemption/[?status_only=1]`: name, quota and expiry, or the status alone (any value is stored). */
export async function updateRedemption(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = goDecode(await ctx.readText(), REDEMPTION);
  if (!body.ok) return fail(body.error);
  const found = findRedemption(ctx, body.value.id);
  if ('error' in found) return fail(found.error);
  const statusOnly = (ctx.query.get('status_only') ?? '') !== '';
  if (statusOnly) {
    found.row.status = body.value.status;
  } else {
    const { name, quota, expired_time: expiredTime } = body.value;
    if (expiredTime !== 0 && expiredTime < nowSeconds(ctx)) return fail(t(caller.lang, 'redemption.expire_time_invalid'));
    if (quota < 0) return fail(t(caller.lang, 'quota.negative'));
    // `Select(...).Updates`: zero values are written too, so an empty name or a quota of 0 is stored as sent.
    Object.assign(found.row, { name, quota, expired_time: expiredTime });
  }
  return ok(redemptionView(found.row));
}

/**
 * `DELETE /api/redemption/:id`: the id's parse error is ignored, so `abc` is id 0, "id 为空！" (and an
 * out-of-range id is Atoi's clamped value, which matches no code).
 */
export function deleteRedemption(ctx: Ctx): Response {
  const id = atoi(ctx.params.id ?? '');
  const value = id.ok ? id.value : id.error.endsWith('value out of range') ? Number.MAX_SAFE_INTEGER : 0;
  const found = findRedemption(ctx, value);
  if ('error' in found) return fail(found.error);
  found.row.deleted_at = ctx.clock.now();
  return ok();
}

/** `DELETE /api/redemption/invalid`: used, disabled and expired codes; `data` is how many. */
export function deleteInvalidRedemptions(ctx: Ctx): Response {
  const now = nowSeconds(ctx);
  const invalid = live(ctx).filter(
    (r) =>
      r.status === REDEMPTION_STATUS.used ||
      r.status === REDEMPTION_STATUS.disabled ||
      (r.status === REDEMPTION_STATUS.enabled && r.expired_time !== 0 && r.expired_time < now),
  );
  for (const row of invalid) row.deleted_at = ctx.clock.now();
  return ok(invalid.length);
}

/** `GetRedemptionById`: id 0 is "id 为空！", a miss (or a deleted code) `record not found`. */
function findRedemption(ctx: Ctx, id: number): { row: RedemptionRecord } | { error: string } {
  if (id === 0) return { error: ZH.idEmpty };
  const row = ctx.state.redemptions.find((r) => r.id === id && r.deleted_at === null);
  return row ? { row } : { error: DB.recordNotFound };
}
