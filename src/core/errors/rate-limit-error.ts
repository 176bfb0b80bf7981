import { ERROR_CLASS, errorGuard } from './gateway-error.js';
import { ApiError, type ApiErrorInit } from './api-error.js';

/**
 * Too many requests (HTTP 429). `retryAfter` is the server's `Retry-After` in milliseconds, when it sent one.
 *
 * @example
 * try { await client.auth.login(creds); } catch (err) { if (err instanceof RateLimitError) await sleep(err.retryAfter ?? 60_000); }
 */
export class RateLimitError extends ApiError {
  static override readonly [ERROR_CLASS]: string = 'RateLimitError';
  override name = 'RateLimitError';
  readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit & { retryAfter?: number | undefined }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}

/**
 * True when too many requests, even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isRateLimitError(err)) console.log(err.message);
 */
export const isRateLimitError = /* @__PURE__ */ errorGuard<RateLimitError>('RateLimitError');
