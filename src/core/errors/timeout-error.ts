import { ERROR_CLASS, errorGuard } from './gateway-error.js';
import { ConnectionError } from './connection-error.js';

/**
 * An attempt ran past `timeout`, or the whole call past `deadline`.
 *
 * @example
 * const client = new NewApiClient({ baseURL, timeout: 5_000 });
 * try { await client.self.retrieve(); } catch (err) { if (err instanceof TimeoutError) console.log('slow server'); }
 */
export class TimeoutError extends ConnectionError {
  static override readonly [ERROR_CLASS]: string = 'TimeoutError';
  override name = 'TimeoutError';

  constructor(ms: number, what: 'timeout' | 'deadline' = 'timeout') {
    super(`Request timed out: ${ms} ms ${what}. Please raise \`${what}\`.`);
  }
}

/**
 * True when an attempt or the whole call ran out of time, even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isTimeoutError(err)) console.log(err.message);
 */
export const isTimeoutError = /* @__PURE__ */ errorGuard<TimeoutError>('TimeoutError');
