/**
 * Which gateway family answers at a base URL, told from four unauthenticated `GET`s. Each family answers one
 * of them as only it does (a public route, or its own 401 envelope) and the other three with its own not-found
 * answer (new-api's relay 404 or its single-page app, platform's 40400 envelope, Starlette's `{"detail":"Not
 * Found"}`, gin's `404 page not found` or, for OpenCat's edge build, Hono's `404 Not Found`), so the four answers together name the family or name none.
 * @module
 */
import { ConnectionError } from '../core/errors/connection-error.js';
import { TimeoutError } from '../core/errors/timeout-error.js';
import { resolveOptions, type ResolvedOptions } from '../core/options.js';
import { send } from '../core/transport.js';
import { answerShape } from './internal/detect-answers.js';
import { familiesFitting, PROBES, type Probe } from './internal/detect-probes.js';

/** A gateway family {@link detectDialect} can name. */
export type DetectableDialect = 'newapi' | 'platform' | 'aether' | 'opencat';

/**
 * What one probe's answer looked like: `newapi-groups` (new-api's public group table), `newapi-relay-404`
 * (`{"error":{"message":"Invalid URL (GET …)","type":"invalid_request_error"}}`), `newapi-frontend-redirect` (301 to
 * the same path on the frontend a `FRONTEND_BASE_URL` names), `platform-unauthenticated`
 * (401 `{code:40101}`), `platform-route-not-found` (404 `{code:40400}`), `aether-unauthenticated`
 * (401 `{"error":{"type":"http_error"}}`), `starlette-not-found` (404 `{"detail":"Not Found"}`),
 * `opencat-unauthorized` (401 `{"error":"Unauthorized"}`), `gin-not-found` (404 `404 page not found`),
 * `hono-not-found` (404 `404 Not Found`, OpenCat's edge build opencatd_worker),
 * `html-page` (200 HTML), `other`, or no answer: `timeout`, `unreachable`.
 */
export type ProbeAnswer =
  | 'newapi-groups'
  | 'newapi-relay-404'
  | 'newapi-frontend-redirect'
  | 'platform-unauthenticated'
  | 'platform-route-not-found'
  | 'aether-unauthenticated'
  | 'starlette-not-found'
  | 'opencat-unauthorized'
  | 'gin-not-found'
  | 'hono-not-found'
  | 'html-page'
  | 'other'
  | 'timeout'
  | 'unreachable';

/** Options of {@link detectDialect}. */
export interface DetectOptions {
  /** The fetch to call. @default globalThis.fetch */
  fetch?: (input: Request) => Promise<Response>;
  /** Time allowed for each probe (they run side by side), in ms. @default 3000 */
  timeoutMs?: number;
  /** Aborts detection: it rejects with `AbortError` and cancels the probes still running. */
  signal?: AbortSignal;
}

/** One probe and its answer. */
export interface ProbeEvidence {
  /** The request, e.g. `GET /api/user/groups` (below `baseURL`). */
  probe: string;
  /** The HTTP status; absent when there was no answer. */
  status?: number;
  answer: ProbeAnswer;
  /** The families that answer this probe this way; empty for an answer none of them gives. */
  fits: DetectableDialect[];
}

/** What {@link detectDialect} found. */
export interface Detection {
  /** The family, or `unknown` when the answers do not name exactly one. */
  dialect: DetectableDialect | 'unknown';
  /** The share of probes answered as `dialect` answers them: `1` when all agree, `0` with `unknown`. */
  confidence: number;
  /** Every probe, in the order sent. */
  evidence: ProbeEvidence[];
}

/** @default 3000 */
const DEFAULT_TIMEOUT_MS = 3_000;
/** A family's identifying answer alone is not enough: one more probe must have its not-found answer. */
const MIN_AGREEING = 2;

/**
 * Tells which family serves `baseURL` with four `GET` probes side by side (`/api/user/groups`,
 * `/api/v1/users/me`, `/api/auth/me`, `/1/me`), each with its own short timeout, never retried. Nothing is
 * sent that could authenticate: no `Authorization`, no cookies (`credentials: 'omit'`), no query string (the
 * base URL's query and fragment are dropped), and redirects are not followed, so no probe leaves the origin.
 * No probe writes. The answer is a family only when exactly one family's identifying answer came back and at
 * least one other probe agrees; anything else is `unknown`, never a guess. In a browser the gateway must allow
 * the page's origin (CORS), or every probe is `unreachable`.
 *
 * @example
 * const { dialect, confidence } = await detectDialect('https://ai.example.com');
 * if (dialect !== 'unknown') console.log(`${dialect} (${confidence * 100}% of probes agree)`);
 */
export async function detectDialect(baseURL: string, options: DetectOptions = {}): Promise<Detection> {
  const base = probeBase(baseURL);
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeout > 0 && Number.isFinite(timeout))) throw new TypeError('Failed to detect the dialect: `timeoutMs` must be a positive number.');
  // No header at all, the version header neither: a probe of an unknown server stays a simple request, which no
  // CORS setup can refuse with a preflight.
  const resolved = resolveOptions(
    { baseURL: base, fetch: options.fetch, timeout, maxRetries: 0, credentials: 'omit', cookies: false, onRequest: withoutRedirects, versionHeader: false },
    { cookies: false },
  );
  const evidence = await Promise.all(PROBES.map((probe) => runProbe(resolved, probe, options.signal)));
  return decide(evidence);
}

function probeBase(baseURL: string): string {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    throw new TypeError('Failed to detect the dialect: `baseURL` must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('Failed to detect the dialect: `baseURL` must be an absolute http(s) URL.');
  // Never echoed: the point is that these are credentials.
  if (url.username || url.password) throw new TypeError('Failed to detect the dialect: `baseURL` carries credentials (user:password@). Please pass the origin alone.');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

// A redirect could lead anywhere (new-api with FRONTEND_BASE_URL sends every unknown path to its frontend, another
// host); the 3xx itself is the answer.
const withoutRedirects = (request: Request) => new Request(request, { redirect: 'manual' });

async function runProbe(resolved: ResolvedOptions, probe: Probe, signal: AbortSignal | undefined): Promise<ProbeEvidence> {
  const label = `GET ${probe.path}`;
  try {
    const { response, text } = await send(resolved, {}, { method: 'GET', url: resolved.baseURL + probe.path }, signal ? { signal } : {});
    const answer = answerShape(response, text, probe.path);
    return { probe: label, status: response.status, answer, fits: familiesFitting(probe, answer) };
  } catch (error) {
    // The caller's abort (AbortError) propagates; a probe without an answer is evidence like any other.
    if (error instanceof TimeoutError) return { probe: label, answer: 'timeout', fits: [] };
    if (error instanceof ConnectionError) return { probe: label, answer: 'unreachable', fits: [] };
    throw error;
  }
}

function decide(evidence: ProbeEvidence[]): Detection {
  const identified = PROBES.filter((probe, index) => evidence[index]!.fits.includes(probe.identifies));
  if (identified.length !== 1) return { dialect: 'unknown', confidence: 0, evidence };
  const dialect = identified[0]!.identifies;
  const agreeing = evidence.filter((item) => item.fits.includes(dialect)).length;
  if (agreeing < MIN_AGREEING) return { dialect: 'unknown', confidence: 0, evidence };
  return { dialect, confidence: agreeing / PROBES.length, evidence };
}
