/**
 * gatewaykit: the SDK for the account APIs of LLM API gateways. The root entry holds what apps use with every
 * dialect: errors and their guards, options, pages, and `connect()`, the one client across gateways (it loads a
 * dialect's adapter only when called). Each dialect has its own entry (`gatewaykit/newapi`, `gatewaykit/platform`,
 * `gatewaykit/aether`, `gatewaykit/opencat`); the machinery for writing a dialect is in `gatewaykit/core`.
 *
 * @example
 * import { isNotFoundError, type ClientOptions } from 'gatewaykit';
 * @module gatewaykit
 */
export { ApiPromise, type WithResponse } from './core/api-promise.js';
export { AbortError, isAbortError } from './core/errors/abort-error.js';
export { ApiError, isApiError, type ApiErrorInit } from './core/errors/api-error.js';
export { AuthenticationError, isAuthenticationError } from './core/errors/authentication-error.js';
export { ConflictError, isConflictError } from './core/errors/conflict-error.js';
export { ConnectionError, isConnectionError } from './core/errors/connection-error.js';
export type { ErrorKind } from './core/errors/create-api-error.js';
export { GatewayError, isGatewayError } from './core/errors/gateway-error.js';
export { NotFoundError, isNotFoundError } from './core/errors/not-found-error.js';
export { PermissionDeniedError, isPermissionDeniedError } from './core/errors/permission-denied-error.js';
export { RateLimitError, isRateLimitError } from './core/errors/rate-limit-error.js';
export { ServerError, isServerError } from './core/errors/server-error.js';
export { TimeoutError, isTimeoutError } from './core/errors/timeout-error.js';
export { ValidationError, isValidationError } from './core/errors/validation-error.js';
export type { HttpMethod, RequestBody, RequestQuery, ResponseData, ResponseShape } from './core/operation.js';
export type { ClientOptions, Logger, RequestOptions, RetryOptions } from './core/options.js';
export { Page, PagePromise, TO_ARRAY_MAX, type PageParams, type ToArrayOptions } from './core/page.js';
export { VERSION } from './core/version.js';
export { detectDialect, type DetectableDialect, type Detection, type DetectOptions, type ProbeAnswer, type ProbeEvidence } from './gateway/detect.js';
export { connect, type ConnectOptions } from './gateway/connect.js';
export { UnsupportedOperationError, isUnsupportedOperationError, type UnsupportedOperationInit } from './gateway/errors.js';
export { DEFAULT_QUOTA_PER_USD, Money, type ConvertOptions, type MoneyJSON, type MoneyOptions, type MoneyUnit } from './gateway/money.js';
export { OPERATIONS, type Operation } from './gateway/operations.js';
export type {
  AdapterFactory,
  AdapterInit,
  Capabilities,
  Capability,
  CreatedGatewayKey,
  Dialect,
  DialectAuth,
  DialectClients,
  DialectRaw,
  Gateway,
  GatewayAdapter,
  GatewayKey,
  GatewayKeyCreateParams,
  GatewayKeyListParams,
  GatewayKeyRevokeParams,
  GatewayOperations,
  GatewayRole,
  GatewayStatus,
  GatewayUser,
  GatewayUserCreateParams,
  Quota,
  QuotaFigures,
  RawOf,
  UsageSummary,
  UsageSummaryParams,
} from './gateway/types.js';
