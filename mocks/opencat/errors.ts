/**
 * How the opencat dialect answers what the core detects: gin's plain 404 (wrong methods too: gin's
 * `HandleMethodNotAllowed` is off), a body over the sandbox's 1 MiB, injected faults and bugs of the mock.
 * @module
 */
import type { DialectErrors, RequestContext } from '../core/types.js';
import { errorObject, errorText, pageNotFound } from './answers.js';
import type { OpenCatState } from './state.js';

type Ctx = RequestContext<OpenCatState>;

/** The key routes nest their errors; every other route writes a plain `{"error"}`. */
function failure(ctx: Ctx, message: string, status: number): Response {
  return ctx.url.pathname.endsWith('/1/keys') ? errorObject(message, status) : errorText(message, status);
}

// The handlers decode with the Go layer (mocks/go/json-bind.ts) and answer Go's texts themselves; these three
// hooks only answer if a future handler asks the core for JSON, and then with what encoding/json would say.
const bodyHooks = {
  emptyBody: (ctx: Ctx) => failure(ctx, 'EOF', 400),
  invalidJson: (ctx: Ctx) => failure(ctx, 'unexpected EOF', 400),
  notObject: (ctx: Ctx) => failure(ctx, 'json: cannot unmarshal array into Go value of type router.User', 400),
};

/** opencat's answers to what the core detects. */
export const openCatErrors: DialectErrors<OpenCatState> = {
  notFound: (ctx) => pageNotFound(ctx.method),
  methodNotAllowed: null,
  ...bodyHooks,
  // Upstream reads any size; this is the text net/http's MaxBytesReader would give, in the route's own style.
  bodyTooLarge: (ctx) => failure(ctx, 'http: request body too large', 413),
  internal: (ctx, error) => failure(ctx, `Internal error in the reference server: ${error instanceof Error ? error.message : String(error)}`, 500),
  fault: (ctx, status) => failure(ctx, 'Injected fault', status),
};
