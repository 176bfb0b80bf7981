import { ERROR_CLASS, errorGuard } from './gateway-error.js';
import { ApiError } from './api-error.js';

/**
 * The request was rejected as invalid input (HTTP 400/413/422, or an envelope saying the parameters are invalid).
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof ValidationError) console.log(err.status, err.message); }
 */
export class ValidationError extends ApiError {
  static override readonly [ERROR_CLASS]: string = 'ValidationError';
  override name = 'ValidationError';
}

/**
 * True when the request was rejected as invalid input, even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isValidationError(err)) console.log(err.message);
 */
export const isValidationError = /* @__PURE__ */ errorGuard<ValidationError>('ValidationError');
