/**
 * `/api/admin/users/{user_id}/api-keys*` (`src/api/admin/users/routes.py`): a user's keys (standalone ones left
 * out), issuing one (the body before the user lookup), and deleting one (a single lookup on key, owner and "not
 * standalone", so an unknown user is the key's 404).
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import { ensureJsonBody } from '../body.js';
import { deleteKeys } from '../cascade.js';
import { invalidRequest, json, notFound, systemError } from '../envelope.js';
import { createKey, displayKey } from '../keys.js';
import { findKey, findUser, newestFirst, pathId } from '../lookup.js';
import { ADMIN } from '../messages.js';
import { CreateApiKeyRequest } from '../models.js';
import type { Caller } from '../auth.js';
import type { QueryValues } from '../query.js';
import type { AetherState } from '../state.js';
import { translatePydanticError } from '../translate.js';
import { iso, userApiKey } from '../views.js';

type Ctx = RequestContext<AetherState>;

// PostgreSQL's INTEGER column, and the years Python's datetime can hold (past them upstream fails unhandled).
const INT4_MAX = 2_147_483_647;
const MAX_DATETIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MIN_DATETIME_MS = -62_135_596_800_000;

/** `GET /api/admin/users/{user_id}/api-keys`. */
export async function listUserApiKeys(ctx: Ctx, _caller: Caller, query: QueryValues): Promise<Response> {
  const user = findUser(ctx, ctx.params.user_id);
  if (!user) throw notFound(ADMIN.userNotFound, 'user');
  const active = query.is_active as boolean | undefined;
  const keys = newestFirst(ctx.state.api_keys.filter((key) => key.user_id === user.id && !key.is_standalone && (active === undefined || key.is_active === active)));
  const views = await Promise.all(keys.map((key) => userApiKey(ctx.random, key)));
  return json({ api_keys: views, total: views.length, user_email: user.email, username: user.username });
}

/** `POST /api/admin/users/{user_id}/api-keys`: `rate_limit` 0 becomes 100; only some fields of the body are used. */
export async function createUserApiKey(ctx: Ctx): Promise<Response> {
  const parsed = CreateApiKeyRequest(await ensureJsonBody(ctx));
  if (!parsed.ok) throw invalidRequest(translatePydanticError(parsed.errors[0]!));
  const user = findUser(ctx, ctx.params.user_id);
  if (!user) throw notFound(ADMIN.userNotFound, 'user');
  const body = parsed.value as { name: string | null; allowed_providers: string[] | null; allowed_models: string[] | null; rate_limit: number | null; expire_days: number | null };
  const rateLimit = body.rate_limit || 100;
  const now = ctx.clock.now();
  const expiresAt = body.expire_days ? now + body.expire_days * 86_400_000 : null;
  if (Math.abs(rateLimit) > INT4_MAX || (expiresAt !== null && (expiresAt > MAX_DATETIME_MS || expiresAt < MIN_DATETIME_MS))) throw systemError();
  const { record, plain } = await createKey(ctx.random, now, {
    user_id: user.id,
    name: body.name,
    allowed_providers: body.allowed_providers,
    allowed_models: body.allowed_models,
    rate_limit: rateLimit,
    expire_days: body.expire_days,
  });
  ctx.state.api_keys.push(record);
  return json({
    id: record.id,
    key: plain,
    name: record.name,
    key_display: await displayKey(ctx.random, record),
    rate_limit: record.rate_limit,
    expires_at: record.expires_at === null ? null : iso(record.expires_at),
    created_at: iso(record.created_at),
    message: ADMIN.keyCreated,
  });
}

/** `DELETE /api/admin/users/{user_id}/api-keys/{key_id}`: a hard delete. */
export function deleteUserApiKey(ctx: Ctx): Response {
  const key = findKey(ctx, ctx.params.key_id, pathId(ctx.params.user_id), { standalone: false });
  if (!key) throw notFound(ADMIN.keyNotOwned, 'api_key');
  deleteKeys(ctx.state, [key]);
  return json({ message: ADMIN.keyDeleted });
}
