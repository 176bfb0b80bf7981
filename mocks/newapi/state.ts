/**
 * The new-api reference server's state: plain JSON tables mirroring upstream's `users`, `abilities`, group options
 * and the cookie sessions, plus the admin options (`settings`) the control API edits.
 * @module
 */
import { indexById, inIdOrder, searchInIdOrder } from '../core/id-order.js';
import { rawForReading } from '../core/journal.js';
import type { OutboxMessage } from '../core/outbox.js';
import { ALPHANUMERIC, type Random } from '../core/random.js';
import type { RedemptionRecord, TopUpRecord } from './billing-state.js';
import { DEFAULT_PAYMENT_SETTINGS, type PaymentSettings } from './payment-settings.js';
import type { TokenRecord } from './token-state.js';

/** Upstream admin options (`common.*` in new-api) that change account behaviour. */
export interface NewApiSettings extends PaymentSettings {
  /** @default true */
  RegisterEnabled: boolean;
  /** @default true */
  PasswordRegisterEnabled: boolean;
  /** @default true */
  PasswordLoginEnabled: boolean;
  /** @default false */
  EmailVerificationEnabled: boolean;
  /** @default 0 */
  QuotaForNewUser: number;
  /** @default 0 */
  QuotaForInviter: number;
  /** @default 0 */
  QuotaForInvitee: number;
  /**
   * JUL26 disables payments, redemption codes, invitation rewards and aff transfers until the admin confirmed
   * the payment compliance terms. Upstream ships it unconfirmed; the sandbox ships it confirmed, so billing works
   * out of the box (set it to false to see the gate).
   * @default true
   */
  PaymentComplianceConfirmed: boolean;
  /** Only addresses at `EmailDomainWhitelist` domains may ask for a verification code. @default false */
  EmailDomainRestrictionEnabled: boolean;
  /** Refuse verification codes for local parts with `+` or `.`. @default false */
  EmailAliasRestrictionEnabled: boolean;
  /** @default ['gmail.com', '163.com', '126.com', 'qq.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'yahoo.com', 'foxmail.com'] */
  EmailDomainWhitelist: string[];
  /**
   * gatewaykit's switch for upstream's rate limiters (the global `/api` limit, `CriticalRateLimit`,
   * `SearchRateLimit`, the email-verification limit). Upstream turns them on and off with environment variables
   * and ships them on; here they are off for tests and on in the CLI sandbox (`rateLimits` option).
   * @default false
   */
  RateLimitEnabled: boolean;
  /** The most API tokens one user may hold (`operation_setting.MaxUserTokens`). @default 1000 */
  MaxUserTokens: number;
  /** The site name; the 2FA issuer in authenticator apps. @default 'New API' */
  SystemName: string;
}

