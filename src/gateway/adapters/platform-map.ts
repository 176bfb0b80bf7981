// How the platform's objects read as the normalized ones: the pure half of the platform adapter.
import type { ApiKey, CreatedApiKey } from '../../platform/resources/api-keys.js';
import type { User } from '../../platform/resources/me.js';
import type { Member, Quota } from '../../platform/resources/members.js';
import { Money } from '../money.js';
import type { CreatedGatewayKey, GatewayKey, GatewayUser, QuotaFigures } from '../types.js';

/** A member's daily token cap: a `limit` that `tokens_used_today` counts against, reset each day (00:00 UTC+8). */
export function figuresOf(quota: Quota): QuotaFigures {
  const amount = quota.tokens_per_day === null ? null : Money.of('tokens', quota.tokens_per_day);
  const used = Money.of('tokens', quota.tokens_used_today);
  const left = amount?.subtract(used);
  return { kind: 'limit', amount, used, remaining: left === undefined ? null : left.isNegative() ? Money.of('tokens', 0) : left, period: 'day' };
}

export function memberToUser(member: Member): GatewayUser<Member> {
  return {
    id: member.member_id,
    name: member.nickname,
    email: member.email,
    role: member.role,
    status: member.status === 'active' ? 'active' : 'disabled',
    quota: figuresOf(member.quota),
    createdAt: member.joined_at,
    raw: member,
  };
}

/** The caller: their enterprise role where they have one, else `admin` for a platform admin and `user` for the rest. */
export function meToUser(me: User): GatewayUser<User> {
  const role = me.enterprise?.role ?? (me.platform_role === 'admin' ? 'admin' : 'user');
  // Only an active account gets this far: a frozen one's token answers 40302.
  return { id: me.user_id, name: me.nickname, email: me.email, role, status: 'active', createdAt: me.created_at, raw: me };
}

export function toKey<K extends ApiKey | CreatedApiKey>(key: K): GatewayKey<K> {
  const normalized: GatewayKey<K> = { id: key.key_id, name: key.name, masked: key.key_prefix, status: key.status, raw: key };
  if (key.expires_at !== null) normalized.expiresAt = key.expires_at;
  return normalized;
}

export function toCreatedKey(key: CreatedApiKey): CreatedGatewayKey<CreatedApiKey> {
  return { ...toKey(key), secret: key.api_key, raw: key };
}

/** An amount as the platform's whole daily token count. */
export function toTokens(amount: Money, operation: string): number {
  if (!(amount instanceof Money) || amount.unit !== 'tokens') {
    throw new TypeError(`Failed to call ${operation}: the platform's quota counts tokens per day. Please pass Money.of('tokens', n).`);
  }
  const value = amount.toNumber();
  if (!Number.isSafeInteger(value) || !/^-?\d+$/.test(amount.toString())) throw new RangeError(`Failed to call ${operation}: ${amount.toString()} is not a whole number of tokens. Please round it first.`);
  return value;
}
