import { ApiError } from './api-error.js';

/**
 * The resource already exists, or the change conflicts with the current state.
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof ConflictError) console.log(err.status, err.message); }
 */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
