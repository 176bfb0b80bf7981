import { ERROR_CLASS, errorGuard } from './gateway-error.js';
import { ApiError } from './api-error.js';

/**
 * The resource already exists, or the change conflicts with the current state.
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof ConflictError) console.log(err.status, err.message); }
 */
export class ConflictError extends ApiError {
  static override readonly [ERROR_CLASS]: string = 'ConflictError';
  override name = 'ConflictError';
}

/**
 * True when the change conflicts with the current state, even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isConflictError(err)) console.log(err.message);
 */
export const isConflictError = /* @__PURE__ */ errorGuard<ConflictError>('ConflictError');
