/**
 * The schema `PUT /__mock/state` checks an aether state against: every field a handler or a view reads, with its
 * type, `null` only where the server handles it, and the references between tables (a key's owner exists, emails and
 * usernames are unique as upstream's constraints make them). A state it accepts is one the server can serve.
 * @module
 */
import { z } from 'zod';
import { corsOriginsSchema } from '../core/cors.js';
import { passwordHashSchema } from '../core/state-checks.js';
import { DEVELOPMENT_CORS_ORIGINS, type AetherState } from './state.js';

// Years 0001-9999, what Python's isoformat prints with four digits.
const MIN_TIME_MS = -62_135_596_800_000;
const MAX_TIME_MS = 253_402_300_799_999;
const time = z.number().int().min(MIN_TIME_MS).max(MAX_TIME_MS);
const count = z.number().int().min(0);
const money = z.number().finite();
const list = z.array(z.string()).nullable();
// Exports from before the CORS settings existed import with their defaults.
const settings = z.strictObject({
  enable_registration: z.boolean(),
  RateLimitEnabled: z.boolean(),
  CorsOrigins: corsOriginsSchema.default(() => [...DEVELOPMENT_CORS_ORIGINS]),
  CorsAllowCredentials: z.boolean().default(true),
});

const outboxMessage = z.looseObject({ id: z.number().int(), channel: z.enum(['email', 'sms']), to: z.string(), subject: z.string(), body: z.string(), sent_at: z.number() });

const user = z.looseObject({
  id: z.string().min(1),
  email: z.string(),
  username: z.string(),
  password_hash: passwordHashSchema({ allowEmpty: true }),
  role: z.enum(['admin', 'user']),
  allowed_providers: list,
  allowed_endpoints: list,
  allowed_models: list,
  quota_usd: money.nullable(),
  used_usd: money,
  total_usd: money,
  is_active: z.boolean(),
  created_at: time,
  updated_at: time,
  last_login_at: time.nullable(),
});

const apiKey = z.looseObject({
  id: z.string().min(1),
  user_id: z.string(),
  key_hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be SHA-256 hex'),
  key_encrypted: z.string().nullable(),
  name: z.string().nullable(),
  total_requests: count,
  total_cost_usd: money,
  balance_used_usd: money,
  current_balance_usd: money.nullable(),
  is_standalone: z.boolean(),
  allowed_providers: list,
  allowed_endpoints: list,
  allowed_api_formats: list,
  allowed_models: list,
  rate_limit: z.number().int(),
  concurrent_limit: z.number().int(),
  force_capabilities: z.record(z.string(), z.boolean()).nullable(),
  is_active: z.boolean(),
  last_used_at: time.nullable(),
  expires_at: time.nullable(),
  auto_delete_on_expiry: z.boolean(),
  created_at: time,
  updated_at: time,
});

const usage = z.looseObject({
  id: z.string(),
  user_id: z.string().nullable(),
  api_key_id: z.string().nullable(),
  provider: z.string(),
  provider_id: z.string().nullable(),
  model: z.string(),
  api_format: z.string().nullable(),
  status: z.string(),
  status_code: z.number().int(),
  error_message: z.string().nullable(),
  input_tokens: count,
  output_tokens: count,
  total_tokens: count,
  cache_creation_input_tokens: count,
  cache_read_input_tokens: count,
  total_cost_usd: money,
  actual_total_cost_usd: money,
  cache_creation_cost_usd: money,
  cache_read_cost_usd: money,
  response_time_ms: count.nullable(),
  created_at: time,
});

/** The aether state as `PUT /__mock/state` accepts it. */
export const aetherStateSchema = z
  .looseObject({
    settings,
    outbox: z.array(outboxMessage),
    users: z.array(user),
    api_keys: z.array(apiKey),
    usages: z.array(usage).max(100_000),
    revoked_tokens: z.record(z.string(), z.number()),
    swept_at: z.record(z.string(), z.number()),
  })
  .superRefine((state, ctx) => {
    const ids = new Set<string>();
    for (const [field, values] of [
      ['id', state.users.map((u) => u.id)],
      ['email', state.users.map((u) => u.email)],
      ['username', state.users.map((u) => u.username)],
    ] as const) {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: ['users', index, field], message: `users[${index}].${field} repeats another user's (a unique column upstream)` });
        seen.add(value);
      });
    }
    for (const u of state.users) ids.add(u.id);
    const keyIds = new Set<string>();
    state.api_keys.forEach((key, index) => {
      if (!ids.has(key.user_id)) ctx.addIssue({ code: 'custom', path: ['api_keys', index, 'user_id'], message: `api_keys[${index}].user_id names no user` });
      if (keyIds.has(key.id)) ctx.addIssue({ code: 'custom', path: ['api_keys', index, 'id'], message: `api_keys[${index}].id repeats another key's` });
      keyIds.add(key.id);
    });
  }) as unknown as z.ZodType<AetherState>;
