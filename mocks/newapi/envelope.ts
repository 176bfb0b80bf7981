/**
 * new-api's envelope `{success, message, data?}` and the answers the core asks of a dialect (404, 413, bad JSON,
 * faults, bugs).
 * @module
 */
import { DEFAULT_FAULT_STATUSES } from '../core/faults.js';
import { jsonResponse } from '../core/response.js';
import type { DialectErrors, RequestContext } from '../core/types.js';
import { headerLang, t } from './messages.js';
import type { NewApiState } from './state.js';

/**
 * A success envelope. `data` is omitted when `undefined` (upstream's bare `{"success":true,"message":""}`) and
 * kept when `null` (`ApiSuccessI18n(c, key, nil)`).
 *
 * @example
 * return ok({ id: 1 });
 */
export function ok(data?: unknown, message = ''): Response {
  return jsonResponse(data === undefined ? { success: true, message } : { success: true, message, data });
}

/**
 * A failure envelope, HTTP 200 unless told otherwise (new-api answers business errors with 200).
 *
 * @example
 * return fail('record not found');
 */
export function fail(message: string, status = 200): Response {
  return jsonResponse({ success: false, message }, { status });
}

/**
 * The auth middleware's 401.
 *
 * @example
 * return unauthorized(t(lang, 'auth.not_logged_in'));
 */
export function unauthorized(message: string): Response {
  return fail(message, 401);
}

/**
 * The statuses an injected fault may take: 200 (new-api answers most failures as HTTP 200 with
 * `success: false`, so that is the commonest fault a client meets) and every 4xx and 5xx.
 */
export const NEWAPI_FAULT_STATUSES: readonly number[] = [200, ...DEFAULT_FAULT_STATUSES];

function invalidParams(ctx: RequestContext<NewApiState>): Response {
  return fail(t(headerLang(ctx.headers), 'common.invalid_params'));
}

/** How new-api answers what the core detects. */
export const newApiErrors: DialectErrors<NewApiState> = {
  // Upstream's NoRoute handler for /api, /v1 and /assets is the relay's OpenAI-style 404 (controller.RelayNotFound).
  notFound: (ctx) =>
    jsonResponse(
      { error: { message: `Invalid URL (${ctx.method} ${ctx.url.pathname})`, type: 'invalid_request_error', param: '', code: '' } },
      { status: 404 },
    ),
  // gin has HandleMethodNotAllowed off: a known path with another method is the same 404 as an unknown one.
  methodNotAllowed: null,
  // A handler that reaches the core with a body problem gets upstream's one "invalid parameters" answer for all three.
  emptyBody: invalidParams,
  invalidJson: invalidParams,
  notObject: invalidParams,
  // Deliberate deviation: upstream has no 1 MiB limit (its anonymous routes answer 413 with an empty body past 512 KiB).
  bodyTooLarge: () => fail('Request body too large', 413),
  internal: (_ctx: RequestContext<NewApiState>, error: unknown) =>
    fail(`Internal error in the reference server: ${error instanceof Error ? error.message : String(error)}`, 500),
  // Upstream's rate limiters answer 429 with an empty body.
  fault: (_ctx, status) => (status === 429 ? new Response(null, { status }) : fail('Injected fault', status)),
};
