/**
 * `gatewaykit/core`: the machinery for dialect authors (a client base, resources, envelope readers, auth
 * strategies, pagers, id rules). Apps import from `gatewaykit` and a dialect's entry instead; see
 * docs/decisions/016-root-entry-and-core-subpath.md.
 *
 * @example
 * import { BaseClient, staticBearer } from 'gatewaykit/core';
 * @module
 */
export { BaseClient, type DialectSpec, type PageStyle } from './client.js';
export { CookieJar } from './cookie-jar.js';
export { plainEnvelope, type EnvelopeData, type EnvelopeReader, type EnvelopeResult } from './envelope.js';
export { createApiError, kindOfStatus, type ErrorKind } from './errors/create-api-error.js';
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
export { resolveOptions, type ResolvedOptions } from './options.js';
export { redactBody, redactHeaders, redactUrl } from './redact.js';
export { createRenewal } from './renewal.js';
export { Resource } from './resource.js';
export type { Received, RequestSpec } from './transport.js';
export { assertId, assertString } from './validate.js';
