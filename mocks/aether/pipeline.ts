/**
 * Upstream's order of work for one request, wrapped around every handler: FastAPI validates the query (422, before
 * anything else), then `ApiRequestPipeline.run` authenticates (admin or user mode), reads the raw body of a POST,
 * PUT or PATCH (the sandbox's 413 is here), runs the adapter's role check, and only then the handler, which parses
 * the body itself. Public routes skip authentication and the role check.
 * @module
 */
import type { Handler, RequestContext } from '../core/types.js';
import { authenticate, type Caller } from './auth.js';
import { readRawBody } from './body.js';
import { httpError } from './envelope.js';
import { AUTH } from './messages.js';
import { QueryError, queryErrorResponse, readQuery, type QueryParam, type QueryValues } from './query.js';
import type { AetherState } from './state.js';

type Ctx = RequestContext<AetherState>;

/** A handler of an authenticated route. */
export type CallerHandler = (ctx: Ctx, caller: Caller, query: QueryValues) => Response | Promise<Response>;

/** A handler of a public route. */
export type PublicHandler = (ctx: Ctx, query: QueryValues) => Response | Promise<Response>;

/** Options of {@link asAdmin}. */
export interface AdminOptions {
  /** Work a route function does before it hands over to the pipeline (may throw an upstream error). */
  beforeAuth?: (query: QueryValues) => void;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * An admin route (`AdminApiAdapter`): 403 `需要管理员权限` for any other role, read from the user's row.
 *
 * @example
 * { method: 'GET', path: '/api/admin/users', handler: asAdmin(listUsers, LIST_QUERY) }
 */
export function asAdmin(handler: CallerHandler, query: Record<string, QueryParam> = {}, options: AdminOptions = {}): Handler<AetherState> {
  return withQuery(query, async (ctx, values) => {
    options.beforeAuth?.(values);
    const caller = await authenticate(ctx, 'admin');
    await readBodyOfWrite(ctx);
    if (caller.user.role !== 'admin') throw httpError(403, AUTH.notAdmin);
    return handler(ctx, caller, values);
  });
}

/**
 * A route for any active user (`AuthenticatedApiAdapter`).
 *
 * @example
 * { method: 'GET', path: '/api/users/me', handler: asUser(getMyProfile) }
 */
export function asUser(handler: CallerHandler, query: Record<string, QueryParam> = {}): Handler<AetherState> {
  return withQuery(query, async (ctx, values) => {
    const caller = await authenticate(ctx, 'user');
    await readBodyOfWrite(ctx);
    return handler(ctx, caller, values);
  });
}

/**
 * A public route (`AuthPublicAdapter`).
 *
 * @example
 * { method: 'POST', path: '/api/auth/login', handler: asPublic(login) }
 */
export function asPublic(handler: PublicHandler, query: Record<string, QueryParam> = {}): Handler<AetherState> {
  return withQuery(query, async (ctx, values) => {
    await readBodyOfWrite(ctx);
    return handler(ctx, values);
  });
}

function withQuery(spec: Record<string, QueryParam>, next: (ctx: Ctx, values: QueryValues) => Promise<Response>): Handler<AetherState> {
  return (ctx) => {
    let values: QueryValues;
    try {
      values = readQuery(ctx, spec);
    } catch (error) {
      if (error instanceof QueryError) return queryErrorResponse(error);
      throw error;
    }
    return next(ctx, values);
  };
}

async function readBodyOfWrite(ctx: Ctx): Promise<void> {
  if (WRITE_METHODS.has(ctx.method)) await readRawBody(ctx);
}
