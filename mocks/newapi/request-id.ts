/**
 * new-api's `middleware.RequestId()` (main.go `server.Use`, so on every answer): `X-Oneapi-Request-Id`, built as
 * `common.NewRequestId()` builds it.
 * @module
 */
import type { RequestIdRule } from '../core/request-id.js';
import { ALPHANUMERIC } from '../core/random.js';

// `requestIdPrefix`: the first 4 bytes, hex, of sha256("github.com/QuantumNous/new-api"), the module path of a build.
const PREFIX = '8268d9d6';

/**
 * `GetTimeString()` (UTC `20060102150405` and the nanoseconds of the second, 9 digits) + the prefix +
 * `GetRandomString(8)`: 39 characters, e.g. `20260101120000123000000` `8268d9d6` `Ab3dE6gH`.
 *
 * @example
 * const dialect = { ...newApiDialect, requestId: newApiRequestId };
 */
export const newApiRequestId: RequestIdRule = {
  header: 'X-Oneapi-Request-Id',
  make(clock, random) {
    const now = new Date(clock.now());
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const date = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
    const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
    return `${date}${time}${pad(now.getUTCMilliseconds() * 1_000_000, 9)}${PREFIX}${random.string(8, ALPHANUMERIC)}`;
  },
};
