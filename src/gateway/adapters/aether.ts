/**
 * The `aether` adapter: the normalized operations over {@link AetherClient}. Money is USD, as Aether keeps it:
 * `quota_usd` is a limit (`null`: unlimited) that spending does not lower, `used_usd` grows with every request and
 * goes back to 0 only on a reset. Ids are UUIDs; times are upstream's ISO 8601 text.
 * @module
 */
// A static import: connect() already loads this module lazily, so the client belongs in its chunk.
import { AetherClient } from '../../aether/client.js';
import type { ApiKey, CreatedApiKey } from '../../aether/resources/api-keys.js';
import type { UsageStats } from '../../aether/resources/usage.js';
import type { CreatedUserApiKey, UserApiKey } from '../../aether/resources/user-api-keys.js';
import { mapPage, singlePage } from '../internal/map-page.js';
import { Money } from '../money.js';
import type { AdapterFactory, Capabilities, CreatedGatewayKey, GatewayKey, GatewayOperations, GatewayUser, Quota, QuotaFigures, RawOf, UsageSummary } from '../types.js';
import { isoInstant } from '../internal/range.js';
import { usdAmount } from '../internal/usd.js';
import { aetherCapabilities } from './aether-capabilities.js';

type Ops = GatewayOperations<'aether'>;
type AetherUser = RawOf<'aether', 'user'> | RawOf<'aether', 'me'>;
type AetherQuota = RawOf<'aether', 'quota'>;

/**
 * Connects to Aether: logs in by email when `auth` is a login (`{ email, password }`), or starts from kept
 * `{ tokens }`; the client renews them by itself from then on.
 *
 * @example
 * const gateway = await connect({ baseURL: 'http://127.0.0.1:4011', dialect: 'aether', auth: { email: 'admin@localhost', password } });
 */
export const aetherAdapter: AdapterFactory<'aether'> = async ({ clientOptions, auth }) => {
  const tokens = 'tokens' in auth ? auth.tokens : undefined;
  const client = new AetherClient({ ...clientOptions, tokens });
  if (!('tokens' in auth)) await client.auth.login(auth);
  return { dialect: 'aether', native: client, capabilities: aetherCapabilities as Capabilities, operations: operations(client) };
};

function operations(client: AetherClient): Partial<Ops> {
  return {
    /** `GET /api/users/me`. */
    me: async (options) => userOf(await client.me.retrieve(options)),
    /** `GET /api/admin/users` (`page`/`pageSize` become `skip`/`limit`). */
    'users.list': (params = {}, options) => mapPage(client.users.list({ page: params.page, pageSize: params.pageSize }, options), userOf),
    /** `GET /api/admin/users/{user_id}`. */
    'users.retrieve': async (id, options) => userOf(await client.users.retrieve(id, options)),
    /** `POST /api/admin/users`: Aether needs an email and a password; the quota starts at upstream's $10. */
    'users.create': async (params, options) => {
      const { name, email, password, role = 'user' } = params;
      if (email === undefined || password === undefined) throw new TypeError('Failed to call users.create: Aether logs in by email, so a user needs `email` and `password`. Please pass both.');
      if (role === 'member') throw new TypeError("Failed to call users.create: Aether's roles are `admin` and `user`. Please pass one of them.");
      return userOf(await client.users.create({ username: name, email, password, role }, options));
    },
    /** `PUT /api/admin/users/{user_id}` with `{is_active: false}`: refused at the user's next call. */
    'users.disable': async (id, options) => void (await client.users.update(id, { is_active: false }, options)),
    /** `PUT /api/admin/users/{user_id}` with `{is_active: true}`. */
    'users.enable': async (id, options) => void (await client.users.update(id, { is_active: true }, options)),
    /** `DELETE /api/admin/users/{user_id}`, with every key the user holds. */
    'users.delete': (id, options) => client.users.delete(id, options),
    /** A user's keys (`GET /api/admin/users/{user_id}/api-keys`, one page) or the caller's (`GET /api/users/me/api-keys`). */
    'keys.list': (params = {}, options) =>
      params.userId === undefined
        ? mapPage(client.me.apiKeys.list(options), (key) => keyOf(key))
        : singlePage(client.users.apiKeys.list(params.userId, {}, options).map((list) => list.api_keys), (key) => keyOf(key, params.userId)),
    /** `POST /api/admin/users/{user_id}/api-keys` for a user, `POST /api/users/me/api-keys` for the caller. */
    'keys.create': async (params, options) => {
      // Aether counts expiry in whole days from the server's now (`expire_days`); a date cannot be sent exactly.
      if (params.expiresAt !== undefined) throw new TypeError('Failed to call keys.create: Aether sets a key\'s expiry as whole days from now. Please call gateway.native.users.apiKeys.create(userId, { name, expire_days }) instead.');
      const { userId, name } = params;
      return userId === undefined ? createdKeyOf(await client.me.apiKeys.create({ name }, options)) : createdKeyOf(await client.users.apiKeys.create(userId, { name }, options), userId);
    },
    /** `DELETE /api/admin/users/{user_id}/api-keys/{key_id}` for a user, `DELETE /api/users/me/api-keys/{key_id}` for the caller. */
    'keys.revoke': (id, params = {}, options) => (params.userId === undefined ? client.me.apiKeys.delete(id, options) : client.users.apiKeys.delete(params.userId, id, options)),
    /** `GET /api/admin/users/{user_id}`. */
    'quota.retrieve': async (userId, options) => quotaOf(userId, await client.users.retrieve(userId, options)),
    /** `PUT /api/admin/users/{user_id}` with `{quota_usd}`; `null` is unlimited. */
    'quota.set': async (userId, amount, options) => {
      const quota_usd = amount === null ? null : usdAmount(amount, 'aether', 'quota.set').toNumber();
      return quotaOf(userId, await client.users.update(userId, { quota_usd }, options));
    },
    /**
     * Two upstream calls, not atomic: `GET /api/admin/users/{user_id}` for the limit, then `PUT` with the sum (Aether
     * has no increment). An unlimited quota stays a RangeError: set a limit first.
     */
    'quota.add': async (userId, amount, options) => {
      const delta = usdAmount(amount, 'aether', 'quota.add');
      const { quota_usd } = await client.users.retrieve(userId, options);
      if (quota_usd === null) throw new RangeError('Failed to call quota.add: the user\'s quota is unlimited. Please set a limit with quota.set first.');
      return quotaOf(userId, await client.users.update(userId, { quota_usd: Money.of('usd', quota_usd).add(delta).toNumber() }, options));
    },
    /** `PATCH /api/admin/users/{user_id}/quota`: `used_usd` back to 0, the limit and the lifetime total kept. */
    'quota.reset': async (userId, options) => quotaOf(userId, await client.users.resetQuota(userId, options)),
    /**
     * `GET /api/admin/usage/stats` over `[from, to)`: Aether's bounds are both inclusive, so `end_date` is one
     * microsecond (its resolution) before `to`.
     */
    'usage.summary': async (params, options) => {
      const from = isoInstant(params.from, 'from');
      const to = isoInstant(params.to, 'to');
      const stats = await client.usage.stats({ start_date: from, end_date: microsecondBefore(to) }, options);
      return usageOf(asked(params.from, from), asked(params.to, to), stats);
    },
  };
}

