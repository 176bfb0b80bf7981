import { ApiError } from './api-error.js';

/**
 * The caller is authenticated but not allowed: too low a role, or a target of the same or a higher role.
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof PermissionDeniedError) console.log(err.status, err.message); }
 */
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError';
}
