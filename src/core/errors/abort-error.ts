import { ERROR_CLASS, errorGuard, GatewayError } from './gateway-error.js';

/**
 * The caller aborted the call through its `signal`.
 *
 * @example
 * const ac = new AbortController();
 * const call = client.users.list({}, { signal: ac.signal });
 * ac.abort();
 * await call.catch((err) => err instanceof AbortError); // true
 */
export class AbortError extends GatewayError {
  static override readonly [ERROR_CLASS]: string = 'AbortError';
  override name = 'AbortError';

  constructor(options?: { cause?: unknown }) {
    super('Request was aborted by the caller.', options);
  }
}

/**
 * True when the caller aborted the call, even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isAbortError(err)) console.log(err.message);
 */
export const isAbortError = /* @__PURE__ */ errorGuard<AbortError>('AbortError');
