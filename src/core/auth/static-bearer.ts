import type { AuthStrategy } from './strategy.js';

/**
 * A fixed token sent as `Authorization: Bearer <token>` on every call (opencat). No cookies: browser requests
 * are not credentialed.
 *
 * @example
 * super(options, { name: 'opencat', envelope, pager, auth: staticBearer(options.token) });
 */
export function staticBearer(token: string): AuthStrategy {
  return {
    cookies: false,
    authorize(headers) {
      if (!headers.has('authorization')) headers.set('Authorization', `Bearer ${token}`);
    },
  };
}
