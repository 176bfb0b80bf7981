/**
 * How aether answers what the core detects: Starlette's 404 (after its trailing-slash redirect) and 405, the
 * body-read hooks, the 413 of the sandbox's own bound, and the thrown {@link AetherError}s of the handlers. Any
 * other throw is upstream's generic `system_error` 500; injected faults answer in the envelope.
 * @module
 */
import { createRouter } from '../core/router.js';
import type { DialectErrors, RequestContext } from '../core/types.js';
import { AetherError, errorResponse, httpError, starletteError, systemError } from './envelope.js';
import { BODY, SYSTEM } from './messages.js';
import { aetherRoutes } from './routes.js';
import type { AetherState } from './state.js';

type Ctx = RequestContext<AetherState>;

/** The statuses an injected fault may take: the contract's 500 and `5XX`. */
export const AETHER_FAULT_STATUSES: readonly number[] = [500, 502, 503, 504];

const router = createRouter(aetherRoutes);

/**
 * Starlette's `redirect_slashes`: a path no route has, which some route has with its trailing slash added or
 * removed, is a 307 to that path (built from the server's own address, never the `Host` header).
 */
function slashRedirect(ctx: Ctx): Response | undefined {
  const base = new URL(ctx.serverUrl).pathname.replace(/\/+$/, '');
  const path = ctx.url.pathname.slice(base.length);
  if (path === '/' || path === '') return undefined;
  const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
  if (router.allowed(other).length === 0) return undefined;
  return new Response(null, { status: 307, headers: { location: `${ctx.serverUrl}${other}${ctx.url.search}` } });
}

/** The dialect's answers to what the engine detects. */
export const aetherErrors: DialectErrors<AetherState> = {
  notFound: (ctx) => slashRedirect(ctx) ?? starletteError(404),
  // Starlette answers with the first route of the path that has another method, so `Allow` names that one.
  methodNotAllowed: (_ctx, allowed) => starletteError(405, allowed[0]),
  emptyBody: (ctx) => errorResponse(ctx, httpError(400, BODY.empty)),
  invalidJson: (ctx) => errorResponse(ctx, httpError(400, BODY.invalidJson)),
  notObject: (ctx) => errorResponse(ctx, httpError(400, BODY.invalidJson)),
  bodyTooLarge: (ctx) => errorResponse(ctx, httpError(413, BODY.tooLarge)),
  internal: (ctx, error) => errorResponse(ctx, error instanceof AetherError ? error : systemError()),
  fault: (ctx, status) => errorResponse(ctx, status === 500 ? systemError() : new AetherError(status, 'http_error', SYSTEM.unavailable)),
};
