import { ApiError } from './api-error.js';

/**
 * The caller is not authenticated: no session, a bad token, or (new-api) a missing or mismatched `New-Api-User`.
 *
 * @example
 * try { await client.users.list(); } catch (err) { if (err instanceof AuthenticationError) console.log(err.status, err.message); }
 */
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
