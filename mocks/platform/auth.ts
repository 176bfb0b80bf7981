/**
 * The bearer check in front of authenticated routes: 40101 no, malformed, unknown or revoked token; 40302
 * the user is frozen; 40102 the access token expired. Admin routes then need `platform_role: admin` (40301).
 * @module
 */
import { authedBy, type Resolution } from '../core/combinators.js';
import type { Handler, RequestContext } from '../core/types.js';
import { fail } from './envelope.js';
import { CODE } from './messages.js';
import { lookupBearer } from './sessions.js';
import type { PlatformState, SessionRecord, UserRecord } from './state.js';

type Ctx = RequestContext<PlatformState>;

/** Who is calling. */
export interface Caller {
  user: UserRecord;
  session: SessionRecord;
}

/** A handler behind the bearer check. */
export type AuthedHandler = (ctx: Ctx, caller: Caller) => Response | Promise<Response>;

/**
 * The caller, `undefined` when the request has no `Authorization` header (routes open to anonymous callers),
 * or the refusal when it has one that does not check out.
 *
 * @example
 * const auth = await optionalCaller(ctx);
 * if (!auth.ok) return auth.response;
 */
export async function optionalCaller(ctx: Ctx): Promise<{ ok: true; caller: Caller | undefined } | { ok: false; response: Response }> {
  if (!ctx.headers.has('authorization')) return { ok: true, caller: undefined };
  const found = await lookupBearer(ctx);
  switch (found.kind) {
    case 'ok':
      return { ok: true, caller: { user: found.user, session: found.session } };
    case 'frozen':
      return { ok: false, response: fail(ctx, CODE.account_frozen) };
    case 'expired':
      return { ok: false, response: fail(ctx, CODE.access_token_expired) };
    default:
      return { ok: false, response: fail(ctx, CODE.unauthenticated) };
  }
}

/**
 * Wraps `handler` in the bearer check.
 *
 * @example
 * { method: 'GET', path: '/api/v1/users/me', handler: authed(getMe) }
 */
export const authed: (handler: AuthedHandler) => Handler<PlatformState> = authedBy(async (ctx: Ctx): Promise<Resolution<Caller>> => {
  const auth = await optionalCaller(ctx);
  if (!auth.ok) return auth;
  return auth.caller ? { ok: true, caller: auth.caller } : { ok: false, response: fail(ctx, CODE.unauthenticated) };
});

/**
 * Wraps `handler` in the bearer check plus `platform_role: admin`.
 *
 * @example
 * { method: 'GET', path: '/admin/v1/users', handler: platformAdmin(listUsers) }
 */
export function platformAdmin(handler: AuthedHandler): Handler<PlatformState> {
  return authed((ctx, caller) => (caller.user.platform_role === 'admin' ? handler(ctx, caller) : fail(ctx, CODE.forbidden)));
}
