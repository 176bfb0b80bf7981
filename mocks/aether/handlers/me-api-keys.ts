/**
 * `/api/users/me/api-keys*` (`src/api/user_me/routes.py`): the caller's keys (standalone ones they issued
 * included), with usage counts from the usage rows; create (a `name` is required), the full key again through
 * `include_key=true`, delete, and the enable/disable toggle.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { ensureJsonBody } from '../body.js';
import { deleteKeys } from '../cascade.js';
import { AetherError, httpError, invalidRequest, json, notFound } from '../envelope.js';
import { createKey, displayKey, openKey } from '../keys.js';
import { findKey, newestFirst } from '../lookup.js';
import { ME } from '../messages.js';
import { CreateMyApiKeyRequest } from '../models.js';
import type { QueryValues } from '../query.js';
import type { AetherApiKey, AetherState } from '../state.js';
import { translatePydanticError } from '../translate.js';
import { myApiKey, myApiKeyDetail } from '../views.js';

type Ctx = RequestContext<AetherState>;

/** `GET /api/users/me/api-keys`. */
export async function listMyApiKeys(ctx: Ctx, caller: Caller): Promise<Response> {
  const keys = newestFirst(ctx.state.api_keys.filter((key) => key.user_id === caller.user.id));
  const stats = new Map<string, { requests: number; cost: number; lastUsed: number | null }>();
  for (const usage of ctx.state.usages) {
    if (usage.api_key_id === null) continue;
    const entry = stats.get(usage.api_key_id) ?? { requests: 0, cost: 0, lastUsed: null };
    entry.requests += 1;
    entry.cost += usage.total_cost_usd;
    entry.lastUsed = entry.lastUsed === null ? usage.created_at : Math.max(entry.lastUsed, usage.created_at);
    stats.set(usage.api_key_id, entry);
  }
  const none = { requests: 0, cost: 0, lastUsed: null };
  return json(await Promise.all(keys.map((key) => myApiKey(ctx.random, key, stats.get(key.id) ?? none))));
}

/** `POST /api/users/me/api-keys`: an empty name gets upstream's default name. */
export async function createMyApiKey(ctx: Ctx, caller: Caller): Promise<Response> {
  const parsed = CreateMyApiKeyRequest(await ensureJsonBody(ctx));
  if (!parsed.ok) throw invalidRequest(translatePydanticError(parsed.errors[0]!));
  const { record, plain } = await createKey(ctx.random, ctx.clock.now(), { user_id: caller.user.id, name: parsed.value.name as string });
  ctx.state.api_keys.push(record);
  return json({ id: record.id, name: record.name, key: plain, key_display: await displayKey(ctx.random, record), message: ME.keyCreated });
}

/** `GET /api/users/me/api-keys/{key_id}`: the detail, or with `include_key=true` only `{key}`. */
export async function getMyApiKey(ctx: Ctx, caller: Caller, query: QueryValues): Promise<Response> {
  const key = ownKey(ctx, caller);
  if (query.include_key !== true) return json(await myApiKeyDetail(ctx.random, key));
  if (key.key_encrypted === null) throw httpError(400, ME.noStoredKey);
  const full = await openKey(ctx.random, key);
  // Upstream's Fernet failure is a plain HTTPException(500): http_error, not system_error.
  if (full === undefined) throw new AetherError(500, 'http_error', ME.decryptFailed);
  return json({ key: full });
}

/** `DELETE /api/users/me/api-keys/{key_id}`. */
export function deleteMyApiKey(ctx: Ctx, caller: Caller): Response {
  const key = ownKey(ctx, caller);
  deleteKeys(ctx.state, [key]);
  return json({ message: ME.keyDeleted });
}

/** `PATCH /api/users/me/api-keys/{key_id}`: flips `is_active`; no body is parsed. */
export function toggleMyApiKey(ctx: Ctx, caller: Caller): Response {
  const key = ownKey(ctx, caller);
  key.is_active = !key.is_active;
  key.updated_at = ctx.clock.now();
  return json({ id: key.id, is_active: key.is_active, message: ME.keyToggled(key.is_active) });
}

function ownKey(ctx: Ctx, caller: Caller): AetherApiKey {
  const key = findKey(ctx, ctx.params.key_id, caller.user.id);
  if (!key) throw notFound(ME.keyNotFound, 'api_key');
  return key;
}
