import { ApiError } from './api-error.js';

/**
 * The request was rejected as invalid input (HTTP 400/413/422, or an envelope saying the parameters are invalid).
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof ValidationError) console.log(err.status, err.message); }
 */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
}
