import { createFinalURL, createQuerySerializer, defaultBodySerializer, defaultPathSerializer } from 'openapi-fetch';
import { ApiPromise, type Settled } from './api-promise.js';
import type { AuthStrategy } from './auth/strategy.js';
// For the {@link ApiError} in the docs of request(): the class every failure answer becomes.
import type { ApiError } from './errors/api-error.js';
import { CookieJar } from './cookie-jar.js';
import type { EnvelopeReader, EnvelopeResult } from './envelope.js';
import { createApiError } from './errors/create-api-error.js';
import { NotFoundError } from './errors/not-found-error.js';
import { checkPathIds, type IdKind } from './ids.js';
import type { HttpMethod, Operation, OperationData, OperationInit, PageItem, PathsWith, ResponseShape } from './operation.js';
import { resolveOptions, type ClientOptions, type RequestOptions, type ResolvedOptions } from './options.js';
import { Page, PagePromise, type PageData, type PageParams } from './page.js';
import type { Pager } from './pagers.js';
import { redactUrl } from './redact.js';
import { parseRetryAfter } from './retry.js';
import { send, type Received, type RequestSpec } from './transport.js';

/** What a dialect plugs into {@link BaseClient}. */
export interface DialectSpec {
  /** The dialect id, carried by every error. */
  name: string;
  /** Reads success and failure from an answer (envelope or bare). */
  envelope: EnvelopeReader;
  /** How this client authenticates; one strategy object per client. */
  auth: AuthStrategy;
  /** How list routes page, unless `pagers` names the route. */
  pager: Pager;
  /** Pagers of routes that page otherwise (an unpaged array among paged lists). */
  pagers?: Readonly<Record<string, Pager>>;
  /** The kind of each path param, by name (`id`, `user_id`), checked before anything is sent. */
  ids?: Readonly<Record<string, IdKind>>;
  /**
   * The header the upstream puts its request id in (new-api: `x-oneapi-request-id`); `x-request-id` is read
   * when it is absent. @default 'x-request-id'
   */
  requestIdHeader?: string;
}

type Init = { query?: unknown; path?: unknown; body?: unknown };
/** Enveloped dialects (new-api, platform) page by number and always say the total; bare ones may page by offset. */
type PageTotal<Shape extends ResponseShape> = Shape extends 'bare' ? number | undefined : number;

/**
 * The machinery every dialect's client shares: options, transport, auth, envelope unwrapping, errors, ids and
 * paging. A dialect's client adds its resources; resources call `request()`, `remove()` and `page()`.
 *
 * @example
 * class MyClient extends BaseClient<paths, 'bare'> { ... }
 */
export abstract class BaseClient<Paths extends {}, Shape extends ResponseShape = 'enveloped'> {
  /** The resolved, frozen options. */
  readonly options: ResolvedOptions;
  readonly #dialect: DialectSpec;
  readonly #jar: CookieJar | undefined;

  constructor(options: ClientOptions, dialect: DialectSpec) {
    this.options = resolveOptions(options, dialect.auth);
    this.#dialect = dialect;
    this.#jar = this.options.cookies ? new CookieJar() : undefined;
    dialect.auth.attach?.({ request: (method, path, init, call) => this.#call(method, path, init, call), jar: this.#jar });
  }

  /**
   * Calls any route of the dialect's document, typed from it, with the client's auth, retries and errors: the way to
   * a documented route that has no resource method. Resolves to the route's data (unwrapped from its envelope) or
   * throws the matching {@link ApiError}.
   *
   * @example
   * const user = await client.request('get', '/api/user/{id}', { path: { id: 42 } });
   */
  request<P extends PathsWith<Paths, M>, M extends HttpMethod>(
    method: M,
    path: P,
    init: OperationInit<Operation<Paths, P, M>>,
    options?: RequestOptions,
  ): ApiPromise<OperationData<Operation<Paths, P, M>, Shape>> {
    return new ApiPromise(this.#exchange(method, path, init, options) as Promise<Settled<OperationData<Operation<Paths, P, M>, Shape>>>);
  }

  /**
   * Sends a `DELETE` of one resource. When the answer is not-found but an earlier attempt of this call may
   * have reached the server (its answer was lost and the call was retried), the resource is gone as asked
   * and the call resolves; a not-found on the first attempt still throws {@link NotFoundError}.
   * See docs/decisions/015-retried-delete.md.
   * @internal used by resources' `delete` methods
   */
  remove<P extends PathsWith<Paths, 'delete'>>(path: P, init: OperationInit<Operation<Paths, P, 'delete'>>, options?: RequestOptions): ApiPromise<void> {
    return new ApiPromise(this.#exchange('delete', path, init, options, true).then(({ answer }) => ({ data: undefined, answer })));
  }

  /**
   * Sends a list operation and wraps the answer in a {@link Page} that can fetch the next ones. The item type comes
   * from the route's schema; `page` and `pageSize` become the route pager's wire names.
   * @internal used by resources
   */
  page<P extends PathsWith<Paths, 'get'>>(path: P, query: PageParams & object, options?: RequestOptions): PagePromise<PageItem<Paths, P, Shape>, PageTotal<Shape>> {
    type T = PageItem<Paths, P, Shape>;
    type Total = PageTotal<Shape>;
    const pager = this.#dialect.pagers?.[path] ?? this.#dialect.pager;
    const { page = 1, pageSize, ...rest } = query;
    const exchange = (n: number): Promise<Settled<Page<T, Total>>> =>
      this.#exchange('get', path, { query: { ...rest, ...pager.query(n, pageSize) } }, options).then(({ data, answer }) => ({
        data: new Page(pager.read(data, n, pageSize) as PageData<T, Total>, fetchPage),
        answer,
      }));
    const fetchPage = (n: number): Promise<Page<T, Total>> => exchange(n).then(({ data }) => data);
    return new PagePromise(new ApiPromise(exchange(page)));
  }

  /** The data alone, for auth strategies' own calls (a token refresh). */
  #call(method: string, path: string, init: Init, options: RequestOptions | undefined): Promise<unknown> {
    return this.#exchange(method, path, init, options).then(({ data }) => data);
  }

