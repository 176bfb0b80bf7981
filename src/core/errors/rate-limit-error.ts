import { ApiError, type ApiErrorInit } from './api-error.js';

/**
 * Too many requests (HTTP 429). `retryAfter` is the server's `Retry-After` in milliseconds, when it sent one.
 *
 * @example
 * try { await client.auth.login(creds); } catch (err) { if (err instanceof RateLimitError) await sleep(err.retryAfter ?? 60_000); }
 */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit & { retryAfter?: number | undefined }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}
