import { ERROR_CLASS, errorGuard } from './gateway-error.js';
import { ApiError } from './api-error.js';

/**
 * The server failed (HTTP 5xx).
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof ServerError) console.log(err.status, err.message); }
 */
export class ServerError extends ApiError {
  static override readonly [ERROR_CLASS]: string = 'ServerError';
  override name = 'ServerError';
}

/**
 * True when the server failed, even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isServerError(err)) console.log(err.message);
 */
export const isServerError = /* @__PURE__ */ errorGuard<ServerError>('ServerError');
