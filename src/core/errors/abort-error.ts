import { GatewayError } from './gateway-error.js';

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
  override name = 'AbortError';

  constructor(options?: { cause?: unknown }) {
    super('Request was aborted by the caller.', options);
  }
}
