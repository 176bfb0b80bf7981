/**
 * opencatd-open's `router.AuthMiddleware` (c11824f), quirks included, in its order:
 * 1. no cached root token: load it from user 1, and without user 1 (never initialised) refuse;
 * 2. no `Authorization`, or one whose first 7 bytes are not `Bearer `, is refused; one of 1–6 bytes panics on
 *    `token[:7]` (gin's Recovery: 500, empty body);
 * 3. a live user's token passes on `/1/me*` only;
 * 4. anything but the cached root token goes to a branch that compares `"Bearer "` with user 1's token, which
 *    refuses every token (unless root's token *is* `Bearer `, when every bearer passes as root).
 * Every refusal is 401 `{"error":"Unauthorized"}`: a user token on an admin route too, never 403.
 * @module
 */
import { authedBy, type Resolution } from '../core/combinators.js';
import type { Handler, RequestContext } from '../core/types.js';
import { emptyAnswer, errorText, UNAUTHORIZED } from './answers.js';
import { digest } from './secrets.js';
import { liveUser, userByToken, type OpenCatState } from './state.js';

/** What the handlers behind the middleware read: the header and the token after `Bearer `. */
export interface Caller {
  /** The whole `Authorization` value (`GET /1/me/usages` looks the user up by it). */
  header: string;
  token: string;
}

type Ctx = RequestContext<OpenCatState>;

/** A handler behind the middleware. */
export type AuthedHandler = (ctx: Ctx, caller: Caller) => Response | Promise<Response>;

const PREFIX = 'Bearer ';

/**
 * Puts the middleware in front of `handler`. `me` says whether the route's path starts with `/1/me` (where any
 * live user's token passes).
 *
 * @example
 * { method: 'GET', path: '/1/me', handler: authed(getMe, { me: true }) }
 */
export function authed(handler: AuthedHandler, options: { me?: boolean } = {}): Handler<OpenCatState> {
  return authedBy((ctx: Ctx) => middleware(ctx, options.me === true))(handler);
}

function middleware(ctx: Ctx, meRoute: boolean): Resolution<Caller> {
  const state = ctx.state;
  const refuse = (): Resolution<Caller> => ({ ok: false, response: errorText(UNAUTHORIZED, 401) });
  if (state.root_token_sha256 === '') {
    const root = liveUser(state, 1);
    if (!root) return refuse();
    state.root_token_sha256 = root.token_sha256;
  }
  // Header.Get: the first value; HTTP strips the value's outer whitespace, so `Bearer ` arrives as `Bearer`.
  const header = ctx.headers.get('authorization') ?? '';
  if (header === '') return refuse();
  if (header.length < PREFIX.length) return { ok: false, response: emptyAnswer(500) };
  if (header.slice(0, PREFIX.length) !== PREFIX) return refuse();
  const token = header.slice(PREFIX.length);
  const tokenSha256 = digest(token);
  // AuthCache holds every live user's token; it is reloaded after each user write, so it is the users table.
  if (meRoute && userByToken(state, tokenSha256)) return { ok: true, caller: { header, token } };
  if (tokenSha256 !== state.root_token_sha256) {
    const root = liveUser(state, 1);
    // Upstream compares token[:7] (always "Bearer ") with root's token, not token[7:].
    if (!root || digest(PREFIX) !== root.token_sha256) return refuse();
    state.root_token_sha256 = root.token_sha256;
  }
  return { ok: true, caller: { header, token } };
}
