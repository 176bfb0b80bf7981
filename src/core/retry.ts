/** Methods a retry cannot turn into a second side effect. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'DELETE']);
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Network failures that happen before a connection exists, so the server cannot have seen the request. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether a status is worth another attempt for this method. POST and PUT are never retried on a
 * status: the server may have acted before failing.
 */
export function isRetryableStatus(method: string, status: number): boolean {
  return SAFE_METHODS.has(method) && RETRY_STATUSES.has(status);
}

/**
 * Whether a network failure may be retried. Safe methods always; other methods only when the
 * connection was never made, so the server cannot have seen the request.
 */
export function isRetryableFailure(method: string, error: unknown): boolean {
  return SAFE_METHODS.has(method) || neverConnected(error);
}

/** Whether a fetch failure (its `cause.code`, as undici reports it) happened before any connection was made. */
function neverConnected(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' && NEVER_CONNECTED.has(code);
}

/**
 * Whether an attempt that is about to be retried may still have acted on the server: its answer was lost
 * after the request could have arrived (a reset, a timeout) or was a 5xx. A refused connection, an unknown
 * host, 408 and 429 say the server did not process it. Decides what a retried delete's not-found means
 * (docs/decisions/015-retried-delete.md).
 *
 * @param outcome the attempt's failure (a `ConnectionError` with the fetch error as `cause`, a `TimeoutError`)
 *   or its answer.
 * @example
 * mayHaveActed({ response: new Response('', { status: 503 }) }); // true
 */
export function mayHaveActed(outcome: Error | { response: Response }): boolean {
  if (outcome instanceof Error) return !neverConnected(outcome.cause ?? outcome);
  return outcome.response.status >= 500;
}

/**
 * Parses `Retry-After` (seconds or an HTTP date) into ms; `undefined` when absent or unreadable.
 *
 * @example
 * parseRetryAfter('2'); // 2000
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff with "full jitter" over the upper half, so clients that failed together
 * do not retry together.
 */
export function backoffDelay(attempt: number, baseDelay: number, maxDelay: number, random = Math.random): number {
  const ceiling = Math.min(maxDelay, baseDelay * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}
