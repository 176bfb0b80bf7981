/**
 * `gatewaykit/core`: the machinery for dialect authors: a client base, resources, envelope readers, auth
 * strategies, pagers, id rules, the transport's types. Apps import from `gatewaykit` and a dialect's entry instead;
 * see docs/decisions/016-root-entry-and-core-subpath.md.
 *
 * @example
 * import { BaseClient, offsetPager, staticBearer, uuidId } from 'gatewaykit/core';
 * @module gatewaykit/core
 */
export { cookieSession, type CookieSession, type CookieSessionConfig } from './auth/cookie-session.js';
export { staticBearer } from './auth/static-bearer.js';
export type { AuthContext, AuthStrategy, CallOutcome, RouteKey } from './auth/strategy.js';
export { tokenSession, type SessionTokenFields, type TokenSession, type TokenSessionConfig } from './auth/token-session.js';
export { BaseClient, type DialectSpec } from './client.js';
export { CookieJar } from './cookie-jar.js';
export { plainEnvelope, type EnvelopeData, type EnvelopeReader, type EnvelopeResult } from './envelope.js';
export { createApiError, kindOfStatus, type ErrorKind } from './errors/create-api-error.js';
export { ERROR_CLASS, errorGuard } from './errors/gateway-error.js';
export { checkPathIds, integerId, prefixedId, uuidId, type IdKind } from './ids.js';
export type {
  HttpMethod,
  Operation,
  OperationData,
  OperationInit,
  PageItem,
  PathsWith,
  RequestBody,
  RequestQuery,
  ResponseData,
  ResponseShape,
  SuccessBody,
} from './operation.js';
export type { FetchCredentials, FetchHeadersInit } from './fetch-types.js';
export { resolveOptions, type ResolvedOptions } from './options.js';
export type { PageData } from './page.js';
export { offsetPager, pageNumber, unpaged, type Pager } from './pagers.js';
export { redactBody, redactHeaders, redactJsonText, redactUrl } from './redact.js';
export { createRenewal } from './renewal.js';
export { Resource } from './resource.js';
export type { Received, RequestSpec } from './transport.js';
export { assertId, assertString } from './validate.js';