/** Any of Aether's user answers (list row, detail, create, update, the caller's profile). */
function userOf<R extends AetherUser>(raw: R): GatewayUser<R> {
  return { id: raw.id, name: raw.username, email: raw.email, role: raw.role, status: raw.is_active ? 'active' : 'disabled', quota: figures(raw), createdAt: raw.created_at, raw };
}

function figures(raw: { quota_usd: number | null; used_usd: number }): QuotaFigures {
  const amount = raw.quota_usd === null ? null : Money.of('usd', raw.quota_usd);
  const used = Money.of('usd', raw.used_usd);
  return { kind: 'limit', amount, used, remaining: amount === null ? null : amount.subtract(used), period: 'lifetime' };
}

function quotaOf(userId: string, raw: AetherQuota): Quota<AetherQuota> {
  return { userId, ...figures(raw), raw };
}

function keyOf(raw: ApiKey | UserApiKey, userId?: string): GatewayKey<ApiKey | UserApiKey> {
  const expiresAt = 'expires_at' in raw && raw.expires_at !== null ? raw.expires_at : undefined;
  const key: GatewayKey<ApiKey | UserApiKey> = { id: raw.id, name: raw.name ?? '', masked: raw.key_display, status: raw.is_active ? 'active' : 'disabled', raw };
  if (expiresAt !== undefined) key.expiresAt = expiresAt;
  if (userId !== undefined) key.userId = userId;
  return key;
}

function createdKeyOf(raw: CreatedApiKey | CreatedUserApiKey, userId?: string): CreatedGatewayKey<CreatedApiKey | CreatedUserApiKey> {
  const key: CreatedGatewayKey<CreatedApiKey | CreatedUserApiKey> = { id: raw.id, name: raw.name, masked: raw.key_display, secret: raw.key, status: 'active', raw };
  if ('expires_at' in raw && raw.expires_at !== null) key.expiresAt = raw.expires_at;
  if (userId !== undefined) key.userId = userId;
  return key;
}

function usageOf(from: string, to: string, raw: UsageStats): UsageSummary<UsageStats> {
  return { from, to, requests: raw.total_requests, tokens: raw.total_tokens, cost: Money.of('usd', raw.total_cost), raw };
}

/** A bound as the caller wrote it (the summary answers the range as asked), a Date as its ISO text. */
function asked(value: string | Date, iso: string): string {
  return typeof value === 'string' ? value : iso;
}

/** `2026-12-01T00:00:00.000Z` → `2026-11-30T23:59:59.999999Z`. */
function microsecondBefore(iso: string): string {
  return `${new Date(Date.parse(iso) - 1).toISOString().slice(0, -1)}999Z`;
}

export { aetherCapabilities };
