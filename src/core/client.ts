import createClient from 'openapi-fetch';
import { CookieJar } from './cookie-jar.js';
import type { EnvelopeReader } from './envelope.js';
import { createApiError } from './errors/create-api-error.js';
import type { HttpMethod, Operation, OperationData, OperationInit } from './operation.js';
import { resolveOptions, type ClientOptions, type RequestOptions, type ResolvedOptions } from './options.js';
import { Page, PagePromise, type PageData } from './page.js';
import { redactUrl } from './redact.js';
import { parseRetryAfter } from './retry.js';
import { send } from './transport.js';

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
 * {@link BaseClient.request} and {@link BaseClient.page}.
 *
 * @example
 * class MyClient extends BaseClient<paths> { ... }
 */
export abstract class BaseClient<Paths extends {}> {
  /** The resolved, frozen options. */
  readonly options: ResolvedOptions;
  readonly #api: ReturnType<typeof createClient<Paths>>;
  readonly #dialect: DialectSpec;
  /** The session cookies, when this client keeps them (outside browsers). */
  protected readonly jar: CookieJar | undefined;

  constructor(options: ClientOptions, dialect: DialectSpec) {
    this.options = resolveOptions(options);
    this.#dialect = dialect;
    this.jar = this.options.cookies ? new CookieJar() : undefined;
    this.#api = createClient<Paths>({ baseUrl: this.options.baseURL });
  }

  /** Adds the dialect's credentials to one attempt's headers. */
  protected authorize(_headers: Headers): void {}

  /**
   * Sends one operation and returns its unwrapped data, or throws the matching {@link ApiError}.
   * @internal used by resources
   */
  async request<P extends keyof Paths & string, M extends HttpMethod>(
    method: M,
    path: P,
    init: OperationInit<Operation<Paths, P, M>>,
    options?: RequestOptions,
  ): Promise<OperationData<Operation<Paths, P, M>>> {
    const hooks = { authorize: (headers: Headers) => this.authorize(headers), jar: this.jar };
    let sent = { method: method.toUpperCase(), url: this.options.baseURL + path };
    const { response, data, error } = await this.#api.request(method as never, path as never, {
      params: { query: init.query, path: init.path },
      body: init.body,
      // Text, so this class (not openapi-fetch) decides how empty, plain-text and JSON bodies read.
      parseAs: 'text',
      fetch: (request: Request) => {
        sent = { method: request.method, url: redactUrl(request.url) };
        return send(this.options, hooks, request, options);
      },
    } as never);
    return this.#unwrap(response, (data ?? error) as string | undefined, sent) as Promise<OperationData<Operation<Paths, P, M>>>;
  }

  /**
   * Sends a list operation and wraps the answer in a {@link Page} that can fetch the next ones.
   * @internal used by resources
   */
  page<T, P extends keyof Paths & string>(
    path: P,
    init: OperationInit<Operation<Paths, P, 'get'>>,
    options?: RequestOptions,
  ): PagePromise<T> {
    const style = this.#dialect.page;
    const fetchPage = async (n: number): Promise<Page<T>> => {
      const query = { ...(init.query as object), [style.pageParam]: n } as OperationInit<Operation<Paths, P, 'get'>>['query'];
      const data = await this.request('get', path, { ...init, query }, options);
      return new Page(style.read(data) as PageData<T>, fetchPage);
    };
    const first = (init.query as Record<string, unknown> | undefined)?.[style.pageParam];
    return new PagePromise(fetchPage(typeof first === 'number' ? first : 1));
  }

  async #unwrap(response: Response, text: string | undefined, request: { method: string; url: string }): Promise<unknown> {
    const body = parseBody(text);
    const result = this.#dialect.envelope(body, response);
    if (response.ok && result.ok) return result.data;
    const failure = result.ok ? { message: '', code: undefined, kind: undefined } : result;
    throw createApiError(
      {
        status: response.status,
        message: failure.message || `Request failed with status ${response.status}`,
        code: failure.code,
        dialect: this.#dialect.name,
        request,
        body,
        headers: response.headers,
        retryAfter: parseRetryAfter(response.headers.get('retry-after')),
      },
      failure.kind,
    );
  }
}

function parseBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
