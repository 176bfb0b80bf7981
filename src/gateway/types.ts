/**
 * The normalized types of the one client across gateways: users, keys, quotas and usage as every dialect maps
 * them, with the dialect's own answer kept as `raw`, and the {@link GatewayAdapter} each dialect implements.
 * @module
 */
import type { ClientOptions, RequestOptions } from '../core/options.js';
import type { PagePromise, PageParams } from '../core/page.js';
import type { AetherClient } from '../aether/client.js';
import type { ApiKey as AetherApiKey, CreatedApiKey as AetherCreatedApiKey } from '../aether/resources/api-keys.js';
import type { LoginParams as AetherLoginParams } from '../aether/resources/auth.js';
import type { Profile as AetherProfile } from '../aether/resources/me.js';
import type { UsageStats as AetherUsageStats } from '../aether/resources/usage.js';
import type { CreatedUserApiKey as AetherCreatedUserApiKey, UserApiKey as AetherUserApiKey } from '../aether/resources/user-api-keys.js';
import type {
  CreatedUser as AetherCreatedUser,
  QuotaReset as AetherQuotaReset,
  UpdatedUser as AetherUpdatedUser,
  User as AetherUser,
  UserListItem as AetherUserListItem,
} from '../aether/resources/users.js';
import type { SessionTokens as AetherSessionTokens } from '../aether/tokens.js';
import type { NewApiClient } from '../newapi/client.js';
import type { LoginParams as NewApiLoginParams } from '../newapi/resources/auth.js';
import type { SelfUser as NewApiSelfUser } from '../newapi/resources/self.js';
import type { Token as NewApiToken, TokenWithKey as NewApiTokenWithKey } from '../newapi/resources/tokens.js';
import type { User as NewApiUser } from '../newapi/resources/users.js';
import type { OpenCatClient } from '../opencat/client.js';
import type { Usage as OpenCatUsage } from '../opencat/resources/usages.js';
import type { User as OpenCatUser, UserProfile as OpenCatUserProfile } from '../opencat/resources/users.js';
import type { PlatformClient } from '../platform/client.js';
import type { ApiKey as PlatformApiKey, CreatedApiKey as PlatformCreatedApiKey } from '../platform/resources/api-keys.js';
import type { LoginParams as PlatformLoginParams } from '../platform/resources/auth.js';
import type { User as PlatformMe } from '../platform/resources/me.js';
import type { Member as PlatformMember, Quota as PlatformQuota } from '../platform/resources/members.js';
import type { SessionTokens as PlatformSessionTokens } from '../platform/tokens.js';
import type { Money } from './money.js';
import type { Operation } from './operations.js';

/** The four dialects `connect()` speaks. */
export type Dialect = 'newapi' | 'platform' | 'aether' | 'opencat';

/** Each dialect's own client, reachable as `gateway.native`. */
export interface DialectClients {
  newapi: NewApiClient;
  platform: PlatformClient;
  aether: AetherClient;
  opencat: OpenCatClient;
}

/** How `connect()` authenticates, per dialect: a login, or credentials the app already holds. */
export interface DialectAuth {
  /** A login (username or email, password, optional 2FA code), or a system access token with its user id. */
  newapi: NewApiLoginParams | { accessToken: string; userId: number };
  /** A login with a captcha token (the plain password; the client encrypts it), or tokens kept from an earlier login. */
  platform: PlatformLoginParams | { tokens: PlatformSessionTokens };
  /** A login, or tokens kept from an earlier one. */
  aether: AetherLoginParams | { tokens: AetherSessionTokens };
  /** A user's token (root's manages the team). */
  opencat: { token: string };
}

/** The dialect's own objects behind each normalized one, kept as `raw` (`me` and `createdKey`: what `me()` and `keys.create` answer). */
export interface DialectRaw {
  newapi: { user: NewApiUser; me: NewApiSelfUser; key: NewApiToken; createdKey: NewApiTokenWithKey; quota: NewApiUser; usage: never };
  platform: { user: PlatformMember; me: PlatformMe; key: PlatformApiKey; createdKey: PlatformCreatedApiKey; quota: PlatformQuota; usage: never };
  aether: {
    user: AetherUserListItem | AetherUser | AetherCreatedUser | AetherUpdatedUser;
    me: AetherProfile;
    key: AetherApiKey | AetherUserApiKey;
    createdKey: AetherCreatedApiKey | AetherCreatedUserApiKey;
    quota: AetherUser | AetherUpdatedUser | AetherQuotaReset;
    usage: AetherUsageStats;
  };
  /** A key is a user's token, so its raw is the user answer that holds it (the caller's is `/1/me`'s). No quota. */
  opencat: { user: OpenCatUser; me: OpenCatUserProfile; key: OpenCatUser | OpenCatUserProfile; createdKey: OpenCatUser; quota: never; usage: OpenCatUsage[] };
}

