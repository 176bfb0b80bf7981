import { ERROR_CLASS, errorGuard } from './gateway-error.js';
import { ApiError } from './api-error.js';

/**
 * The resource does not exist (or is not the caller's).
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof NotFoundError) console.log(err.status, err.message); }
 */
export class NotFoundError extends ApiError {
  static override readonly [ERROR_CLASS]: string = 'NotFoundError';
  override name = 'NotFoundError';
}

/**
 * True when the resource does not exist, even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isNotFoundError(err)) console.log(err.message);
 */
export const isNotFoundError = /* @__PURE__ */ errorGuard<NotFoundError>('NotFoundError');
