import { ApiError } from './api-error.js';

/**
 * The server failed (HTTP 5xx).
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof ServerError) console.log(err.status, err.message); }
 */
export class ServerError extends ApiError {
  override name = 'ServerError';
}
