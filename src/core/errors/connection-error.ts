import { ERROR_CLASS, errorGuard, GatewayError } from './gateway-error.js';

/**
 * The request never got an answer: DNS, refused connection, reset socket, CORS in a browser.
 *
 * @example
 * try { await client.self.retrieve(); } catch (err) { if (err instanceof ConnectionError) console.log(err.cause); }
 */
export class ConnectionError extends GatewayError {
  static override readonly [ERROR_CLASS]: string = 'ConnectionError';
  override name = 'ConnectionError';

  constructor(message = 'Failed to connect: the server did not answer. Please check baseURL.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * True when the request never got an answer (a timeout included), even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isConnectionError(err)) console.log(err.message);
 */
export const isConnectionError = /* @__PURE__ */ errorGuard<ConnectionError>('ConnectionError');