/** The dialect's raw type of one normalized object. */
export type RawOf<D extends Dialect, K extends keyof DialectRaw[Dialect]> = DialectRaw[D][K];

/** `owner` (platform's enterprise account, new-api's root), `admin`, `user` (a plain account), `member` (of a team). */
export type GatewayRole = 'owner' | 'admin' | 'user' | 'member';
/** Whether the account may log in and call. */
export type GatewayStatus = 'active' | 'disabled';

/**
 * A quota's figures. `kind` says what `amount` is: a `balance` that spending lowers (new-api's `quota`) or a
 * `limit` that spending does not change while `used` grows (Aether's `quota_usd`, platform's `tokens_per_day`).
 */
export interface QuotaFigures {
  kind: 'balance' | 'limit';
  /** The dialect's own quota field, in its unit; `null` is no cap. */
  amount: Money | null;
  /** Spent so far in the period. */
  used?: Money;
  /** What is left in the period; `null` when there is no cap. */
  remaining?: Money | null;
  /** `lifetime` (never resets by itself) or `day` (platform's caps reset daily). */
  period: 'lifetime' | 'day';
}

/** A user's quota, with the dialect's answer. */
export interface Quota<Raw = unknown> extends QuotaFigures {
  userId: string;
  raw: Raw;
}

/** A user account, normalized. */
export interface GatewayUser<Raw = unknown> {
  /** The dialect's id as a string (`"42"`, `"u_01HX…"`). */
  id: string;
  /** The login name, or the display name where the dialect has no login name. */
  name: string;
  email?: string;
  role: GatewayRole;
  status: GatewayStatus;
  quota?: QuotaFigures;
  /** ISO 8601. */
  createdAt?: string;
  raw: Raw;
}

/** An API key, normalized; `secret` is set on the create answer only. */
export interface GatewayKey<Raw = unknown> {
  id: string;
  name: string;
  /** The key as lists show it, e.g. `sk-abcd**********wxyz`. */
  masked: string;
  /** The full key: only on the answer of `keys.create`. */
  secret?: string;
  status: GatewayStatus | 'expired' | 'exhausted';
  /** ISO 8601; absent when it never expires. */
  expiresAt?: string;
  userId?: string;
  raw: Raw;
}

/** A key as `keys.create` answers it: the only time `secret` is there. */
export interface CreatedGatewayKey<Raw = unknown> extends GatewayKey<Raw> {
  /** The full key, to hand to the key's user; later answers carry only its masked form. */
  secret: string;
}

/** Usage over `[from, to)`. */
export interface UsageSummary<Raw = unknown> {
  /** ISO 8601, as asked. */
  from: string;
  to: string;
  requests?: number;
  tokens?: number;
  cost?: Money;
  /** Per user, where the dialect breaks it down. */
  users?: Array<{ userId: string; requests?: number; tokens?: number; cost?: Money }>;
  raw: Raw;
}

/** Params of `users.create`. */
export interface GatewayUserCreateParams {
  name: string;
  email?: string;
  /** Where the dialect sets one at creation. */
  password?: string;
  role?: 'admin' | 'user' | 'member';
}

/** Params of `keys.list`: paging, and `userId` for an admin acting for another user (`keys.forUser`). */
export interface GatewayKeyListParams extends PageParams {
  userId?: string;
}

/** Params of `keys.create`. */
export interface GatewayKeyCreateParams {
  name: string;
  /** For an admin acting for another user (`keys.forUser`). */
  userId?: string;
  /** ISO 8601 or a Date; never expires when absent. */
  expiresAt?: string | Date;
}

/** Params of `keys.revoke`. */
export interface GatewayKeyRevokeParams {
  /** For an admin acting for another user (`keys.forUser`). */
  userId?: string;
}

/** Params of `usage.summary`: the range `[from, to)` as ISO 8601 strings or Dates. */
export interface UsageSummaryParams {
  from: string | Date;
  to: string | Date;
}

/** Whether this dialect does an operation, and if not, what to use instead. */
export interface Capability {
  supported: boolean;
  /** When unsupported: the nearest supported operation or `native` call, as the error names it. */
  alternative?: string;
  /** How the dialect does it, where that matters to a caller (two upstream calls, not atomic, …). */
  note?: string;
}

/** Every operation's {@link Capability}: data a UI reads to hide a button. */
export type Capabilities = { readonly [O in Operation]: Capability };

