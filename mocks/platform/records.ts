/**
 * Factories for new user and enterprise records, shared by registration, invitation acceptance and the seed,
 * so every path fills every column the same way.
 * @module
 */
import type { Random } from '../core/random.js';
import { chinaDay, newId } from './ids.js';
import { emptyQuota, emptyRealname, type EnterpriseRecord, type UserRecord } from './state.js';

/** The columns a caller decides; everything else gets its default. */
export interface NewUserFields {
  email: string;
  password_hash: string;
  user_type: UserRecord['user_type'];
  phone?: string | null;
  nickname?: string;
  email_verified?: boolean;
  platform_role?: UserRecord['platform_role'];
  membership_level?: UserRecord['membership_level'];
  membership_expires_at?: number | null;
}

/**
 * A user record created at `nowMs`; the nickname defaults to the email's local part (at most 32 characters).
 *
 * @example
 * const user = newUserRecord({ email, password_hash, user_type: 'personal' }, ctx.clock.now(), ctx.random);
 */
export function newUserRecord(fields: NewUserFields, nowMs: number, random: Random): UserRecord {
  return {
    user_id: newId('u_', nowMs, random),
    email: fields.email,
    email_verified: fields.email_verified ?? false,
    phone: fields.phone ?? null,
    password_hash: fields.password_hash,
    user_type: fields.user_type,
    nickname: fields.nickname ?? defaultNickname(fields.email),
    avatar: null,
    membership_level: fields.membership_level ?? 'free',
    membership_expires_at: fields.membership_expires_at ?? null,
    platform_role: fields.platform_role ?? 'user',
    enterprise_id: null,
    enterprise_role: null,
    joined_at: null,
    quota: emptyQuota(chinaDay(nowMs)),
    status: 'active',
    frozen_at: null,
    freeze_reason: null,
    last_login_at: null,
    created_at: nowMs,
    realname: emptyRealname(),
  };
}

/**
 * A new, unverified enterprise owned by `owner`, who becomes its `owner` member.
 *
 * @example
 * state.enterprises.push(newEnterprise(user, body.enterprise_name, now, ctx.random));
 */
export function newEnterprise(owner: UserRecord, name: string, nowMs: number, random: Random): EnterpriseRecord {
  owner.enterprise_id = newId('ent_', nowMs, random);
  owner.enterprise_role = 'owner';
  owner.joined_at = nowMs;
  return {
    enterprise_id: owner.enterprise_id,
    enterprise_name: name,
    owner_id: owner.user_id,
    credit_code: null,
    license_image: null,
    verify_status: 'unverified',
    verified_at: null,
    reject_reason: null,
    contact_name: null,
    contact_phone: null,
    created_at: nowMs,
  };
}

/**
 * The email's local part as a nickname (1–32 characters).
 *
 * @example
 * defaultNickname('dev@company.com'); // 'dev'
 */
export function defaultNickname(email: string): string {
  return [...(email.split('@')[0] || 'user')].slice(0, 32).join('');
}
