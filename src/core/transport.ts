import { AbortError } from './errors/abort-error.js';
import { ConnectionError } from './errors/connection-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import type { CookieJar } from './cookie-jar.js';
import { sleep } from './internal/sleep.js';
import type { RequestOptions, ResolvedOptions } from './options.js';
import { redactHeaders, redactUrl } from './redact.js';
import { backoffDelay, isRetryableFailure, isRetryableStatus, parseRetryAfter } from './retry.js';

/** What the transport needs from a client besides its options. */
export interface TransportHooks {
  /** Adds the dialect's credentials to each attempt's headers. */
  authorize?: ((headers: Headers) => void) | undefined;
  /** The session cookie jar, when the client keeps one. */
  jar?: CookieJar | undefined;
}

/** One call before it is sent: what each attempt's `Request` is built from. */
export interface RequestSpec {
  method: string;
  url: string;
  headers?: HeadersInit | undefined;
  /** Already serialized, so every attempt can send it again. */
  body?: string | undefined;
}

const TIMED_OUT = Symbol('timeout');

/**
 * Sends one call: per-attempt timeout, optional total deadline, safe retries with backoff and
 * `Retry-After`, the caller's `AbortSignal`, hooks, cookies and redacted logs. The body is read
 * inside the attempt, so a stalled body counts against the timeout like stalled headers do.
 *
 * @example
 * const response = await send(resolved, {}, { method: 'GET', url: 'http://127.0.0.1:4010/api/user/groups' }, { timeout: 5_000 });
 */
export async function send(options: ResolvedOptions, hooks: TransportHooks, request: RequestSpec, call: RequestOptions = {}): Promise<Response> {
  const method = request.method;
  const maxRetries = call.maxRetries ?? options.maxRetries;
  const deadline = call.deadline ?? options.deadline;
  const started = Date.now();
  const url = redactUrl(request.url);

  for (let attempt = 0; ; attempt++) {
    const remaining = deadline === undefined ? Infinity : deadline - (Date.now() - started);
    if (remaining <= 0) throw new TimeoutError(deadline ?? 0, 'deadline');
    const timeout = Math.min(call.timeout ?? options.timeout, remaining);
    const outcome = await attemptOnce(options, hooks, request, call, timeout);
    const canRetry = attempt < maxRetries;

    let delay = backoffDelay(attempt, options.retry.baseDelay, options.retry.maxDelay);
    if (!(outcome instanceof Response)) {
      if (outcome instanceof AbortError || !canRetry || !isRetryableFailure(method, outcome.cause ?? outcome)) throw outcome;
    } else {
      if (!canRetry || !isRetryableStatus(method, outcome.status)) return outcome;
      const retryAfter = parseRetryAfter(outcome.headers.get('retry-after'));
      // A Retry-After beyond the cap (or the deadline) is the server saying "not soon": give up now.
      if (retryAfter !== undefined && retryAfter > options.retry.maxRetryAfter) return outcome;
      delay = retryAfter ?? delay;
      if (deadline !== undefined && Date.now() - started + delay >= deadline) return outcome;
    }
    const reason = outcome instanceof Response ? `status ${outcome.status}` : outcome.message;
    options.logger?.warn(`Retrying ${method} ${url} in ${Math.round(delay)} ms (attempt ${attempt + 2} of ${maxRetries + 1}): ${reason}`);
    await pause(delay, call.signal);
  }
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch (reason) {
    throw new AbortError({ cause: reason });
  }
}

async function attemptOnce(
  options: ResolvedOptions,
  hooks: TransportHooks,
  spec: RequestSpec,
  call: RequestOptions,
  timeout: number,
): Promise<Response | ConnectionError | AbortError> {
  if (call.signal?.aborted) return new AbortError({ cause: call.signal.reason });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);
  const onAbort = () => controller.abort(call.signal?.reason);
  call.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let request = new Request(spec.url, {
      method: spec.method,
      headers: buildHeaders(options, hooks, spec.headers, call.headers),
      body: spec.body,
      signal: controller.signal,
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
    // A throwing hook is the caller's own error: it propagates unchanged and is never retried.
    if (options.onRequest) request = (await options.onRequest(request)) ?? request;
    const started = Date.now();
    options.logger?.debug(`→ ${request.method} ${redactUrl(request.url)}`, { headers: redactHeaders(request.headers) });
    let response: Response;
    try {
      // Looked up per call, never captured: msw's server.listen() or a later stub must still apply.
      const raw = await (options.fetch ?? globalThis.fetch)(request);
      const bytes = await raw.arrayBuffer();
      response = new Response(raw.status === 204 || raw.status === 304 ? null : bytes, raw);
    } catch (error) {
      if (!controller.signal.aborted) return new ConnectionError(undefined, { cause: error });
      return controller.signal.reason === TIMED_OUT ? new TimeoutError(timeout) : new AbortError({ cause: controller.signal.reason });
    }
    hooks.jar?.store(response.headers);
    if (options.onResponse) response = (await options.onResponse(response, request)) ?? response;
    options.logger?.debug(`← ${response.status} ${request.method} ${redactUrl(request.url)} in ${Date.now() - started} ms`, {
      headers: redactHeaders(response.headers),
    });
    return response;
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onAbort);
  }
}

function buildHeaders(options: ResolvedOptions, hooks: TransportHooks, own: HeadersInit | undefined, perCall: Record<string, string> | undefined): Headers {
  const headers = new Headers(options.headers);
  new Headers(own).forEach((value, name) => headers.set(name, value));
  hooks.authorize?.(headers);
  const cookie = hooks.jar?.header();
  if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
  for (const [name, value] of Object.entries(perCall ?? {})) headers.set(name, value);
  return headers;
}
