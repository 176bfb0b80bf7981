/**
 * API tokens, read and delete (UserAuth, always scoped to the caller): `GET /api/token/`, `GET /api/token/search`,
 * `GET /api/token/:id`, `DELETE /api/token/:id`, `POST /api/token/batch`, and the reveal routes
 * `POST /api/token/:id/key` and `POST /api/token/batch/keys` (controller/token.go, JUL26). Create and update are in
 * `token-write.ts`.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { fail, ok } from '../envelope.js';
import { atoi } from '../../go/strconv.js';
import { goDecode } from '../../go/json-bind.js';
import { t } from '../messages.js';
import { pageQuery, paginate } from '../pagination.js';
import type { NewApiState } from '../state.js';
import { revealKey } from '../token-keys.js';
import { FUZZY_OVER_LIMIT, likePattern } from '../token-search.js';
import type { TokenRecord } from '../token-state.js';
import { tokenByIds, tokenView, userTokens } from '../tokens.js';

type Ctx = RequestContext<NewApiState>;

const TOKEN_BATCH = { qualified: 'controller.TokenBatch', name: 'TokenBatch', fields: { ids: '[]int' } } as const;
const MAX_REVEAL = 100;
// Only a state imported from another reference server can hold keys this one cannot unseal.
const FOREIGN_KEY = 'Failed to reveal the key: it was sealed by another reference server (imported state). Please create a new token.';

const seconds = (ctx: Ctx) => Math.floor(ctx.clock.now() / 1000);

/** `GET /api/token/`: the caller's tokens, newest first, keys masked. */
export function listTokens(ctx: Ctx, caller: Caller): Response {
  const now = seconds(ctx);
  return ok(paginate(userTokens(ctx.state, caller.id), pageQuery(ctx.query), (row) => tokenView(row, now)));
}

/** `GET /api/token/search?keyword=&token=`: verbatim LIKE patterns on name and key; at most 100 a page. */
export async function searchTokens(ctx: Ctx, caller: Caller): Promise<Response> {
  const keyword = ctx.query.get('keyword') ?? '';
  const token = (ctx.query.get('token') ?? '').replace(/^sk-/, '');
  const mine = userTokens(ctx.state, caller.id);
  if ((keyword.includes('%') || token.includes('%')) && mine.length > ctx.settings.MaxUserTokens) return fail(FUZZY_OVER_LIMIT);
  const byName = keyword === '' ? undefined : likePattern(keyword);
  if (byName && !byName.ok) return fail(byName.error);
  const byKey = token === '' ? undefined : likePattern(token);
  if (byKey && !byKey.ok) return fail(byKey.error);
  const rows: TokenRecord[] = [];
  for (const row of mine) {
    if (byName && !byName.test(row.name)) continue;
    if (byKey && !byKey.test((await revealKey(ctx.random, row)) ?? '')) continue;
    rows.push(row);
  }
  // The model clamps what the page query let through: offset ≥ 0, 1 ≤ limit ≤ 100.
  const { page, pageSize } = pageQuery(ctx.query);
  const offset = Math.max((page - 1) * pageSize, 0);
  const limit = pageSize <= 0 || pageSize > MAX_REVEAL ? MAX_REVEAL : pageSize;
  const now = seconds(ctx);
  return ok({ page, page_size: pageSize, total: rows.length, items: rows.slice(offset, offset + limit).map((row) => tokenView(row, now)) });
}

/** `GET /api/token/:id`: one of the caller's tokens, key masked. */
export function getToken(ctx: Ctx, caller: Caller): Response {
  const id = atoi(ctx.params.id ?? '');
  if (!id.ok) return fail(id.error);
  const found = tokenByIds(ctx.state, id.value, caller.id);
  return found.ok ? ok(tokenView(found.token, seconds(ctx))) : fail(found.error);
}

/** `DELETE /api/token/:id`: the id's parse error is ignored (`id, _ := strconv.Atoi(...)`). */
export function deleteToken(ctx: Ctx, caller: Caller): Response {
  const found = tokenByIds(ctx.state, atoiIgnoringError(ctx.params.id ?? ''), caller.id);
  if (!found.ok) return fail(found.error);
  ctx.state.tokens = ctx.state.tokens.filter((row) => row !== found.token);
  return ok();
}

/** `POST /api/token/batch {ids}`: deletes the caller's tokens among `ids`; `data` is how many. */
export async function deleteTokens(ctx: Ctx, caller: Caller): Promise<Response> {
  const ids = await batchIds(ctx);
  if (!ids) return fail(t(caller.lang, 'common.invalid_params'));
  const wanted = new Set(ids);
  const doomed = new Set(ctx.state.tokens.filter((row) => row.user_id === caller.id && wanted.has(row.id)));
  ctx.state.tokens = ctx.state.tokens.filter((row) => !doomed.has(row));
  return ok(doomed.size);
}

/** `POST /api/token/:id/key`: the full key of one of the caller's tokens. */
export async function revealTokenKey(ctx: Ctx, caller: Caller): Promise<Response> {
  const id = atoi(ctx.params.id ?? '');
  if (!id.ok) return fail(id.error);
  const found = tokenByIds(ctx.state, id.value, caller.id);
  if (!found.ok) return fail(found.error);
  const key = await revealKey(ctx.random, found.token);
  return key === undefined ? fail(FOREIGN_KEY) : ok({ key });
}

/** `POST /api/token/batch/keys {ids}`: id → full key for the caller's tokens among at most 100 ids. */
export async function revealTokenKeys(ctx: Ctx, caller: Caller): Promise<Response> {
  const ids = await batchIds(ctx);
  if (!ids) return fail(t(caller.lang, 'common.invalid_params'));
  if (ids.length > MAX_REVEAL) return fail(t(caller.lang, 'common.batch_too_many', { Max: String(MAX_REVEAL) }));
  const wanted = new Set(ids);
  const keys: Record<string, string> = {};
  for (const row of ctx.state.tokens) {
    if (row.user_id !== caller.id || !wanted.has(row.id)) continue;
    const key = await revealKey(ctx.random, row);
    if (key === undefined) return fail(FOREIGN_KEY);
    keys[row.id] = key;
  }
  return ok({ keys });
}

/** `TokenBatch.Ids`; `undefined` when the body does not decode or `ids` is empty (both "Invalid parameters"). */
async function batchIds(ctx: Ctx): Promise<number[] | undefined> {
  const body = goDecode(await ctx.readText(), TOKEN_BATCH);
  return body.ok && body.value.ids && body.value.ids.length > 0 ? body.value.ids : undefined;
}

/** `strconv.Atoi` with its error dropped: 0 for bad syntax, the clamped int64 for an out-of-range value. */
function atoiIgnoringError(text: string): number {
  const parsed = atoi(text);
  if (parsed.ok) return parsed.value;
  if (!/^[+-]?\d+$/.test(text)) return 0;
  return text.startsWith('-') ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
}
