// How new-api's objects read as the normalized ones: the pure half of the newapi adapter.
import type { NewApiClient } from '../../newapi/client.js';
import type { LoginUser } from '../../newapi/resources/auth.js';
import type { SelfUser } from '../../newapi/resources/self.js';
import type { Token, TokenWithKey } from '../../newapi/resources/tokens.js';
import type { User } from '../../newapi/resources/users.js';
import { isoFromUnixSeconds } from '../internal/iso-time.js';
import { Money } from '../money.js';
import type { CreatedGatewayKey, GatewayKey, GatewayRole, GatewayUser, QuotaFigures } from '../types.js';

type AnyUser = User | SelfUser | LoginUser;

/** new-api's roles: 100 root, 10 admin, 1 common user (anything in between reads as the role below it). */
export function roleOf(role: number): GatewayRole {
  return role >= 100 ? 'owner' : role >= 10 ? 'admin' : 'user';
}

/** The quota per USD this client converts with (its `quotaPerUnit`). */
export function quotaPerUsd(client: NewApiClient): number {
  return client.usdToQuota(1);
}

/** A user's `quota` is what is left: spending lowers it and raises `used_quota`, and nothing resets either. */
export function figuresOf(user: { quota: number; used_quota: number }, perUsd: number): QuotaFigures {
  const amount = Money.of('quota', user.quota, { quotaPerUsd: perUsd });
  return { kind: 'balance', amount, used: Money.of('quota', user.used_quota, { quotaPerUsd: perUsd }), remaining: amount, period: 'lifetime' };
}

export function toUser<U extends AnyUser>(user: U, perUsd: number): GatewayUser<U> {
  // The admin list includes soft-deleted users (the console's delete): they can no longer log in, so disabled.
  const deleted = 'DeletedAt' in user && user.DeletedAt !== null;
  const normalized: GatewayUser<U> = { id: String(user.id), name: user.username, role: roleOf(user.role), status: user.status === 1 && !deleted ? 'active' : 'disabled', raw: user };
  if ('email' in user && user.email) normalized.email = user.email;
  if ('quota' in user) normalized.quota = figuresOf(user, perUsd);
  if ('created_at' in user && user.created_at) normalized.createdAt = isoFromUnixSeconds(user.created_at);
  return normalized;
}

const TOKEN_STATUS = { 1: 'active', 2: 'disabled', 3: 'expired', 4: 'exhausted' } as const;

export function toKey(token: Token): GatewayKey<Token> {
  const key: GatewayKey<Token> = {
    id: String(token.id),
    name: token.name,
    // The relay takes keys as `sk-<key>`; the list's `key` is the masked 48 characters without it.
    masked: `sk-${token.key}`,
    status: TOKEN_STATUS[token.status as keyof typeof TOKEN_STATUS] ?? 'disabled',
    userId: String(token.user_id),
    raw: token,
  };
  if (token.expired_time !== -1) key.expiresAt = isoFromUnixSeconds(token.expired_time);
  return key;
}

export function toCreatedKey(token: TokenWithKey): CreatedGatewayKey<TokenWithKey> {
  const { key } = token;
  const masked = `sk-${key.slice(0, 4)}${'*'.repeat(10)}${key.slice(-4)}`;
  return { ...toKey(token), masked, secret: `sk-${key}`, raw: token };
}

/** A normalized id as new-api's integer, refused before any request when it is not one. */
export function intId(id: string, operation: string): number {
  if (typeof id !== 'string' || !/^[1-9]\d{0,15}$/.test(id)) throw new TypeError(`Failed to call ${operation}: ${JSON.stringify(id)} is not a new-api id. Please pass the user's or token's id as a string of digits, e.g. "42".`);
  return Number(id);
}

/** An amount as whole quota: `quota` as is, `usd` at the client's rate (exact, or a RangeError). */
export function toQuotaUnits(amount: Money, perUsd: number, operation: string): number {
  if (!(amount instanceof Money) || (amount.unit !== 'quota' && amount.unit !== 'usd')) {
    throw new TypeError(`Failed to call ${operation}: new-api's quota is money. Please pass a Money in quota or usd.`);
  }
  const quota = amount.unit === 'quota' && amount.quotaPerUsd === perUsd ? amount : amount.to('usd').to('quota', { quotaPerUsd: perUsd });
  const value = quota.toNumber();
  if (!Number.isSafeInteger(value)) throw new RangeError(`Failed to call ${operation}: ${quota.toString()} is not a whole quota. Please round it first.`);
  return value;
}
