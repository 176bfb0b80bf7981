/**
 * State records as the contract shows them: masked phones, names and credit codes, RFC 3339 times, computed
 * API key status, quotas read against today's UTC+8 date. The types come from the generated OpenAPI types, so
 * a view that drifts from `openapi/platform.yaml` does not compile.
 * @module
 */
import type { components } from 'gatewaykit/platform';
import { chinaDay, iso, isoOrNull, nextChinaMidnight } from './ids.js';
import { findEnterprise, type ApiKeyRecord, type EnterpriseRecord, type PlatformState, type UserRecord } from './state.js';

type Schemas = components['schemas'];

/**
 * `13800138000` → `138****8000`.
 *
 * @example
 * maskPhone('13800138000'); // '138****8000'
 */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/**
 * The first character, then `**`, whatever the length (`张三丰` → `张**`).
 *
 * @example
 * maskName('张三'); // '张**'
 */
export function maskName(name: string): string {
  return `${[...name][0] ?? ''}**`;
}

/**
 * The first 4 characters of a credit code, then `****`.
 *
 * @example
 * maskCreditCode('91110000MA01ABCD1M'); // '9111****'
 */
export function maskCreditCode(code: string): string {
  return `${code.slice(0, 4)}****`;
}

function membershipOf(state: PlatformState, user: UserRecord): Schemas['EnterpriseMembership'] | null {
  const enterprise = findEnterprise(state, user.enterprise_id);
  if (!enterprise || !user.enterprise_role) return null;
  return { enterprise_id: enterprise.enterprise_id, enterprise_name: enterprise.enterprise_name, role: user.enterprise_role, verify_status: enterprise.verify_status };
}

/** The caller's own account (`User`). */
export function userView(state: PlatformState, user: UserRecord): Schemas['User'] {
  return {
    user_id: user.user_id,
    email: user.email,
    email_verified: user.email_verified,
    phone: user.phone === null ? null : maskPhone(user.phone),
    user_type: user.user_type,
    nickname: user.nickname,
    avatar: user.avatar,
    realname_verified: user.user_type !== 'enterprise' && user.realname.status === 'verified',
    membership_level: user.membership_level,
    membership_expires_at: isoOrNull(user.membership_expires_at),
    platform_role: user.platform_role,
    enterprise: membershipOf(state, user),
    created_at: iso(user.created_at),
  };
}

/** A user as a platform admin sees it (`AdminUser`). */
export function adminUserView(state: PlatformState, user: UserRecord): Schemas['AdminUser'] {
  return {
    ...userView(state, user),
    status: user.status,
    frozen_at: isoOrNull(user.frozen_at),
    freeze_reason: user.freeze_reason,
    last_login_at: isoOrNull(user.last_login_at),
    created_at: iso(user.created_at),
  };
}

/** `active`, `disabled`, or `expired` once `expires_at` has passed, whatever the stored status. */
export function apiKeyStatus(key: ApiKeyRecord, nowMs: number): Schemas['ApiKeyStatus'] {
  return key.expires_at !== null && nowMs >= key.expires_at ? 'expired' : key.status;
}

/** One API key without its secret (`ApiKey`). */
export function apiKeyView(key: ApiKeyRecord, nowMs: number): Schemas['ApiKey'] {
  return {
    key_id: key.key_id,
    name: key.name,
    key_prefix: `${key.key_head}****`,
    key_type: key.key_type,
    status: apiKeyStatus(key, nowMs),
    allowed_models: [...key.allowed_models],
    allowed_ips: [...key.allowed_ips],
    last_used_at: isoOrNull(key.last_used_at),
    expires_at: isoOrNull(key.expires_at),
    created_at: iso(key.created_at),
  };
}

/** A member's quota and today's usage (`Quota`); the owner has no per-member caps. */
export function quotaView(user: UserRecord, nowMs: number): Schemas['Quota'] {
  const today = user.quota.usage_day === chinaDay(nowMs);
  const owner = user.enterprise_role === 'owner';
  return {
    tokens_per_day: owner ? null : user.quota.tokens_per_day,
    requests_per_day: owner ? null : user.quota.requests_per_day,
    tokens_used_today: today ? user.quota.tokens_used : 0,
    requests_used_today: today ? user.quota.requests_used : 0,
    resets_at: iso(nextChinaMidnight(nowMs)),
  };
}

/** A member of the caller's enterprise (`Member`). */
export function memberView(user: UserRecord, nowMs: number): Schemas['Member'] {
  return {
    member_id: user.user_id,
    email: user.email,
    nickname: user.nickname,
    role: user.enterprise_role ?? 'member',
    status: user.status,
    quota: quotaView(user, nowMs),
    joined_at: iso(user.joined_at ?? user.created_at),
  };
}

/** The enterprise profile (`EnterpriseProfile`), masked. */
export function enterpriseView(state: PlatformState, enterprise: EnterpriseRecord): Schemas['EnterpriseProfile'] {
  return {
    enterprise_id: enterprise.enterprise_id,
    enterprise_name: enterprise.enterprise_name,
    credit_code: enterprise.credit_code === null ? null : maskCreditCode(enterprise.credit_code),
    verify_status: enterprise.verify_status,
    verified_at: isoOrNull(enterprise.verified_at),
    reject_reason: enterprise.reject_reason,
    member_count: state.users.filter((u) => u.enterprise_id === enterprise.enterprise_id).length,
    contact_name: enterprise.contact_name,
    contact_phone: enterprise.contact_phone === null ? null : maskPhone(enterprise.contact_phone),
    owner_id: enterprise.owner_id,
    created_at: iso(enterprise.created_at),
  };
}

/** The caller's real-name status (`RealnameStatus`), name masked. */
export function realnameView(user: UserRecord): Schemas['RealnameStatus'] {
  const r = user.realname;
  return {
    status: r.status,
    real_name: r.real_name === null ? null : maskName(r.real_name),
    submitted_at: isoOrNull(r.submitted_at),
    verified_at: isoOrNull(r.verified_at),
    reject_reason: r.reject_reason,
  };
}
