import type { ApiError } from '../core/errors/api-error.js';
import { isGatewayError } from '../core/errors/gateway-error.js';
import type { PlatformErrorCode } from './envelope.js';
import type { components } from './generated/schema.js';

/**
 * An {@link ApiError} from a platform server, with its `code` and error body typed by the contract.
 *
 * @example
 * function fieldErrors(err: PlatformApiError<40001>) {
 *   return err.body.data?.fields ?? [];
 * }
 */
export type PlatformApiError<C extends PlatformErrorCode = PlatformErrorCode> = ApiError & {
  readonly dialect: 'platform';
  readonly code: C;
  /** `data.fields` names each bad field (40001); `data.retry_after` comes with 429xx. */
  readonly body: components['schemas']['ErrorEnvelope'];
};

/**
 * Whether `error` is a platform error answer, optionally with one of the given `codes`. It narrows
 * `code` to the contract's codes (a typo such as `40014` does not compile) and types the body, so a
 * form can show `data.fields` without a cast.
 *
 * @example
 * try {
 *   await client.apiKeys.create({ name: '', key_type: 'test' });
 * } catch (err) {
 *   if (isPlatformError(err, 40001)) for (const { field, reason } of err.body.data?.fields ?? []) showFieldError(field, reason);
 *   else if (isPlatformError(err, 42901, 42903)) retryLater(err.headers?.get('retry-after'));
 *   else throw err;
 * }
 */
export function isPlatformError<C extends PlatformErrorCode>(error: unknown, ...codes: C[]): error is PlatformApiError<C> {
  // isGatewayError, not instanceof: it also holds for an error from another copy of gatewaykit (ESM and CJS).
  if (!isGatewayError(error)) return false;
  const { dialect, code } = error as Partial<ApiError>;
  // Code 0 in a failed answer (a 5xx that still says `code: 0`) is not one of the contract's error codes.
  if (dialect !== 'platform' || typeof code !== 'number' || code === 0) return false;
  return codes.length === 0 || (codes as number[]).includes(code);
}