/** The operations a dialect implements, keyed by name; the unsupported ones are left out. */
export interface GatewayOperations<D extends Dialect = Dialect> {
  me(options?: RequestOptions): Promise<GatewayUser<RawOf<D, 'me'>>>;
  'users.list'(params?: PageParams, options?: RequestOptions): PagePromise<GatewayUser<RawOf<D, 'user'>>, number | undefined>;
  'users.retrieve'(id: string, options?: RequestOptions): Promise<GatewayUser<RawOf<D, 'user'>>>;
  'users.create'(params: GatewayUserCreateParams, options?: RequestOptions): Promise<GatewayUser<RawOf<D, 'user'>>>;
  'users.disable'(id: string, options?: RequestOptions): Promise<void>;
  'users.enable'(id: string, options?: RequestOptions): Promise<void>;
  'users.delete'(id: string, options?: RequestOptions): Promise<void>;
  'keys.list'(params?: GatewayKeyListParams, options?: RequestOptions): PagePromise<GatewayKey<RawOf<D, 'key'>>, number | undefined>;
  'keys.create'(params: GatewayKeyCreateParams, options?: RequestOptions): Promise<CreatedGatewayKey<RawOf<D, 'createdKey'>>>;
  'keys.revoke'(id: string, params?: GatewayKeyRevokeParams, options?: RequestOptions): Promise<void>;
  'quota.retrieve'(userId: string, options?: RequestOptions): Promise<Quota<RawOf<D, 'quota'>>>;
  /** Sets the dialect's quota field (`amount`); `null` is no cap where the dialect has one. */
  'quota.set'(userId: string, amount: Money | null, options?: RequestOptions): Promise<Quota<RawOf<D, 'quota'>>>;
  /** Adds to `amount` (a negative amount subtracts). */
  'quota.add'(userId: string, amount: Money, options?: RequestOptions): Promise<Quota<RawOf<D, 'quota'>>>;
  /** Starts the period afresh: `used` back to 0, `amount` unchanged. */
  'quota.reset'(userId: string, options?: RequestOptions): Promise<Quota<RawOf<D, 'quota'>>>;
  'usage.summary'(params: UsageSummaryParams, options?: RequestOptions): Promise<UsageSummary<RawOf<D, 'usage'>>>;
}

/**
 * What each dialect implements (`src/gateway/adapters/<dialect>.ts`): its client, its capabilities, and the
 * supported operations. `connect()` turns it into a {@link Gateway} whose unsupported calls throw
 * `UnsupportedOperationError` from the same capabilities, so the data and the behaviour cannot disagree.
 */
export interface GatewayAdapter<D extends Dialect = Dialect> {
  readonly dialect: D;
  readonly native: DialectClients[D];
  readonly capabilities: Capabilities;
  readonly operations: Partial<Omit<GatewayOperations<D>, 'keys.forUser'>>;
}

/** Builds a dialect's adapter: authenticates with `auth` (a login when it is one) and answers the adapter. */
export type AdapterFactory<D extends Dialect> = (init: AdapterInit<D>) => Promise<GatewayAdapter<D>>;

/** What `connect()` hands an {@link AdapterFactory}. */
export interface AdapterInit<D extends Dialect> {
  /** The dialect client's options (`baseURL`, `fetch`, retries, …). */
  clientOptions: ClientOptions;
  auth: DialectAuth[D];
}

type Op<D extends Dialect, K extends keyof GatewayOperations> = GatewayOperations<D>[K];

/**
 * One gateway of any dialect behind one API. `native` is the dialect's own client, fully typed.
 *
 * @example
 * const gateway = await connect({ baseURL, dialect: 'newapi', auth: { username: 'root', password: '123456' } });
 * for await (const user of gateway.users.list()) console.log(user.id, user.role);
 */
export interface Gateway<D extends Dialect = Dialect> {
  readonly dialect: D;
  readonly native: DialectClients[D];
  readonly capabilities: Capabilities;
  /** The authenticated account. */
  me: Op<D, 'me'>;
  readonly users: { list: Op<D, 'users.list'>; retrieve: Op<D, 'users.retrieve'>; create: Op<D, 'users.create'>; disable: Op<D, 'users.disable'>; enable: Op<D, 'users.enable'>; delete: Op<D, 'users.delete'> };
  readonly keys: { list: Op<D, 'keys.list'>; create: Op<D, 'keys.create'>; revoke: Op<D, 'keys.revoke'> };
  readonly quota: { retrieve: Op<D, 'quota.retrieve'>; set: Op<D, 'quota.set'>; add: Op<D, 'quota.add'>; reset: Op<D, 'quota.reset'> };
  readonly usage: { summary: Op<D, 'usage.summary'> };
}
