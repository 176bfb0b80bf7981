/**
 * The two Fetch types the public surface names that only the DOM lib declares. Named here, so the declarations
 * type-check in a Node project with `lib: ["ES2022"]` and `types: ["node"]` (issue 12); structurally they are the
 * Fetch standard's, so a DOM `RequestCredentials` or `HeadersInit` value is accepted where these are asked for.
 * @module
 */

/**
 * The Fetch standard's `RequestCredentials`: whether a browser sends cookies with a request.
 * @example
 * const credentials: FetchCredentials = 'include';
 */
export type FetchCredentials = 'include' | 'omit' | 'same-origin';

/**
 * The Fetch standard's `HeadersInit`: what `new Headers(...)` takes.
 * @example
 * const headers: FetchHeadersInit = { 'X-Request-Id': 'r-1' };
 */
export type FetchHeadersInit = Headers | Record<string, string> | Array<[string, string]>;
