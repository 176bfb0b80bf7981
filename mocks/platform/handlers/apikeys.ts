/**
 * The caller's API keys: `GET|POST /api/v1/users/me/apikeys`, `GET|PUT|DELETE /api/v1/users/me/apikeys/{key_id}`.
 * Keys are stored as SHA-256 plus their head and last four; the full key appears once, in the creation answer.
 * @module
 */
import { sha256Hex } from '../../core/encoding.js';
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { fail, invalid, ok } from '../envelope.js';
import { iso, idPattern, newId } from '../ids.js';
import { CODE } from '../messages.js';
import { newestFirst, paginate } from '../pagination.js';
import { apiKeyListQuery, createApiKeySchema, updateApiKeySchema } from '../schemas.js';
import type { ApiKeyRecord, PlatformState } from '../state.js';
import { readBody, readQuery } from '../validate.js';
import { apiKeyStatus, apiKeyView } from '../views.js';

type Ctx = RequestContext<PlatformState>;

const MAX_KEYS = 50;
const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const KEY_ID = idPattern('key_');
const PREFIX = { production: 'sk-prod-', test: 'sk-test-' } as const;

/** `GET /api/v1/users/me/apikeys`: newest first, filtered by type and (computed) status. */
export function listApiKeys(ctx: Ctx, caller: Caller): Response {
  const query = readQuery(ctx, apiKeyListQuery);
  if (!query.ok) return query.response;
  const { key_type, status, page, page_size } = query.value;
  const now = ctx.clock.now();
  const keys = newestFirst(
    ctx.state.api_keys.filter((k) => k.user_id === caller.user.user_id && (!key_type || k.key_type === key_type) && (!status || apiKeyStatus(k, now) === status)),
    (k) => k.created_at,
  );
  return ok(paginate(keys, page, page_size, (k) => apiKeyView(k, now)));
}

/** `POST /api/v1/users/me/apikeys` (201): the only answer with the full key. */
export async function createApiKey(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await readBody(ctx, createApiKeySchema);
  if (!body.ok) return body.response;
  const now = ctx.clock.now();
  const expiresAt = futureOrNull(body.value.expires_at, now);
  if (expiresAt === false) return invalid(ctx, [{ field: 'expires_at', reason: 'must be in the future' }]);
  if (ctx.state.api_keys.filter((k) => k.user_id === caller.user.user_id).length >= MAX_KEYS) return fail(ctx, CODE.api_key_limit);
  const secret = ctx.random.string(32, KEY_ALPHABET);
  const apiKey = PREFIX[body.value.key_type] + secret;
  const record: ApiKeyRecord = {
    key_id: newId('key_', now, ctx.random),
    user_id: caller.user.user_id,
    name: body.value.name,
    key_type: body.value.key_type,
    key_sha256: await sha256Hex(apiKey),
    key_head: PREFIX[body.value.key_type] + secret.slice(0, 4),
    last4: secret.slice(-4),
    status: 'active',
    allowed_models: body.value.allowed_models ?? [],
    allowed_ips: body.value.allowed_ips ?? [],
    last_used_at: null,
    expires_at: expiresAt,
    created_at: now,
  };
  ctx.state.api_keys.push(record);
  const { last_used_at: _unused, ...view } = apiKeyView(record, now);
  return ok({ ...view, api_key: apiKey }, 201);
}

/** `GET /api/v1/users/me/apikeys/{key_id}`: another user's key is 40402 like a missing one. */
export function getApiKey(ctx: Ctx, caller: Caller): Response {
  const key = findOwnKey(ctx, caller);
  return key ? ok(apiKeyView(key, ctx.clock.now())) : fail(ctx, CODE.api_key_not_found);
}

/** `PUT /api/v1/users/me/apikeys/{key_id}`: rename, enable or disable, change the expiry or the allow-lists. */
export async function updateApiKey(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await readBody(ctx, updateApiKeySchema);
  if (!body.ok) return body.response;
  const key = findOwnKey(ctx, caller);
  if (!key) return fail(ctx, CODE.api_key_not_found);
  const now = ctx.clock.now();
  const change = body.value;
  if (change.expires_at !== undefined) {
    const expiresAt = futureOrNull(change.expires_at, now);
    if (expiresAt === false) return invalid(ctx, [{ field: 'expires_at', reason: 'must be in the future' }]);
    key.expires_at = expiresAt;
  }
  if (change.name !== undefined) key.name = change.name;
  if (change.status !== undefined) key.status = change.status;
  if (change.allowed_models !== undefined) key.allowed_models = change.allowed_models;
  if (change.allowed_ips !== undefined) key.allowed_ips = change.allowed_ips;
  return ok(apiKeyView(key, now));
}

/** `DELETE /api/v1/users/me/apikeys/{key_id}`: gone for good (the document's 404 when absent). */
export function deleteApiKey(ctx: Ctx, caller: Caller): Response {
  const key = findOwnKey(ctx, caller);
  if (!key) return fail(ctx, CODE.api_key_not_found);
  ctx.state.api_keys = ctx.state.api_keys.filter((k) => k !== key);
  return ok(null);
}

function findOwnKey(ctx: Ctx, caller: Caller): ApiKeyRecord | undefined {
  const id = ctx.params.key_id ?? '';
  if (!KEY_ID.test(id)) return undefined;
  return ctx.state.api_keys.find((k) => k.key_id === id && k.user_id === caller.user.user_id);
}

/** Epoch ms of a future instant, `null` for never, `false` for a past one. Sub-second parts are dropped. */
function futureOrNull(value: string | null | undefined, nowMs: number): number | null | false {
  if (value === undefined || value === null) return null;
  const ms = Math.floor(Date.parse(value) / 1000) * 1000;
  return ms > nowMs ? ms : false;
}
