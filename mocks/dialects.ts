/**
 * The registry: every dialect the reference server speaks, by name. Adding a dialect is its folder under
 * `mocks/`, its OpenAPI document, its package export and one line here; the CLI, the control API, the contract
 * checks and the test harness all read the rest from the dialect object (docs/decisions/017).
 * @module
 */
import { newApiDialect } from './newapi/dialect.js';
import { openCatDialect } from './opencat/dialect.js';
import { platformDialect } from './platform/dialect.js';

/**
 * The dialects, by the name `createReferenceServer({ dialect })` takes.
 *
 * @example
 * DIALECTS.newapi.sandbox.port; // 4010
 */
export const DIALECTS = {
  newapi: newApiDialect,
  opencat: openCatDialect,
  platform: platformDialect,
};
