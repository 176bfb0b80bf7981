/**
 * Emailed verification codes for registration. `GET /api/verification`
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import { assertString } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';
import type { Query } from '../internal/types.js';

/** Query of `GET /api/verification`. */
export interface VerificationParams extends Query<'/api/verification', 'get'> {}

/** The code `auth.register` needs when the server requires email verification. */
export class Verification extends Resource<NewApiCore> {
  /**
   * Emails a 6-character code to an address no account uses yet; valid 10 minutes, and a new code replaces
   * the last. Not retried by default: the GET sends a mail, and upstream allows 2 per 30 s per IP.
   * `GET /api/verification`
   * @example
   * await client.verification.send({ email: 'alice@example.com' });
   * await client.auth.register({ username: 'alice', password: 'correct-horse-1', email: 'alice@example.com', verification_code: '3fa91c' });
   */
  send(params: VerificationParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertString('email', params?.email, 'verification.send');
      return this.client.request('get', '/api/verification', { query: params }, { maxRetries: 0, ...options }).map(toVoid);
    });
  }
}
