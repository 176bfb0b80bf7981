/**
 * The token model (`model/token.go`, JUL26): lookups scoped to the owner, the JSON shape with the key masked, the
 * status as time sees it, and the tokens a fresh server starts with.
 * @module
 */
import type { Random } from '../core/random.js';
import type { NewApiState, UserRecord } from './state.js';
import { newTokenKey, type StoredKey } from './token-keys.js';
import { TOKEN_STATUS, type TokenRecord } from './token-state.js';

/** `model.GetTokenByIds`'s guard against a zero id or user id. */
export const IDS_EMPTY = 'id 或 userId 为空！';

/** The largest `remain_quota` (1e9 display units of 500000). */
export const MAX_REMAIN_QUOTA = 1_000_000_000 * 500_000;

/**
 * The status a token has at `nowSeconds`. Upstream turns an enabled token expired when a relay request finds its
 * `expired_time` passed (`ValidateUserToken`); this server has no relay, so it applies that rule on every read.
 * Exhaustion needs relay usage and is left to the stored status.
 *
 * @example
 * tokenStatus({ status: 1, expired_time: 100 }, 200); // 3
 */
export function tokenStatus(token: Pick<TokenRecord, 'status' | 'expired_time'>, nowSeconds: number): number {
  const expired = token.expired_time !== -1 && token.expired_time < nowSeconds;
  return token.status === TOKEN_STATUS.enabled && expired ? TOKEN_STATUS.expired : token.status;
}

/**
 * `model.Token` as JSON, with `MaskTokenKey` applied (JUL26 masks keys everywhere but the reveal routes).
 *
 * @example
 * ok(tokenView(token, nowSeconds));
 */
export function tokenView(t: TokenRecord, nowSeconds: number) {
  return {
    id: t.id,
    user_id: t.user_id,
    key: t.key_masked,
    status: tokenStatus(t, nowSeconds),
    name: t.name,
    created_time: t.created_time,
    accessed_time: t.accessed_time,
    expired_time: t.expired_time,
    remain_quota: t.remain_quota,
    unlimited_quota: t.unlimited_quota,
    model_limits_enabled: t.model_limits_enabled,
    model_limits: t.model_limits,
    allow_ips: t.allow_ips,
    used_quota: t.used_quota,
    group: t.group,
    cross_group_retry: t.cross_group_retry,
    DeletedAt: null,
  };
}

/**
 * The caller's tokens, newest first (`Where("user_id = ?").Order("id desc")`).
 *
 * @example
 * const mine = userTokens(ctx.state, caller.id);
 */
export function userTokens(state: NewApiState, userId: number): TokenRecord[] {
  return state.tokens.filter((t) => t.user_id === userId).sort((a, b) => b.id - a.id);
}

/**
 * `model.GetTokenByIds(id, userId)`: the token, or upstream's error text.
 *
 * @example
 * const found = tokenByIds(ctx.state, id, caller.id);
 * if (!found.ok) return fail(found.error);
 */
export function tokenByIds(state: NewApiState, id: number, userId: number): { ok: true; token: TokenRecord } | { ok: false; error: string } {
  if (id === 0 || userId === 0) return { ok: false, error: IDS_EMPTY };
  const token = state.tokens.find((t) => t.id === id && t.user_id === userId);
  return token ? { ok: true, token } : { ok: false, error: 'record not found' };
}

/**
 * Inserts a token with upstream's column defaults and a fresh key; returns the row and the key.
 *
 * @example
 * const { token, key } = await insertToken(ctx.state, ctx.random, { user_id: 1, name: 'ci', created_time: now });
 */
export async function insertToken(
  state: NewApiState,
  random: Random,
  fields: TokenFields,
): Promise<{ token: TokenRecord; key: string }> {
  const { key, stored } = await newTokenKey(random, new Set(state.tokens.map((t) => t.key_sha256)));
  const token = newTokenRecord(state, stored, fields);
  state.tokens.push(token);
  return { token, key };
}

/**
 * A token row with upstream's column defaults under the next id, for a key already stored; not yet in `state.tokens`.
 *
 * @example
 * state.tokens.push(newTokenRecord(state, stored, { user_id: 2, name: 'default', created_time: now }));
 */
export function newTokenRecord(state: NewApiState, stored: StoredKey, fields: TokenFields): TokenRecord {
  return {
    id: state.next_token_id++, ...stored, status: TOKEN_STATUS.enabled, name: '', accessed_time: fields.created_time,
    expired_time: -1, remain_quota: 0, unlimited_quota: false, model_limits_enabled: false, model_limits: '',
    allow_ips: '', used_quota: 0, group: '', cross_group_retry: false, ...fields,
  };
}

/** The columns a caller sets on a new token; the rest take upstream's defaults. */
export type TokenFields = Partial<Omit<TokenRecord, 'id' | 'key_sha256' | 'key_masked' | 'key_sealed'>> & { user_id: number; created_time: number };

/**
 * The tokens a fresh server starts with: every live user gets an unlimited `default` token, and every other one a
 * `playground` token with 10 units of quota. None expires, so seeded data never goes stale with the real clock.
 *
 * @example
 * await seedTokens(state, ctx.random);
 */
export async function seedTokens(state: NewApiState, random: Random): Promise<void> {
  const live = state.users.filter((u: UserRecord) => u.deleted_at === null);
  for (const [index, user] of live.entries()) {
    const created = user.created_at + 3_600;
    await insertToken(state, random, { user_id: user.id, name: 'default', unlimited_quota: true, created_time: created });
    if (index % 2 === 0) {
      await insertToken(state, random, { user_id: user.id, name: 'playground', remain_quota: 10 * 500_000, created_time: created + 60 });
    }
  }
}
