/**
 * The platform envelope `{code, message, data}` with real HTTP statuses (`Math.floor(code / 100)` is the
 * status), and the answers the core asks of a dialect (unknown route, bad JSON, 413, faults, bugs).
 * @module
 */
import { jsonResponse } from '../core/response.js';
import type { DialectErrors, RequestContext } from '../core/types.js';
import { CODE, langOf, messageOf } from './messages.js';
import type { PlatformState } from './state.js';

type Ctx = RequestContext<PlatformState>;

/** One invalid field of a 40001 answer. */
export interface FieldError {
  field: string;
  reason: string;
}

/** `data` of an error answer: the invalid fields (40001) or the wait (429xx). */
export interface ErrorData {
  fields?: FieldError[];
  retry_after?: number;
}

/**
 * A success envelope (`code: 0`, `message: "ok"`).
 *
 * @example
 * return ok(userView(ctx.state, user));
 * return ok(created, 201);
 */
export function ok(data: unknown, status = 200): Response {
  return jsonResponse({ code: 0, message: 'ok', data }, { status });
}

/**
 * An error envelope in the caller's language. The status comes from the code, so the pair cannot disagree;
 * 429s carry `Retry-After` and `data.retry_after`, 401s a `WWW-Authenticate` challenge.
 *
 * @example
 * return fail(ctx, CODE.api_key_not_found);
 * return fail(ctx, CODE.account_locked, { retry_after: 900 });
 */
export function fail(ctx: Pick<Ctx, 'headers'>, code: number, data: ErrorData | null = null, message?: string): Response {
  const status = Math.floor(code / 100);
  const headers = new Headers();
  if (data?.retry_after !== undefined) headers.set('retry-after', String(data.retry_after));
  if (status === 401) {
    // RFC 6750 §3: no error attribute when the request carried no credentials at all.
    const bare = code === CODE.unauthenticated && !ctx.headers.get('authorization');
    headers.set('www-authenticate', bare ? 'Bearer realm="platform"' : 'Bearer realm="platform", error="invalid_token"');
  }
  return jsonResponse({ code, message: message ?? messageOf(code, langOf(ctx.headers)), data }, { status, headers });
}

/**
 * A 40001 answer naming each invalid field; the message names the first.
 *
 * @example
 * return invalid(ctx, [{ field: 'email', reason: 'must be a valid email address' }]);
 */
export function invalid(ctx: Pick<Ctx, 'headers'>, fields: FieldError[]): Response {
  const first = fields[0];
  const zh = langOf(ctx.headers) === 'zh';
  const message = first
    ? zh
      ? `请求参数无效：${first.field} ${first.reason}。`
      : `Invalid request: ${first.field} ${first.reason}.`
    : undefined;
  return fail(ctx, CODE.validation_failed, first ? { fields } : null, message);
}

/**
 * The code an injected fault answers with, by status. Only statuses with a code in the contract's table: any
 * other would answer a code the document does not list (a 200 would even read as code 20000).
 */
const FAULT_CODES: Record<number, number> = {
  400: CODE.bad_request,
  401: CODE.unauthenticated,
  403: CODE.forbidden,
  404: CODE.route_not_found,
  413: CODE.payload_too_large,
  429: CODE.rate_limited,
  500: CODE.internal_error,
  502: CODE.bad_gateway,
  503: CODE.service_unavailable,
  504: CODE.gateway_timeout,
};

/** The statuses an injected fault may take: those of {@link FAULT_CODES}. */
export const PLATFORM_FAULT_STATUSES: readonly number[] = Object.keys(FAULT_CODES).map(Number);

/** How the platform answers what the core detects. */
export const platformErrors: DialectErrors<PlatformState> = {
  notFound: (ctx) => fail(ctx, CODE.route_not_found),
  // One route table without 405s: a known path with another method is the 40401 of an unknown one.
  methodNotAllowed: null,
  emptyBody: (ctx) => fail(ctx, CODE.bad_request),
  invalidJson: (ctx) => fail(ctx, CODE.bad_request),
  notObject: (ctx) => fail(ctx, CODE.bad_request),
  bodyTooLarge: (ctx) => fail(ctx, CODE.payload_too_large),
  // A bug in the mock still answers in the contract's shape; the message never echoes internals.
  internal: (ctx) => fail(ctx, CODE.internal_error),
  fault: (ctx, status) => {
    // The control API accepts only PLATFORM_FAULT_STATUSES; the fallback keeps the status × 100 rule regardless.
    const code = FAULT_CODES[status] ?? status * 100;
    return fail(ctx, code, code === CODE.rate_limited ? { retry_after: 1 } : null);
  },
};
