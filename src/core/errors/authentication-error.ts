import { ERROR_CLASS, errorGuard } from './gateway-error.js';
import { ApiError } from './api-error.js';

/**
 * The caller is not authenticated: no session, a bad token, or (new-api) a missing or mismatched `New-Api-User`.
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof AuthenticationError) console.log(err.status, err.message); }
 */
export class AuthenticationError extends ApiError {
  static override readonly [ERROR_CLASS]: string = 'AuthenticationError';
  override name = 'AuthenticationError';
}

/**
 * True when the caller is not authenticated, even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isAuthenticationError(err)) console.log(err.message);
 */
export const isAuthenticationError = /* @__PURE__ */ errorGuard<AuthenticationError>('AuthenticationError');
