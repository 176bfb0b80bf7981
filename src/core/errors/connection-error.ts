import { GatewayError } from './gateway-error.js';

/**
 * The request never got an answer: DNS, refused connection, reset socket, CORS in a browser.
 *
 * @example
 * try { await client.self.retrieve(); } catch (err) { if (err instanceof ConnectionError) console.log(err.cause); }
 */
export class ConnectionError extends GatewayError {
  override name = 'ConnectionError';

  constructor(message = 'Failed to connect: the server did not answer. Please check baseURL.', options?: { cause?: unknown }) {
    super(message, options);
  }
}
