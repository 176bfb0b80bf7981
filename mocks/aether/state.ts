/**
 * The aether reference server's state: plain JSON tables shaped after upstream's `users`, `api_keys` and `usage`
 * rows, the access tokens revoked by logout (by SHA-256, as upstream's Redis blacklist keys them), and the settings
 * the control API edits. Times are epoch milliseconds; the views print them as Python's `isoformat()`.
 * @module
 */
import type { OutboxMessage } from '../core/outbox.js';

/** Server options. */
export interface AetherSettings {
  /** Upstream's `enable_registration` system config, seeded `false`. @default false */
  enable_registration: boolean;
  /**
   * gatewaykit's switch for upstream's per-address limits (login 5 and register 3 per 60 s). Off for tests, on in
   * the CLI sandbox (`rateLimits` option).
   * @default false
   */
  RateLimitEnabled: boolean;
  /**
   * Upstream's `CORS_ORIGINS`: the origins its `CORSMiddleware` allows; `[]` is no middleware (upstream in Docker,
   * where `ENVIRONMENT` defaults to `production`). The default is upstream's when run from source, where
   * `ENVIRONMENT` defaults to `development`: the four local dev-server origins.
   * @default ['http://localhost:3000', 'http://localhost:5173', 'http://127.0.0.1:3000', 'http://127.0.0.1:5173']
   */
  CorsOrigins: string[];
  /** Upstream's `CORS_ALLOW_CREDENTIALS`. @default true */
  CorsAllowCredentials: boolean;
}

/** `src/config/settings.py`'s origins for `ENVIRONMENT=development` without `CORS_ORIGINS`. */
export const DEVELOPMENT_CORS_ORIGINS: readonly string[] = ['http://localhost:3000', 'http://localhost:5173', 'http://127.0.0.1:3000', 'http://127.0.0.1:5173'];

/** The defaults a new server starts with. */
export const DEFAULT_SETTINGS: AetherSettings = {
  enable_registration: false,
  RateLimitEnabled: false,
  CorsOrigins: [...DEVELOPMENT_CORS_ORIGINS],
  CorsAllowCredentials: true,
};

export type AetherRole = 'admin' | 'user';

/** A row of upstream's `users` table, less what no route in the contract reads. */
export interface AetherUser {
  id: string;
  /** As sent (create) or lower-cased (admin update); compared exactly. */
  email: string;
  username: string;
  /** The core's PBKDF2 over the first 72 UTF-8 bytes, as bcrypt 4 hashes them (./passwords.ts). */
  password_hash: string;
  role: AetherRole;
  allowed_providers: string[] | null;
  allowed_endpoints: string[] | null;
  allowed_models: string[] | null;
  /** `null`: unlimited. */
  quota_usd: number | null;
  /** This period's spending, reset by `PATCH …/quota`. */
  used_usd: number;
  /** Lifetime spending. */
  total_usd: number;
  is_active: boolean;
  created_at: number;
  updated_at: number;
  last_login_at: number | null;
}

/** A row of upstream's `api_keys` table. */
export interface AetherApiKey {
  id: string;
  user_id: string;
  /** SHA-256 hex of the full key. */
  key_hash: string;
  /** The full key sealed by the server (mocks/core/sealer.ts); `null` for a key stored without it. */
  key_encrypted: string | null;
  name: string | null;
  total_requests: number;
  total_cost_usd: number;
  balance_used_usd: number;
  current_balance_usd: number | null;
  is_standalone: boolean;
  allowed_providers: string[] | null;
  allowed_endpoints: string[] | null;
  allowed_api_formats: string[] | null;
  allowed_models: string[] | null;
  rate_limit: number;
  concurrent_limit: number;
  force_capabilities: Record<string, boolean> | null;
  is_active: boolean;
  last_used_at: number | null;
  expires_at: number | null;
  auto_delete_on_expiry: boolean;
  created_at: number;
  updated_at: number;
}

/** A row of upstream's `usage` table: what the statistics read. Added through `POST /__mock/usages`. */
export interface AetherUsage {
  id: string;
  /** `null` once the user is deleted (upstream's `ON DELETE SET NULL`). */
  user_id: string | null;
  api_key_id: string | null;
  provider: string;
  provider_id: string | null;
  model: string;
  api_format: string | null;
  /** `pending`, `streaming`, `completed`, `failed`. */
  status: string;
  status_code: number;
  error_message: string | null;
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  total_cost_usd: number;
  actual_total_cost_usd: number;
  cache_creation_cost_usd: number;
  cache_read_cost_usd: number;
  response_time_ms: number | null;
  created_at: number;
}

/** Everything the aether reference server keeps. */
export interface AetherState {
  settings: AetherSettings;
  outbox: OutboxMessage[];
  /** In creation order, which is the order upstream's unordered list query gives on a fresh PostgreSQL table. */
  users: AetherUser[];
  api_keys: AetherApiKey[];
  usages: AetherUsage[];
  /** Access tokens revoked by logout: SHA-256 hex of the token → its `exp` (seconds), dropped once past it. */
  revoked_tokens: Record<string, number>;
  /** When each table was last swept (mocks/core/sweep.ts). */
  swept_at: Record<string, number>;
}
