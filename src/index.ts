/**
 * gatewaykit: the SDK for the account APIs of LLM API gateways. The root entry holds what every
 * dialect shares: errors, options, pages. Each dialect has its own entry, e.g. `gatewaykit/newapi`.
 *
 * @example
 * import { ApiError, isGatewayError } from 'gatewaykit';
 * @module
 */
export { BaseClient, type DialectSpec, type PageStyle } from './core/client.js';
export { CookieJar } from './core/cookie-jar.js';
export { plainEnvelope, type EnvelopeData, type EnvelopeReader, type EnvelopeResult } from './core/envelope.js';
export { AbortError } from './core/errors/abort-error.js';
export { ApiError, type ApiErrorInit } from './core/errors/api-error.js';
export { AuthenticationError } from './core/errors/authentication-error.js';
export { ConflictError } from './core/errors/conflict-error.js';
export { ConnectionError } from './core/errors/connection-error.js';
export { createApiError, kindOfStatus, type ErrorKind } from './core/errors/create-api-error.js';
export { GatewayError, isGatewayError } from './core/errors/gateway-error.js';
export { NotFoundError } from './core/errors/not-found-error.js';
export { PermissionDeniedError } from './core/errors/permission-denied-error.js';
export { RateLimitError } from './core/errors/rate-limit-error.js';
export { ServerError } from './core/errors/server-error.js';
export { TimeoutError } from './core/errors/timeout-error.js';
export { ValidationError } from './core/errors/validation-error.js';
export type { HttpMethod, Operation, OperationData, OperationInit, RequestBody, RequestQuery, ResponseData, SuccessBody } from './core/operation.js';
export { resolveOptions, type ClientOptions, type Logger, type RequestOptions, type ResolvedOptions, type RetryOptions } from './core/options.js';
export { Page, PagePromise, type PageData, type PageParams } from './core/page.js';
export { redactBody, redactHeaders, redactUrl } from './core/redact.js';
export { createRenewal } from './core/renewal.js';
export { Resource } from './core/resource.js';
export type { Received, RequestSpec } from './core/transport.js';
export { assertId, assertString } from './core/validate.js';
