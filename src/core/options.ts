import { envLogger } from './env-logger.js';
import { VERSION, VERSION_HEADER } from './version.js';
import type { FetchCredentials } from './fetch-types.js';

/** A console-like sink. gatewaykit redacts secrets before anything reaches it. */
export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** How retries wait. */
export interface RetryOptions {
  /** First backoff delay in ms; doubles each attempt, with jitter. @default 500 */
  baseDelay?: number;
  /** Upper bound of one backoff delay in ms. @default 8000 */
  maxDelay?: number;
  /** The longest `Retry-After` honoured, in ms; a longer one is not waited for and the error is thrown. @default 60000 */
  maxRetryAfter?: number;
}

/** Options shared by every dialect's client. */
export interface ClientOptions {
  /** The gateway's origin, e.g. `https://ai.example.com`. */
  baseURL: string;
  /**
   * The fetch to call. Looked up on every call when omitted, never captured at import, so msw's
   * `server.listen()` and test doubles installed later still apply. @default globalThis.fetch
   */
  fetch?: (input: Request) => Promise<Response>;
  /** Time allowed for one attempt, in ms. @default 60000 */
  timeout?: number;
  /** Time allowed for the whole call, retries and backoff included, in ms. @default undefined (none) */
  deadline?: number;
  /** Retries after the first attempt, only where a retry is safe. @default 2 */
  maxRetries?: number;
  /** Backoff tuning. */
  retry?: RetryOptions;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * Sends `X-Gatewaykit-Version: <version>` on every request, so a gateway's logs can tell SDK calls and their
   * version apart (browsers forbid setting `User-Agent`). Off for cross-origin calls from a browser by default: a
   * header no gateway's CORS lists would fail the preflight where the gateway names its allowed headers, and the
   * browser's own `User-Agent` is sent there anyway (docs/decisions/021-version-header.md). A `headers` or
   * per-call value of the same name replaces it.
   * @default true, but false in a browser (a page or a worker) when `baseURL` is another origin than its own
   */
  versionHeader?: boolean;
  /**
   * Receives one line per request (`→ GET <url>`) and per response (`← 200 GET <url> in 12 ms`) at `debug`, and one
   * per retry at `warn`, with the headers as meta; URLs and headers are redacted (tokens, cookies, `?key=`), and
   * bodies are never logged. @default the console when `GATEWAYKIT_LOG` is `debug`, `info`, `warn` or `error` in
   * `process.env`, else undefined (silent)
   */
  logger?: Logger;
  /** Called before each attempt is sent; may return a replacement request. */
  onRequest?: (request: Request) => Request | void | Promise<Request | void>;
  /** Called with each response before it is read; may return a replacement response. */
  onResponse?: (response: Response, request: Request) => Response | void | Promise<Response | void>;
  /**
   * Sent as `credentials` on every request. @default 'include' in browsers for a cookie-session dialect (new-api),
   * unset for bearer dialects (platform) and outside browsers
   */
  credentials?: FetchCredentials;
  /**
   * Keep cookies between calls (login sessions). @default true outside browsers for a cookie-session dialect,
   * false in browsers (the browser keeps them) and for bearer dialects
   */
  cookies?: boolean;
}

/** Per-call options, the last argument of every resource method. They never mix with request params. */
export interface RequestOptions {
  /** Aborts the call, retries included. */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt `timeout` for this call, in ms. */
  timeout?: number;
  /** Overrides the client's `deadline` for this call, in ms. */
  deadline?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** Options after defaults are applied, frozen once per client. */
export interface ResolvedOptions {
  readonly baseURL: string;
  readonly fetch: ((input: Request) => Promise<Response>) | undefined;
  readonly timeout: number;
  readonly deadline: number | undefined;
  readonly maxRetries: number;
  readonly retry: Readonly<Required<RetryOptions>>;
  /** The `headers` option, with `x-gatewaykit-version` first when {@link ResolvedOptions.versionHeader} is on. */
  readonly headers: Readonly<Record<string, string>>;
  readonly versionHeader: boolean;
  readonly logger: Logger | undefined;
  readonly onRequest: ClientOptions['onRequest'];
  readonly onResponse: ClientOptions['onResponse'];
  readonly credentials: FetchCredentials | undefined;
  readonly cookies: boolean;
}

/**
 * Applies defaults once and freezes the result, so a client's behaviour cannot drift after creation. `auth` says
 * whether the dialect's credentials ride on cookies, which decides the `credentials` and `cookies` defaults.
 *
 * @example
 * const resolved = resolveOptions({ baseURL: 'http://127.0.0.1:4010' });
 * resolved.maxRetries; // 2
 */
export function resolveOptions(options: ClientOptions, auth: { cookies: boolean } = { cookies: true }): ResolvedOptions {
  if (!/^https?:\/\//.test(options?.baseURL)) {
    throw new TypeError('Failed to create client: `baseURL` must be an absolute http(s) URL.');
  }
  const retry = { baseDelay: 500, maxDelay: 8_000, maxRetryAfter: 60_000, ...definedOnly(options.retry ?? {}) };
  const numbers = { timeout: 60_000, maxRetries: 2, ...definedOnly({ timeout: options.timeout, maxRetries: options.maxRetries, deadline: options.deadline }) };
  for (const [name, value] of Object.entries({ ...numbers, ...retry })) {
    if (!(value === undefined || value >= 0)) throw new TypeError(`Failed to create client: \`${name}\` must be a non-negative number.`);
  }
  const browser = inBrowser();
  const versionHeader = options.versionHeader ?? (!browser || sameOrigin(options.baseURL));
  return Object.freeze({
    ...numbers,
    baseURL: options.baseURL.replace(/\/+$/, ''),
    fetch: options.fetch,
    deadline: options.deadline,
    maxRetries: Math.floor(numbers.maxRetries),
    retry: Object.freeze(retry),
    // The version header rides in the client's defaults, so a request costs no header work beyond theirs.
    headers: Object.freeze(versionHeader && !named(options.headers, VERSION_HEADER) ? { [VERSION_HEADER]: VERSION, ...options.headers } : { ...options.headers }),
    versionHeader,
    logger: options.logger ?? envLogger(),
    onRequest: options.onRequest,
    onResponse: options.onResponse,
    credentials: options.credentials ?? (browser && auth.cookies ? 'include' : undefined),
    cookies: options.cookies ?? (!browser && auth.cookies),
  });
}

/**
 * Whether this runs in a browser: a page (a `document`), or a dedicated, shared or service worker, which has no
 * `document` but the same CORS and cookie rules (`importScripts` is on every worker scope, and on no server runtime).
 */
function inBrowser(): boolean {
  return typeof document !== 'undefined' || typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
}

/** Whether `headers` has `name`, in any case. */
function named(headers: Record<string, string> | undefined, name: string): boolean {
  return headers !== undefined && Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/** Whether `url` is the page's own origin, so no CORS applies to it. */
function sameOrigin(url: string): boolean {
  const page = (globalThis as { location?: { origin?: string } }).location?.origin;
  return page !== undefined && new URL(url).origin === page;
}

/** Drops undefined values, so an explicit `undefined` option keeps its default. */
function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
