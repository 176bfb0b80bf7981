import { AbortError } from './errors/abort-error.js';
import { ConnectionError } from './errors/connection-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import type { CookieJar } from './cookie-jar.js';
import type { FetchHeadersInit } from './fetch-types.js';
import { sleep } from './internal/sleep.js';
import type { RequestOptions, ResolvedOptions } from './options.js';
import { redactHeaders, redactUrl } from './redact.js';
import { backoffDelay, isRetryableFailure, isRetryableStatus, mayHaveActed, parseRetryAfter } from './retry.js';

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
  headers?: FetchHeadersInit | undefined;
  /** Already serialized, so every attempt can send it again. */
  body?: string | undefined;
}

/** An answer, with its body already read inside the attempt's timeout. */
export interface Received {
  response: Response;
  /** The body as text; `''` when there is none. */
  text: string;
  /**
   * An earlier attempt of this call was retried although it may have reached the server and acted (its answer
   * was lost after sending, timed out, or was a 5xx). What lets a retried delete's not-found count as done.
   */
  earlierMayHaveActed: boolean;
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
export async function send(options: ResolvedOptions, hooks: TransportHooks, request: RequestSpec, call: RequestOptions = {}): Promise<Received> {
  const method = request.method;
  const maxRetries = call.maxRetries ?? options.maxRetries;
  const deadline = call.deadline ?? options.deadline;
  const started = Date.now();
  let acted = false;

  for (let attempt = 0; ; attempt++) {
    const remaining = deadline === undefined ? Infinity : deadline - (Date.now() - started);
    if (remaining <= 0) throw new TimeoutError(deadline ?? 0, 'deadline');
    const timeout = Math.min(call.timeout ?? options.timeout, remaining);
    const outcome = await attemptOnce(options, hooks, request, call, timeout);
    const canRetry = attempt < maxRetries;

    let delay = backoffDelay(attempt, options.retry.baseDelay, options.retry.maxDelay);
    if (outcome instanceof Error) {
      if (outcome instanceof AbortError || !canRetry || !isRetryableFailure(method, outcome.cause ?? outcome)) throw outcome;
    } else {
      const { response } = outcome;
      outcome.earlierMayHaveActed = acted;
      if (!canRetry || !isRetryableStatus(method, response.status)) return outcome;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      // A Retry-After beyond the cap (or the deadline) is the server saying "not soon": give up now.
      if (retryAfter !== undefined && retryAfter > options.retry.maxRetryAfter) return outcome;
      delay = retryAfter ?? delay;
      if (deadline !== undefined && Date.now() - started + delay >= deadline) return outcome;
    }
    acted ||= mayHaveActed(outcome);
    const reason = outcome instanceof Error ? outcome.message : `status ${outcome.response.status}`;
    options.logger?.warn(`Retry ${attempt + 1}/${maxRetries} of ${method} ${redactUrl(request.url)} in ${Math.round(delay)} ms: ${reason}`);
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
): Promise<Received | ConnectionError | AbortError> {
  if (call.signal?.aborted) return new AbortError({ cause: call.signal.reason });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);
  const onAbort = () => controller.abort(call.signal?.reason);
  call.signal?.addEventListener('abort', onAbort, { once: true });
  // One promise per attempt that rejects when the attempt is aborted (timeout or the caller's signal),
  // raced against the fetch and then the body read. Real fetch wires the signal into the body stream,
  // but an injected fetch (an in-process server, a test double) may ignore it; the timeout and the
  // caller's abort must hold regardless. Its listener dies with the attempt's controller.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  aborted.catch(() => {});
  const failure = (error: unknown) => {
    if (!controller.signal.aborted) return new ConnectionError(undefined, { cause: error });
    return controller.signal.reason === TIMED_OUT ? new TimeoutError(timeout) : new AbortError({ cause: controller.signal.reason });
  };
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
    const started = options.logger ? performance.now() : 0;
    options.logger?.debug(`→ ${request.method} ${redactUrl(request.url)}`, { headers: redactHeaders(request.headers) });
    let response: Response;
    let text: string;
    try {
      // Looked up per call, never captured: msw's server.listen() or a later stub must still apply.
      // Aborted during onRequest: send nothing, rather than let an instant answer win the race below.
      if (controller.signal.aborted) return failure(controller.signal.reason);
      response = await Promise.race([(options.fetch ?? globalThis.fetch)(request), aborted]);
    } catch (error) {
      return failure(error);
    }
    hooks.jar?.store(response.headers);
    if (options.onResponse) response = (await options.onResponse(response, request)) ?? response;
    try {
      // Read inside the attempt, so a stalled body counts against the timeout. Reading once as text is
      // measurably cheaper than buffering and rebuilding a Response (bench: ~15% of a loopback call).
      text = await Promise.race([response.text(), aborted]);
    } catch (error) {
      return failure(error);
    }
    options.logger?.debug(`← ${response.status} ${request.method} ${redactUrl(request.url)} in ${Math.round(performance.now() - started)} ms`, {
      headers: redactHeaders(response.headers),
    });
    return { response, text, earlierMayHaveActed: false };
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onAbort);
  }
}

function buildHeaders(options: ResolvedOptions, hooks: TransportHooks, own: FetchHeadersInit | undefined, perCall: Record<string, string> | undefined): Headers {
  // Precedence, lowest first: client defaults (the version header among them), the operation's own, credentials, cookies, per-call headers.
  const headers = new Headers(options.headers);
  merge(headers, own);
  hooks.authorize?.(headers);
  const cookie = hooks.jar?.header();
  if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
  merge(headers, perCall);
  return headers;
}

function merge(headers: Headers, more: FetchHeadersInit | undefined): void {
  if (more === undefined) return;
  const prototype = Object.getPrototypeOf(more);
  if ((prototype === Object.prototype || prototype === null) && !(Symbol.iterator in more)) {
    // The common case, a plain object, without building a second Headers to walk it.
    for (const [name, value] of Object.entries(more as Record<string, string>)) headers.set(name, value);
    return;
  }
  // Anything else (an array with repeated names, another realm's Headers, a Map) the way `new Headers` reads it.
  new Headers(more).forEach((value, name) => headers.set(name, value));
}