  async #exchange(method: string, path: string, init: Init, options: RequestOptions | undefined, goneIsDone = false): Promise<Settled<unknown>> {
    const spec = this.#spec(method, path, init);
    const auth = this.#dialect.auth;
    const route = `${spec.method} ${path}`;
    let data: unknown;
    let answer: Received;
    try {
      const sendOnce = () => send(this.options, { authorize: (headers) => auth.authorize(headers), jar: this.#jar }, spec, options);
      answer = await (auth.send ? auth.send(sendOnce, spec.url) : sendOnce());
      try {
        data = this.#unwrap(answer.response, answer.text, spec);
      } catch (error) {
        if (!(goneIsDone && answer.earlierMayHaveActed && error instanceof NotFoundError)) throw error;
      }
    } catch (error) {
      await auth.settle?.(route, { ok: false, error });
      throw error;
    }
    await auth.settle?.(route, { ok: true, data });
    return { data, answer: { response: answer.response, text: answer.text, url: spec.url } };
  }

  #spec(method: string, path: string, init: Init): RequestSpec {
    checkPathIds(method, path, init.path, this.#dialect.ids ?? {});
    // openapi-fetch's own serializers build the URL and body, so paths, queries and bodies are encoded
    // exactly as openapi-fetch users expect; the request loop is ours (retries, timeouts, envelopes).
    const url = createFinalURL(path, {
      baseUrl: this.options.baseURL,
      params: { query: init.query as Record<string, unknown>, path: init.path as Record<string, unknown> },
      querySerializer: serializeQuery,
      pathSerializer: defaultPathSerializer,
    });
    const json = init.body !== undefined;
    return {
      method: method.toUpperCase(),
      url,
      headers: json ? { 'content-type': 'application/json' } : undefined,
      body: json ? defaultBodySerializer(init.body) : undefined,
    };
  }

  #unwrap(response: Response, text: string, sent: { method: string; url: string }): unknown {
    const body = parseBody(text);
    const result = this.#dialect.envelope(body, response);
    if (response.ok && result.ok) return result.data;
    const failure: Partial<Extract<EnvelopeResult, { ok: false }>> = result.ok ? {} : result;
    throw createApiError(
      {
        status: response.status,
        message: failure.message ?? '',
        code: failure.code,
        dialect: this.#dialect.name,
        // Redacted only on the error path: a URL parse per successful call is measurable.
        request: { method: sent.method, url: redactUrl(sent.url) },
        body,
        headers: response.headers,
        requestId: requestIdOf(response.headers, this.#dialect.requestIdHeader) ?? failure.requestId,
        retryAfter: parseRetryAfter(response.headers.get('retry-after')) ?? failure.retryAfter,
      },
      failure.kind,
      failure.decides,
    );
  }
}

const serializeQuery = createQuerySerializer();

function requestIdOf(headers: Headers, own: string | undefined): string | undefined {
  return (own === undefined ? null : headers.get(own)) ?? headers.get('x-request-id') ?? undefined;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
