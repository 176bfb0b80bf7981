import { GatewayError } from '../../core/errors/gateway-error.js';
import type { Settled } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import type { NewApiCore } from '../core.js';
import type { Body, Data } from './types.js';

type Token = Data<'/api/token/{id}', 'get'>;
type CreateParams = Body<'/api/token/', 'post'>;

// Ids handed out by this client's earlier or concurrent creates, so two of them never return the same token.
// Token ids are never reused (auto-increment), so the set only grows, by one number per create.
const claimed = new WeakMap<NewApiCore, Set<number>>();

/**
 * Creates a token and finds it again, since `POST /api/token/` answers without id or key. The race it guards
 * against: two creates with the same fields at once (the same name twice, from one client or two), which
 * leave two tokens that only their ids tell apart. It resolves it this way:
 *
 * 1. before creating, it reads the newest token id (ids only grow), so only tokens made after the call started
 *    are candidates;
 * 2. after creating, it walks the list newest first down to that id and keeps the tokens whose every field
 *    matches what was sent (name, quota, expiry, limits, IPs, group);
 * 3. it takes the **oldest** such candidate this client has not already handed out, so concurrent creates on
 *    one client each get a different token, in the order the server made them.
 *
 * Across processes nothing can tell two identical tokens apart: each caller then gets a token with exactly the
 * fields it asked for, possibly the other's. Two lists and a reveal make four requests; the reveal counts
 * against upstream's critical rate limit (20 per 20 minutes per IP).
 */
export async function createAndFind(client: NewApiCore, params: CreateParams, options?: RequestOptions): Promise<Settled<Token & { key: string }>> {
  const newest = await client.page('/api/token/', { pageSize: 1 }, options);
  const floor = newest.items[0]?.id ?? 0;
  // The create's own answer is the call's: the lists and the reveal only find what it made.
  const { answer } = await client.request('post', '/api/token/', { body: params }, options).settled();
  const taken = claimed.get(client) ?? new Set<number>();
  claimed.set(client, taken);
  let found: Token | undefined;
  for await (const token of client.page('/api/token/', { pageSize: 100 }, options)) {
    if (token.id <= floor) break;
    if (!taken.has(token.id) && sameFields(token, params)) found = token;
  }
  if (!found) {
    throw new GatewayError('Failed to find the token just created: it was deleted or changed at once. Please list the tokens to find it.');
  }
  taken.add(found.id);
  const { key } = await client.request('post', '/api/token/{id}/key', { path: { id: found.id } }, options);
  return { data: { ...found, key }, answer };
}

/** Whether `token` is what `POST /api/token/` stores for `params` (with its defaults: -1 expiry, empty strings). */
function sameFields(token: Token, params: CreateParams): boolean {
  const expired = params.expired_time === undefined || params.expired_time === 0 ? -1 : params.expired_time;
  return (
    token.name === (params.name ?? '') &&
    token.expired_time === expired &&
    token.remain_quota === (params.remain_quota ?? 0) &&
    token.unlimited_quota === (params.unlimited_quota ?? false) &&
    token.model_limits_enabled === (params.model_limits_enabled ?? false) &&
    token.model_limits === (params.model_limits ?? '') &&
    token.allow_ips === (params.allow_ips ?? '') &&
    token.group === (params.group ?? '') &&
    token.cross_group_retry === (params.cross_group_retry ?? false)
  );
}
