/**
 * Upstream's answers: the `{"error": {type, message, details?}}` envelope of every application error (FastAPI's
 * exception handlers in `src/core/exceptions.py`), the `system_error` 500 of an unhandled exception, and
 * Starlette's own `{"detail": ...}` for unknown paths and methods. Handlers throw {@link AetherError} as upstream
 * raises `HTTPException`; the engine undoes their writes and the dialect's `internal` hook answers it.
 * @module
 */
import { toHex } from '../core/encoding.js';
import { jsonResponse } from '../core/response.js';
import type { RequestContext } from '../core/types.js';
import { SYSTEM } from './messages.js';
import type { AetherState } from './state.js';

type Ctx = RequestContext<AetherState>;

/** `error.type` as upstream's handlers write it. */
export type ErrorType = 'http_error' | 'invalid_request' | 'not_found' | 'forbidden' | 'system_error';

/**
 * A JSON answer as FastAPI's `JSONResponse` sends it (`content-type: application/json`, no charset).
 *
 * @example
 * return json({ message: '用户删除成功' });
 */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return jsonResponse(body, { status, headers: { 'content-type': 'application/json', ...Object.fromEntries(new Headers(headers)) } });
}

/** An error upstream raises; thrown by handlers, answered by the dialect's `internal` hook. */
export class AetherError extends Error {
  override name = 'AetherError';
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * A plain `HTTPException(status, detail)`: type `http_error`.
 *
 * @example
 * throw httpError(401, AUTH.missingAdmin);
 */
export function httpError(status: number, message: string): AetherError {
  return new AetherError(status, 'http_error', message);
}

/**
 * `InvalidRequestException(message)`: 400 `invalid_request`.
 *
 * @example
 * throw invalidRequest('邮箱格式不正确');
 */
export function invalidRequest(message: string): AetherError {
  return new AetherError(400, 'invalid_request', message);
}

/**
 * `NotFoundException(message, resource_type)`: 404 `not_found` with `details.resource_type`.
 *
 * @example
 * throw notFound('用户不存在', 'user');
 */
export function notFound(message: string, resourceType: 'user' | 'api_key'): AetherError {
  return new AetherError(404, 'not_found', message, { resource_type: resourceType });
}

/**
 * An input upstream does not handle, so its generic handler answers 500 `system_error` (see docs/fidelity.md).
 *
 * @example
 * throw systemError(); // an unknown `role` filter
 */
export function systemError(): AetherError {
  return new AetherError(500, 'system_error', SYSTEM.unknown);
}

/**
 * The answer to a thrown {@link AetherError}. A `system_error` gets a fresh 8-hex `error_id` (upstream's
 * `str(uuid4())[:8]`) and the recovery hint.
 *
 * @example
 * return errorResponse(ctx, notFound('用户不存在', 'user'));
 */
export function errorResponse(ctx: Pick<Ctx, 'random'>, error: AetherError): Response {
  const details = error.type === 'system_error' ? { error_id: toHex(ctx.random.bytes(4)), recovery_info: SYSTEM.recovery } : error.details;
  const body = details && Object.keys(details).length > 0 ? { type: error.type, message: error.message, details } : { type: error.type, message: error.message };
  return json({ error: body }, error.status);
}

/**
 * Starlette's answer for a path no route has (404) or a method the path's first route lacks (405).
 *
 * @example
 * return starletteError(405, 'GET');
 */
export function starletteError(status: 404 | 405, allow?: string): Response {
  return json({ detail: status === 404 ? 'Not Found' : 'Method Not Allowed' }, status, allow ? { allow } : {});
}
