import type { EnvelopeReader } from '../core/envelope.js';
import type { ErrorKind } from '../core/errors/create-api-error.js';

/** What an `error.type` means where the status alone says nothing (an unusual status from a proxy or a fork). */
const KINDS: Readonly<Record<string, ErrorKind>> = {
  invalid_request: 'validation',
  not_found: 'not_found',
  forbidden: 'permission',
  quota_exceeded: 'rate_limit',
  rate_limit: 'rate_limit',
  concurrency_limit: 'rate_limit',
  system_error: 'server',
};

/** One entry of FastAPI's 422 `detail` array (pydantic's error), as far as the message needs it. */
interface DetailEntry {
  loc?: unknown;
  msg?: unknown;
}

/**
 * Reads Aether's answers. Success is the status alone and the body is the data itself (FastAPI). A failure is
 * one of upstream's shapes:
 * - `{"error": {"type", "message", "details"?}}`, the envelope of every `HTTPException`: `code` is `error.type`
 *   (`http_error`, `invalid_request`, `not_found`, `system_error`, …) and the message is upstream's Chinese text;
 * - FastAPI's 422 `{"detail": [{type, loc, msg, input, ctx?}]}` for a bad query: the message joins `loc: msg`;
 * - Starlette's `{"detail": "Not Found"}` (404) and `{"detail": "Method Not Allowed"}` (405).
 * The parsed body stays on the error (`error.body`), so `details.error_id` of a `system_error` is at hand.
 *
 * @example
 * aetherEnvelope({ error: { type: 'not_found', message: '用户不存在', details: { resource_type: 'user' } } }, response); // { ok: false, code: 'not_found', ... }
 */
export const aetherEnvelope: EnvelopeReader = (body, response) => {
  if (response.ok) return { ok: true, data: body };
  type Failure = { error?: { type?: unknown; message?: unknown; details?: { error_id?: unknown } }; detail?: unknown };
  const { error, detail } = (typeof body === 'object' && body !== null ? body : {}) as Failure;
  if (typeof error === 'object' && error !== null) {
    const type = typeof error.type === 'string' ? error.type : undefined;
    const message = typeof error.message === 'string' ? error.message : '';
    // A system_error's short id is what upstream logs it under and asks users to report: its request id.
    const errorId = error.details?.error_id;
    const requestId = typeof errorId === 'string' ? errorId : undefined;
    return { ok: false, message, code: type, kind: type === undefined ? undefined : KINDS[type], retryAfter: waitOf(message), requestId };
  }
  if (typeof detail === 'string') return { ok: false, message: detail };
  if (Array.isArray(detail)) return { ok: false, message: detail.map(describe).join('; '), kind: 'validation' };
  return { ok: false, message: typeof body === 'string' && body !== '' ? body.slice(0, 200) : response.statusText || `HTTP ${response.status}` };
};

// Upstream's IP limiter says the wait only in its text (`…请在 48 秒后重试`) and sends no Retry-After header.
const WAIT = /请在 (\d{1,6}) 秒后重试/;
const waitOf = (message: string): number | undefined => {
  const seconds = WAIT.exec(message)?.[1];
  return seconds === undefined ? undefined : Number(seconds) * 1000;
};

function describe(entry: DetailEntry): string {
  const at = Array.isArray(entry?.loc) ? entry.loc.join('.') : '';
  const msg = typeof entry?.msg === 'string' ? entry.msg : 'invalid';
  return at === '' ? msg : `${at}: ${msg}`;
}
