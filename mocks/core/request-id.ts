/**
 * A request id on every answer, for a dialect whose upstream stamps one (new-api's `X-Oneapi-Request-Id`): the
 * header clients quote in bug reports and the SDK puts on its errors as `requestId`.
 * @module
 */
import type { Clock } from './clock.js';
import type { Random } from './random.js';
import { editHeaders } from './response.js';

/** A dialect's request-id middleware ({@link Dialect.requestId}): the header it sets and how it makes an id. */
export interface RequestIdRule {
  /** The response header, e.g. `X-Oneapi-Request-Id`. */
  header: string;
  /** A fresh id; `random` is a stream of its own, so ids never shift a seeded run's other values. */
  make(clock: Clock, random: Random): string;
}

/**
 * `response` with `rule`'s header set to `id` (a copy where the answer's headers are immutable).
 *
 * @example
 * return stampRequestId(dialect.requestId, response, id);
 */
export function stampRequestId(rule: RequestIdRule, response: Response, id: string): Response {
  return editHeaders(response, (headers) => headers.set(rule.header, id));
}
