import { ConnectionError } from './connection-error.js';

/**
 * An attempt ran past `timeout`, or the whole call past `deadline`.
 *
 * @example
 * const client = new NewApiClient({ baseURL, timeout: 5_000 });
 * try { await client.self.retrieve(); } catch (err) { if (err instanceof TimeoutError) console.log('slow server'); }
 */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';

  constructor(ms: number, what: 'timeout' | 'deadline' = 'timeout') {
    super(`Request timed out: ${ms} ms ${what}. Please raise \`${what}\`.`);
  }
}
