import { ApiError } from './api-error.js';

/**
 * The resource does not exist (or is not the caller's).
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof NotFoundError) console.log(err.status, err.message); }
 */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
