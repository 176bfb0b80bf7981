import type { ApiError } from '../core/errors/api-error.js';
import { isGatewayError } from '../core/errors/gateway-error.js';
import type { components } from './generated/schema.js';

type Schemas = components['schemas'];

/** Upstream's `error.type` values, as the contract lists them (`ApiError.code` of an Aether error envelope). */
export type AetherErrorType = Schemas['ErrorEnvelope']['error']['type'];

/** The bodies an Aether server fails with: its error envelope, FastAPI's 422 list, Starlette's 404/405 text. */
export type AetherErrorBody = Schemas['ErrorEnvelope'] | Schemas['HTTPValidationError'] | Schemas['StarletteError'];

/**
 * An {@link ApiError} from an Aether server with its body typed by the contract. `code` is the envelope's
 * `error.type`; `undefined` for FastAPI's and Starlette's own answers, which carry `detail` instead.
 *
 * @example
 * function errorId(err: AetherApiError<'system_error'>): string {
 *   return err.body.error.details.error_id; // 8 hex digits, as upstream logs it
 * }
 */
export type AetherApiError<T extends AetherErrorType | undefined = AetherErrorType | undefined> = ApiError & {
  readonly dialect: 'aether';
  readonly code: T;
  readonly body: T extends 'system_error' ? Schemas['SystemErrorEnvelope'] : T extends AetherErrorType ? Schemas['ErrorEnvelope'] & { error: { type: T } } : AetherErrorBody;
};

/**
 * Whether `error` is an Aether error answer, optionally with one of the given `error.type` values. It narrows
 * `code` and types the body, so `details.error_id` of a `system_error` or the `detail` list of a 422 reads without
 * a cast.
 *
 * @example
 * try {
 *   await client.users.update(userId, { email: taken });
 * } catch (err) {
 *   if (isAetherError(err, 'system_error')) console.log('report this id:', err.body.error.details.error_id);
 *   else if (isAetherError(err, 'invalid_request')) showFormError(err.message);
 *   else throw err;
 * }
 */
export function isAetherError(error: unknown): error is AetherApiError;
export function isAetherError<T extends AetherErrorType>(error: unknown, ...types: [T, ...T[]]): error is AetherApiError<T>;
export function isAetherError(error: unknown, ...types: string[]): boolean {
  // isGatewayError, not instanceof: it also holds for an error from another copy of gatewaykit (ESM and CJS).
  if (!isGatewayError(error) || (error as Partial<ApiError>).dialect !== 'aether') return false;
  return types.length === 0 || types.includes((error as ApiError).code as string);
}
