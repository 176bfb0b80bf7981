/** Methods a retry cannot turn into a second side effect. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'DELETE']);
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

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
  if (SAFE_METHODS.has(method)) return true;
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
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