/** Upstream's defaults, except where the sandbox must work out of the box (payments configured, compliance confirmed). */
export const DEFAULT_SETTINGS: NewApiSettings = {
  RegisterEnabled: true,
  PasswordRegisterEnabled: true,
  PasswordLoginEnabled: true,
  EmailVerificationEnabled: false,
  QuotaForNewUser: 0,
  QuotaForInviter: 0,
  QuotaForInvitee: 0,
  PaymentComplianceConfirmed: true,
  EmailDomainRestrictionEnabled: false,
  EmailAliasRestrictionEnabled: false,
  EmailDomainWhitelist: ['gmail.com', '163.com', '126.com', 'qq.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'yahoo.com', 'foxmail.com'],
  RateLimitEnabled: false,
  MaxUserTokens: 1000,
  SystemName: 'New API',
  ...DEFAULT_PAYMENT_SETTINGS,
};

/** A user's TOTP 2FA record (upstream tables `two_fas` and `two_fa_backup_codes`). */
export interface TwoFaRecord {
  /**
   * The base32 TOTP secret, sealed by the server's sealer (`mocks/core/sealer.ts`, purpose `totp-secret`): a state export
   * must hand out no working second factor. Upstream stores it in clear.
   */
  secret_sealed: string;
  enabled: boolean;
  failed_attempts: number;
  /** Epoch ms, or null when not locked. */
  locked_until: number | null;
  last_used_at: number | null;
  /** PBKDF2 hashes of the normalised `XXXX-XXXX` codes. */
  backup_codes: Array<{ hash: string; used_at: number | null }>;
}

/** A row of `users`. Field names follow upstream's columns. */
export interface UserRecord {
  id: number;
  username: string;
  /** `pbkdf2$…`, or '' for an account without a password. */
  password_hash: string;
  display_name: string;
  role: number;
  status: number;
  email: string;
  github_id: string;
  discord_id: string;
  oidc_id: string;
  wechat_id: string;
  telegram_id: string;
  linux_do_id: string;
  /** SHA-256 (hex) of the system access token; the token itself is shown once and never stored. */
  access_token_sha256: string | null;
  quota: number;
  used_quota: number;
  request_count: number;
  group: string;
  aff_code: string;
  aff_count: number;
  aff_quota: number;
  aff_history_quota: number;
  inviter_id: number;
  /** The JSON string upstream stores (`dto.UserSetting`), '' when never written. */
  setting: string;
  remark: string;
  stripe_customer: string;
  /** Unix seconds. */
  created_at: number;
  /** Unix seconds, 0 when never. */
  last_login_at: number;
  /** Soft delete: epoch ms, or null. */
  deleted_at: number | null;
  twofa: TwoFaRecord | null;
}

/** What the upstream cookie session holds (gin-contrib sessions); here kept server-side under a random id. */
export interface SessionData {
  id?: number;
  username?: string;
  role?: number;
  status?: number;
  group?: string;
  pending_user_id?: number;
  pending_username?: string;
}

/** A session with its expiry (epoch ms). */
export interface SessionRecord {
  data: SessionData;
  expires_at: number;
}

/** A row of `abilities`: which models a group may use. */
export interface AbilityRecord {
  group: string;
  model: string;
  channel_id: number;
  enabled: boolean;
}

/** Group options (`GroupRatio`, `UserUsableGroups`, `GroupGroupRatio`, `GroupSpecialUsableGroup`). */
export interface GroupOptions {
  ratio: Record<string, number>;
  usable: Record<string, string>;
  group_ratio: Record<string, Record<string, number>>;
  special_usable: Record<string, Record<string, string>>;
}

/** A code sent for verification (`common.RegisterVerificationCodeWithKey`), keyed `<purpose><key>` as upstream keys it. */
export interface VerificationCodeRecord {
  code: string;
  /** Epoch ms; codes are valid for 10 minutes. */
  created_at: number;
}

/** The whole new-api state. */
export interface NewApiState {
  settings: NewApiSettings;
  outbox: OutboxMessage[];
  users: UserRecord[];
  /** By SHA-256 (hex) of the session cookie's value: an export carries no working cookie. */
  sessions: Record<string, SessionRecord>;
  abilities: AbilityRecord[];
  groups: GroupOptions;
  verification_codes: Record<string, VerificationCodeRecord>;
  /** When each table was last swept of dead records (server clock, ms, by table): hourly, not per request. */
  swept_at: Record<string, number>;
  next_user_id: number;
  redemptions: RedemptionRecord[];
  next_redemption_id: number;
  /** API tokens (relay keys). */
  tokens: TokenRecord[];
  next_token_id: number;
  /** Online payment orders. */
  top_ups: TopUpRecord[];
  next_top_up_id: number;
}

/** Roles (`common/constants.go`). */
export const ROLE = { guest: 0, common: 1, admin: 10, root: 100 } as const;
/** User statuses. */
export const STATUS = { enabled: 1, disabled: 2 } as const;

/** Upstream's default group options. */
export function defaultGroups(): GroupOptions {
  return {
    ratio: { default: 1, vip: 1, svip: 1 },
    usable: { default: '默认分组', vip: 'vip分组' },
    group_ratio: { vip: { edit_this: 0.9 } },
    special_usable: {},
  };
}

/**
 * A user by id, as GORM's default (scoped) queries see it: soft-deleted users are invisible.
 *
 * @example
 * const user = findUser(ctx.state, 42);
 */
export function findUser(state: NewApiState, id: number): UserRecord | undefined {
  // Ids are unique in a table in id order; otherwise (an import) the first live row with the id, as before.
  if (!inIdOrder(state.users)) return state.users.find((u) => u.id === id && u.deleted_at === null);
  // The order is known now: searched directly, not checked a second time.
  const i = searchInIdOrder(rawForReading(state.users), id);
  const user = i < 0 ? undefined : state.users[i];
  return user?.deleted_at === null ? user : undefined;
}

/** A user by id including soft-deleted ones (GORM `Unscoped()`). */
export function findUserUnscoped(state: NewApiState, id: number): UserRecord | undefined {
  // By binary search when the table is in id order (every insert appends the next id): no scan per request.
  const i = indexById(state.users, id);
  return i < 0 ? undefined : state.users[i];
}

/**
 * A `model.User` with every column at Go's zero value, e.g. `model.User{Role: r, Status: s}`. Not a row: never
 * pushed into `state.users`.
 *
 * @example
 * zeroUser({ id: 999999 }); // what ManageUser goes on with when its lookup finds nothing
 */
export function zeroUser(fields: Partial<UserRecord> = {}): UserRecord {
  return {
    id: 0, username: '', password_hash: '', display_name: '', role: 0, status: 0, email: '', github_id: '', discord_id: '',
    oidc_id: '', wechat_id: '', telegram_id: '', linux_do_id: '', access_token_sha256: null, quota: 0, used_quota: 0,
    request_count: 0, group: '', aff_code: '', aff_count: 0, aff_quota: 0, aff_history_quota: 0, inviter_id: 0,
    setting: '', remark: '', stripe_customer: '', created_at: 0, last_login_at: 0, deleted_at: null, twofa: null, ...fields,
  };
}

/** A blank user row with upstream's column defaults, for inserts. */
export function newUserRecord(state: NewApiState, fields: Partial<UserRecord> & { username: string; created_at: number }): UserRecord {
  const id = state.next_user_id++;
  return {
    id, password_hash: '', display_name: '', role: ROLE.common, status: STATUS.enabled, email: '', github_id: '',
    discord_id: '', oidc_id: '', wechat_id: '', telegram_id: '', linux_do_id: '', access_token_sha256: null,
    quota: 0, used_quota: 0, request_count: 0, group: 'default', aff_code: '', aff_count: 0, aff_quota: 0,
    aff_history_quota: 0, inviter_id: 0, setting: '', remark: '', stripe_customer: '', last_login_at: 0,
    deleted_at: null, twofa: null, ...fields,
  };
}

/**
 * A fresh 4-character aff code (`GetRandomString(4)`). Upstream relies on a unique index; a collision here simply
 * draws again.
 *
 * @example
 * user.aff_code = newAffCode(ctx.state, ctx.random);
 */
export function newAffCode(state: NewApiState, random: Random): string {
  for (;;) {
    const code = random.string(4, ALPHANUMERIC);
    // Raw: a read-only scan through the journal's views costs a trap per row (250 ms a write at 100,000 users).
    if (!rawForReading(state.users).some((u) => u.aff_code === code)) return code;
  }
}
