import { ERROR_CLASS, errorGuard } from './gateway-error.js';
import { ApiError } from './api-error.js';

/**
 * The caller is authenticated but not allowed: too low a role, or a target of the same or a higher role.
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof PermissionDeniedError) console.log(err.status, err.message); }
 */
export class PermissionDeniedError extends ApiError {
  static override readonly [ERROR_CLASS]: string = 'PermissionDeniedError';
  override name = 'PermissionDeniedError';
}

/**
 * True when the caller is not allowed, even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isPermissionDeniedError(err)) console.log(err.message);
 */
export const isPermissionDeniedError = /* @__PURE__ */ errorGuard<PermissionDeniedError>('PermissionDeniedError');
