import { ApiError, type ApiErrorInit } from './api-error.js';
import { AuthenticationError } from './authentication-error.js';
import { ConflictError } from './conflict-error.js';
import { NotFoundError } from './not-found-error.js';
import { PermissionDeniedError } from './permission-denied-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { ServerError } from './server-error.js';
import { ValidationError } from './validation-error.js';

/**
 * What an error means, independent of the HTTP status. Dialects whose errors arrive as HTTP 200
 * (new-api) say the meaning through their envelope reader, so callers can still catch by class.
 */
export type ErrorKind = 'authentication' | 'permission' | 'not_found' | 'conflict' | 'validation' | 'rate_limit' | 'server';

const byKind = {
  authentication: AuthenticationError,
  permission: PermissionDeniedError,
  not_found: NotFoundError,
  conflict: ConflictError,
  validation: ValidationError,
  rate_limit: RateLimitError,
  server: ServerError,
} as const;

const STATUS_KINDS: Record<number, ErrorKind> = {
  400: 'validation',
  401: 'authentication',
  403: 'permission',
  404: 'not_found',
  409: 'conflict',
  413: 'validation',
  422: 'validation',
  429: 'rate_limit',
};

/**
 * What an HTTP status means, or `undefined` for one that says nothing (2xx, 3xx, other 4xx). Also used by
 * dialects that carry a status inside their own error code (platform: `code / 100`).
 *
 * @example
 * kindOfStatus(404); // 'not_found'
 */
export function kindOfStatus(status: number): ErrorKind | undefined {
  return STATUS_KINDS[status] ?? (status >= 500 ? 'server' : undefined);
}

/**
 * Builds the most specific {@link ApiError} subclass: the status decides first, the dialect's hint second, unless
 * the dialect's reader `decides` (its statuses mislead where upstream means otherwise).
 *
 * @example
 * throw createApiError({ status: 404, message: 'record not found', dialect: 'newapi', request });
 * throw createApiError({ status: 403, message: 'record not found', dialect: 'opencat', request }, 'not_found', true); // NotFoundError
 */
export function createApiError(init: ApiErrorInit & { retryAfter?: number | undefined }, kind?: ErrorKind, decides = false): ApiError {
  const resolved = (decides ? kind : undefined) ?? kindOfStatus(init.status) ?? kind;
  const Ctor = resolved ? byKind[resolved] : ApiError;
  return new Ctor(init);
}
