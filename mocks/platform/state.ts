/**
 * The platform reference server's state: plain JSON tables (users, enterprises, sessions, keys, codes,
 * submissions) plus the server settings the control API edits. Times are epoch milliseconds; the views turn
 * them into RFC 3339 strings.
 * @module
 */
import type { OutboxMessage } from '../core/outbox.js';
import type { RsaKeyRecord, SessionRecord, CaptchaRecord, EmailCodeRecord, ApiKeyRecord, InvitationRecord, RealnameSubmission, EnterpriseSubmission, VerificationRecord, FailureRecord } from './state-tables.js';

export type { RsaKeyRecord, SessionRecord, CaptchaRecord, EmailCodeRecord, ApiKeyRecord, InvitationRecord, RealnameSubmission, EnterpriseSubmission, VerificationRecord, FailureRecord } from './state-tables.js';

/** Server options (upstream keeps them in its admin console). */
export interface PlatformSettings {
  /** Whether `POST /api/v1/users/register` accepts new accounts (40306 otherwise). @default true */
  RegisterEnabled: boolean;
  /**
   * gatewaykit's switch for the per-client rate limits of the contract (42901). Off for tests, on in the CLI
   * sandbox (`rateLimits` option).
   * @default false
   */
  RateLimitEnabled: boolean;
  /**
   * The origins a browser app may call from (CORS with credentials; no upstream to follow, see docs/fidelity.md).
   * `[]`: no CORS headers, and an OPTIONS preflight is the 40400 of any unknown route.
   * @default []
   */
  CorsOrigins: string[];
}

/** The defaults a new server starts with. */
export const DEFAULT_SETTINGS: PlatformSettings = { RegisterEnabled: true, RateLimitEnabled: false, CorsOrigins: [] };

export type UserType = 'personal' | 'enterprise' | 'member';
export type MemberRole = 'owner' | 'admin' | 'member';
export type VerifyStatus = 'unverified' | 'pending' | 'verified' | 'rejected';

/** A member's daily caps and today's counters (the day is the UTC+8 date in `usage_day`). */
export interface QuotaRecord {
  tokens_per_day: number | null;
  requests_per_day: number | null;
  tokens_used: number;
  requests_used: number;
  /** `YYYY-MM-DD` in UTC+8; counters from another day read as 0. */
  usage_day: string;
}

/** A user's real-name verification. The id-card number is kept only as a hash, never returned. */
export interface RealnameRecord {
  status: VerifyStatus;
  real_name: string | null;
  id_card_sha256: string | null;
  submitted_at: number | null;
  verified_at: number | null;
  reject_reason: string | null;
}

export interface UserRecord {
  user_id: string;
  /** Lower case. */
  email: string;
  email_verified: boolean;
  /** Full digits (admins search them); views mask them. */
  phone: string | null;
  password_hash: string;
  user_type: UserType;
  nickname: string;
  avatar: string | null;
  membership_level: 'free' | 'basic' | 'pro' | 'enterprise';
  membership_expires_at: number | null;
  platform_role: 'user' | 'admin';
  enterprise_id: string | null;
  enterprise_role: MemberRole | null;
  joined_at: number | null;
  quota: QuotaRecord;
  status: 'active' | 'frozen';
  frozen_at: number | null;
  freeze_reason: string | null;
  last_login_at: number | null;
  created_at: number;
  realname: RealnameRecord;
}

export interface EnterpriseRecord {
  enterprise_id: string;
  enterprise_name: string;
  owner_id: string;
  credit_code: string | null;
  license_image: string | null;
  verify_status: VerifyStatus;
  verified_at: number | null;
  reject_reason: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  created_at: number;
}

/** The whole platform state. */
export interface PlatformState {
  settings: PlatformSettings;
  outbox: OutboxMessage[];
  rsa_keys: RsaKeyRecord[];
  /** Every key id ever issued whose key has expired and was dropped: those answer 40011, not 40010. */
  retired_key_ids: string[];
  captchas: Record<string, CaptchaRecord>;
  /** By SHA-256 of the token; the value is its expiry. */
  captcha_tokens: Record<string, number>;
  users: UserRecord[];
  enterprises: EnterpriseRecord[];
  sessions: Record<string, SessionRecord>;
  /** When each table was last swept of dead records (server clock, ms, by table): hourly, not per request. */
  swept_at: Record<string, number>;
  /** By SHA-256 of the token. */
  access_tokens: Record<string, { session_id: string; expires_at: number }>;
  /** By SHA-256 of the token; `rotated_at` set once it was exchanged (presenting it again is reuse). */
  refresh_tokens: Record<string, { session_id: string; rotated_at: number | null }>;
  login_failures: Record<string, FailureRecord>;
  /** By `<purpose>:<email>`. */
  email_codes: Record<string, EmailCodeRecord>;
  /** Send times per address, the last 24 h. */
  email_sends: Record<string, number[]>;
  api_keys: ApiKeyRecord[];
  invitations: InvitationRecord[];
  verifications: VerificationRecord[];
}

/**
 * The user with `user_id`, if any.
 *
 * @example
 * const user = findUser(ctx.state, caller.user.user_id);
 */
export function findUser(state: PlatformState, userId: string): UserRecord | undefined {
  return state.users.find((u) => u.user_id === userId);
}

/**
 * The enterprise with `enterprise_id`, if any.
 *
 * @example
 * const enterprise = findEnterprise(ctx.state, user.enterprise_id);
 */
export function findEnterprise(state: PlatformState, enterpriseId: string | null): EnterpriseRecord | undefined {
  return enterpriseId === null ? undefined : state.enterprises.find((e) => e.enterprise_id === enterpriseId);
}

/**
 * A fresh real-name record (`unverified`).
 *
 * @example
 * user.realname = emptyRealname();
 */
export function emptyRealname(): RealnameRecord {
  return { status: 'unverified', real_name: null, id_card_sha256: null, submitted_at: null, verified_at: null, reject_reason: null };
}

/**
 * A quota with no caps and no usage.
 *
 * @example
 * user.quota = emptyQuota('2026-07-01');
 */
export function emptyQuota(day: string): QuotaRecord {
  return { tokens_per_day: null, requests_per_day: null, tokens_used: 0, requests_used: 0, usage_day: day };
}
