/**
 * The JSON upstream's handlers build from a row, field for field and in upstream's key order. Times are Python's
 * `isoformat()` of UTC values (`+00:00`, microseconds only when nonzero).
 * @module
 */
import type { Random } from '../core/random.js';
import { pythonIsoformat } from '../core/time-format.js';
import { displayKey } from './keys.js';
import type { AetherApiKey, AetherUser } from './state.js';

/**
 * A time as upstream prints it.
 *
 * @example
 * iso(Date.UTC(2025, 11, 25)); // '2025-12-25T00:00:00+00:00'
 */
export const iso = (ms: number): string => pythonIsoformat(ms);
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** A row of `GET /api/admin/users`: no `allowed_*`, `updated_at` or `last_login_at`. */
export function userListItem(user: AetherUser) {
  const { id, email, username, role, quota_usd, used_usd, total_usd, is_active } = user;
  return { id, email, username, role, quota_usd, used_usd, total_usd, is_active, created_at: iso(user.created_at) };
}

/** The answer of `POST /api/admin/users`. */
export function userCreated(user: AetherUser) {
  const { id, email, username, role, allowed_providers, allowed_endpoints, allowed_models, quota_usd, used_usd, total_usd, is_active } = user;
  return { id, email, username, role, allowed_providers, allowed_endpoints, allowed_models, quota_usd, used_usd, total_usd, is_active, created_at: iso(user.created_at) };
}

/** The answer of `PUT /api/admin/users/{id}`: the created view plus `updated_at`. */
export function userUpdated(user: AetherUser) {
  return { ...userCreated(user), updated_at: iso(user.updated_at) };
}

/** The answer of `GET /api/admin/users/{id}`: plus `updated_at` and `last_login_at`. */
export function userDetail(user: AetherUser) {
  return { ...userUpdated(user), last_login_at: isoOrNull(user.last_login_at) };
}

/** The answer of `GET /api/auth/me`. */
export function authMe(user: AetherUser) {
  const { id, email, username, role, is_active, quota_usd, used_usd, total_usd, allowed_providers, allowed_endpoints, allowed_models } = user;
  return { id, email, username, role, is_active, quota_usd, used_usd, total_usd, allowed_providers, allowed_endpoints, allowed_models, created_at: iso(user.created_at), last_login_at: isoOrNull(user.last_login_at) };
}

/** The preferences upstream creates on first read (no route of the contract changes them). */
const DEFAULT_PREFERENCES = {
  avatar_url: null,
  bio: null,
  default_provider: null,
  theme: 'light',
  language: 'zh-CN',
  timezone: 'Asia/Shanghai',
  notifications: { email: true, usage_alerts: true, announcements: true },
};

/** The answer of `GET /api/users/me` (`get_user_with_preferences`). */
export function myProfile(user: AetherUser, apiKeysCount: number) {
  const { id, email, username, role, is_active, quota_usd, used_usd } = user;
  return {
    id,
    email,
    username,
    role,
    is_active,
    created_at: iso(user.created_at),
    last_login_at: isoOrNull(user.last_login_at),
    preferences: structuredClone(DEFAULT_PREFERENCES),
    quota_usd,
    used_usd,
    stats: { total_cost: used_usd, total_cost_all_time: user.total_usd, api_keys_count: apiKeysCount },
  };
}

/** A key of `GET /api/admin/users/{id}/api-keys`. */
export async function userApiKey(random: Random, key: AetherApiKey) {
  return {
    id: key.id,
    name: key.name,
    key_display: await displayKey(random, key),
    is_active: key.is_active,
    total_requests: key.total_requests,
    total_cost_usd: key.total_cost_usd,
    rate_limit: key.rate_limit,
    expires_at: isoOrNull(key.expires_at),
    last_used_at: isoOrNull(key.last_used_at),
    created_at: iso(key.created_at),
  };
}

/** `GET /api/users/me/api-keys/{id}` without `include_key`. */
export async function myApiKeyDetail(random: Random, key: AetherApiKey) {
  return {
    id: key.id,
    name: key.name,
    key_display: await displayKey(random, key),
    is_active: key.is_active,
    allowed_providers: key.allowed_providers,
    force_capabilities: key.force_capabilities,
    rate_limit: key.rate_limit,
    last_used_at: isoOrNull(key.last_used_at),
    expires_at: isoOrNull(key.expires_at),
    created_at: iso(key.created_at),
  };
}

/** A key of `GET /api/users/me/api-keys`: its usage counts come from the usage rows, not the key's columns. */
export async function myApiKey(random: Random, key: AetherApiKey, stats: { requests: number; cost: number; lastUsed: number | null }) {
  return {
    id: key.id,
    name: key.name,
    key_display: await displayKey(random, key),
    is_active: key.is_active,
    last_used_at: isoOrNull(stats.lastUsed),
    created_at: iso(key.created_at),
    total_requests: stats.requests,
    total_cost_usd: stats.cost,
    allowed_providers: key.allowed_providers,
    force_capabilities: key.force_capabilities,
  };
}
