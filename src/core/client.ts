import { createFinalURL, createQuerySerializer, defaultBodySerializer, defaultPathSerializer } from 'openapi-fetch';
import { CookieJar } from './cookie-jar.js';
import type { EnvelopeReader, EnvelopeResult } from './envelope.js';
import { createApiError } from './errors/create-api-error.js';
import { NotFoundError } from './errors/not-found-error.js';
import type { HttpMethod, Operation, OperationData, OperationInit, ResponseShape } from './operation.js';
import { resolveOptions, type ClientOptions, type RequestOptions, type ResolvedOptions } from './options.js';
import { Page, PagePromise, type PageData, type PageParams } from './page.js';
import { redactUrl } from './redact.js';
import { parseRetryAfter } from './retry.js';
import { send, type Received, type RequestSpec } from './transport.js';

/** How a dialect pages: the query names it uses and how it reports a page. */
export interface PageStyle {
  pageParam: string;
  sizeParam: string;
  read(data: unknown): PageData<unknown>;
}

/** What a dialect plugs into {@link BaseClient}. */
export interface DialectSpec {
  /** The dialect id, carried by every error. */
  name: string;
  envelope: EnvelopeReader;
  page: PageStyle;
}

/**
 * The machinery every dialect's client shares: options, transport, envelope unwrapping, errors and
 * paging. A dialect's client adds its resources and its credentials; resources call
 * `request()` and `page()`.
 *
 * @example
 * class MyClient extends BaseClient<paths> { ... }
 */
export abstract class BaseClient<Paths extends {}, Shape extends ResponseShape = 'enveloped'> {
  /** The resolved, frozen options. */
  readonly options: ResolvedOptions;
  readonly #dialect: DialectSpec;
  /** The session cookies, when this client keeps them (outside browsers). */
  protected readonly jar: CookieJar | undefined;

  constructor(options: ClientOptions, dialect: DialectSpec) {
    this.options = resolveOptions(options);
    this.#dialect = dialect;
    this.jar = this.options.cookies ? new CookieJar() : undefined;
  }

  /** Adds the dialect's credentials to one attempt's headers. */
  protected authorize(_headers: Headers): void {}

  /**
   * Sends one call through the transport. The seam where a dialect with refresh tokens renews its
   * credentials once on a 401 and sends again (see `createRenewal`); others leave it alone.
   */
  protected send(spec: RequestSpec, options: RequestOptions | undefined): Promise<Received> {
    return send(this.options, { authorize: (headers) => this.authorize(headers), jar: this.jar }, spec, options);
  }

  /**
   * Sends one operation and returns its unwrapped data, or throws the matching {@link ApiError}.
   * @internal used by resources
   */
  async request<P extends keyof Paths & string, M extends HttpMethod>(
    method: M,
    path: P,
    init: OperationInit<Operation<Paths, P, M>>,
    options?: RequestOptions,
  ): Promise<OperationData<Operation<Paths, P, M>, Shape>> {
    const spec = this.#spec(method, path, init);
    const { response, text } = await this.send(spec, options);
    return this.#unwrap(response, text, spec) as Promise<OperationData<Operation<Paths, P, M>, Shape>>;
  }

  /**
   * Sends a `DELETE` of one resource. When the answer is not-found but an earlier attempt of this call may
   * have reached the server (its answer was lost and the call was retried), the resource is gone as asked
   * and the call resolves; a not-found on the first attempt still throws {@link NotFoundError}.
   * See docs/decisions/015-retried-delete.md.
   * @internal used by resources' `delete` methods
   */
  async remove<P extends keyof Paths & string>(path: P, init: OperationInit<Operation<Paths, P, 'delete'>>, options?: RequestOptions): Promise<void> {
    const spec = this.#spec('delete', path, init);
    const { response, text, earlierMayHaveActed } = await this.send(spec, options);
    try {
      await this.#unwrap(response, text, spec);
    } catch (error) {
      if (!(earlierMayHaveActed && error instanceof NotFoundError)) throw error;
    }
  }

  #spec(method: HttpMethod, path: string, init: { query?: unknown; path?: unknown; body?: unknown }): RequestSpec {
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

  /**
   * Sends a list operation and wraps the answer in a {@link Page} that can fetch the next ones.
   * `page` and `pageSize` in the query are renamed to the dialect's own names (new-api: `p`, `page_size`).
   * @internal used by resources
   */
  page<T, P extends keyof Paths & string>(
    path: P,
    query: PageParams & object,
    options?: RequestOptions,
  ): PagePromise<T> {
    const style = this.#dialect.page;
    const { page = 1, pageSize, ...rest } = query;
    const fetchPage = async (n: number): Promise<Page<T>> => {
      const dialectQuery = { ...rest, [style.pageParam]: n, ...(pageSize === undefined ? {} : { [style.sizeParam]: pageSize }) };
      const data = await this.request('get', path, { query: dialectQuery } as OperationInit<Operation<Paths, P, 'get'>>, options);
      return new Page(style.read(data) as PageData<T>, fetchPage);
    };
    return new PagePromise(fetchPage(page));
  }

  async #unwrap(response: Response, text: string, sent: { method: string; url: string }): Promise<unknown> {
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
        retryAfter: parseRetryAfter(response.headers.get('retry-after')),
      },
      failure.kind,
    );
  }
}

const serializeQuery = createQuerySerializer();

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
