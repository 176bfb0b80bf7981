// The one place the version comes from: package.json, inlined by the bundler at build time (esbuild keeps only
// this field of the JSON), read as is when the source runs under vitest or tsx.
import { version } from '../../package.json';

/**
 * This package's version, as `X-Gatewaykit-Version` sends it.
 *
 * @example
 * console.log(`gatewaykit ${VERSION}`);
 */
export const VERSION: string = version;

/**
 * The request header that names the SDK and its version, where browsers forbid setting `User-Agent`.
 *
 * @example
 * const versions = server.requests.map((entry) => entry.headers[VERSION_HEADER]);
 */
export const VERSION_HEADER = 'x-gatewaykit-version';
