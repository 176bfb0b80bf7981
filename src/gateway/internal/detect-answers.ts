/**
 * What one detection probe's answer looks like, as one {@link ProbeAnswer} label: the envelope, error body or page
 * it carries. The labels are facts of the four families (new-api at NOV25 and JUL26, platform's contract, Aether
 * `2b1d197`, opencatd-open `c11824f` and its edge build opencatd_worker `31ad315` on Hono 3); anything else is `other`, never a near miss.
 * @module
 */
import type { ProbeAnswer } from '../detect.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOnlyKeys = (value: Json, keys: readonly string[]) => Object.keys(value).every((key) => keys.includes(key));

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// `Invalid URL (GET <path>)` names the path new-api saw, which ends in the probe's path whatever base path a
// reverse proxy in front of it strips.
const isRelayNotFound = (message: unknown, path: string) => typeof message === 'string' && message.startsWith('Invalid URL (GET ') && message.endsWith(`${path})`);

// new-api's group table: every value is `{ratio, desc}`; `ratio` is the string `自动` for the `auto` group.
const isGroupTable = (data: unknown) =>
  isObject(data) && Object.values(data).every((group) => isObject(group) && typeof group.desc === 'string' && ['number', 'string'].includes(typeof group.ratio));

function jsonShape(status: number, body: Json, path: string): ProbeAnswer {
  if (status === 200 && body.success === true && typeof body.message === 'string' && isGroupTable(body.data)) return 'newapi-groups';
  const error = body.error;
  if (status === 404 && isObject(error) && error.type === 'invalid_request_error' && isRelayNotFound(error.message, path)) {
    return 'newapi-relay-404';
  }
  if (typeof body.code === 'number' && typeof body.message === 'string' && 'data' in body && hasOnlyKeys(body, ['code', 'message', 'data'])) {
    if (status === 401 && body.code === 40101) return 'platform-unauthenticated';
    if (status === 404 && body.code === 40400) return 'platform-route-not-found';
  }
  if (status === 401 && hasOnlyKeys(body, ['error']) && isObject(error) && error.type === 'http_error' && typeof error.message === 'string') {
    return 'aether-unauthenticated';
  }
  if (status === 404 && hasOnlyKeys(body, ['detail']) && body.detail === 'Not Found') return 'starlette-not-found';
  if (status === 401 && hasOnlyKeys(body, ['error']) && error === 'Unauthorized') return 'opencat-unauthorized';
  return 'other';
}

/**
 * Labels the answer to the probe of `path` (below the base URL). The body is read as text whatever the
 * `Content-Type` says, since the families disagree on it (Starlette's 404 is `application/json`, gin's is
 * `text/plain`).
 *
 * @example
 * answerShape(new Response('404 page not found', { status: 404 }), '404 page not found', '/1/me'); // 'gin-not-found'
 */
export function answerShape(response: Response, text: string, path: string): ProbeAnswer {
  const { status, headers } = response;
  const body = parseJson(text);
  if (isObject(body)) return jsonShape(status, body, path);
  if (status === 404 && text === '404 page not found') return 'gin-not-found';
  if (status === 404 && text === '404 Not Found') return 'hono-not-found';
  if (status === 200 && /^text\/html\b/i.test(headers.get('content-type') ?? '')) return 'html-page';
  // new-api with FRONTEND_BASE_URL: NoRoute is a 301 to the frontend plus the request URI (router/main.go). gin's and
  // Starlette's trailing-slash redirects change the path, so they never end in the probe's own path.
  if (status === 301 && (headers.get('location') ?? '').endsWith(path)) return 'newapi-frontend-redirect';
  return 'other';
}
