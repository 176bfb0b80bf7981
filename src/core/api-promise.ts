/**
 * The data of a call together with the HTTP answer it came from, as {@link ApiPromise.withResponse} gives them.
 *
 * @example
 * const { data: token, response } = await client.tokens.create({ name: 'ci' }).withResponse();
 * console.log(response.status, response.headers.get('x-oneapi-request-id'), token.id);
 */
export interface WithResponse<T> {
  data: T;
  /** The answer's status, headers and URL, with a body that can still be read (`await response.json()`). */
  response: Response;
}

/**
 * What an {@link ApiPromise} settles with: the data and the answer, as the transport read it (its body already
 * read, as `text`) or as a `Response` to hand out as it is (no `text`). The transport's side of an ApiPromise.
 *
 * @example
 * const settled: Settled<User> = { data: user, response, text };
 */
export interface Settled<T> {
  data: T;
  answer: { response: Response; text?: string | undefined; url?: string | undefined };
}

/**
 * A pending call: `await` it for the data, as before, or ask for the HTTP answer as well. Every resource method
 * returns one (openai-node's `APIPromise`). For a method that sends several requests, the answer is that of the
 * request that did the method's work: the `POST /api/token/` of new-api's `tokens.create` (not the lists that find
 * the new token), the second step of a login with 2FA, the encrypted request of a platform password call. A failed
 * call rejects all three ways with the same error. Not covered: `auth.refresh()` (a session's shared request, which
 * automatic renewals await too) and the `connect()` gateway's operations (several dialect calls behind one
 * answer; its lists do give the answer of the dialect's first page, or of its one list call); their dialect's own
 * client gives the answer of each call.
 *
 * @example
 * const me = await client.self.retrieve();
 * const { data, response } = await client.self.retrieve().withResponse();
 * console.log(response.status, response.headers.get('x-oneapi-request-id'), data.username);
 */
export class ApiPromise<T> implements PromiseLike<T> {
  readonly #settled: Promise<Settled<T>>;
  #withResponse: Promise<WithResponse<T>> | undefined;

  /** @internal built by the client; resources return what it hands out. */
  constructor(settled: Promise<Settled<T>>) {
    this.#settled = settled;
  }

  /**
   * A call whose body may throw before it sends (an argument check): the throw rejects the promise instead of
   * escaping synchronously, as it did from the `async` methods before.
   * @internal used by resources
   */
  static try<T>(run: () => ApiPromise<T>): ApiPromise<T> {
    try {
      return run();
    } catch (error) {
      return new ApiPromise<T>(Promise.reject(error));
    }
  }

  /**
   * A method of several requests: `run` ends with the {@link ApiPromise.settled} of the call its answer is.
   * @internal used by resources
   */
  static chain<T>(run: () => Promise<Settled<T>>): ApiPromise<T> {
    // Started at once, as the `async` method it replaces: its first request goes out in the caller's tick.
    try {
      return new ApiPromise(run());
    } catch (error) {
      return new ApiPromise<T>(Promise.reject(error));
    }
  }

  /**
   * The data and the answer as read, without building a `Response`: what a method of several requests passes on.
   * @internal used by resources
   */
  settled(): Promise<Settled<T>> {
    return this.#settled;
  }

  // `reason: any`, as Promise's own: `.catch((e) => e.status)` must type-check as it did on the Promise returned before.
  then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.#settled.then(onfulfilled ? (settled) => onfulfilled(settled.data) : (settled) => settled.data as unknown as A, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'ApiPromise';
  }

  /**
   * The data and the raw `Response` (status, headers, URL; the body readable once more).
   * @example
   * const { data: token, response } = await client.tokens.create({ name: 'ci' }).withResponse();
   */
  withResponse(): Promise<WithResponse<T>> {
    this.#withResponse ??= this.#settled.then(({ data, answer }) => ({ data, response: toResponse(answer) }));
    return this.#withResponse;
  }

  /**
   * The raw `Response` of a successful call, its body unread (a failed call still rejects with its error).
   * @example
   * const response = await client.self.retrieve().asResponse();
   * console.log(response.status, await response.json());
   */
  asResponse(): Promise<Response> {
    return this.withResponse().then(({ response }) => response);
  }

  /**
   * The same call with its data passed through `transform`; the answer stays the same.
   * @internal used by resources
   */
  map<U>(transform: (data: T) => U): ApiPromise<U> {
    return new ApiPromise(this.#settled.then(({ data, answer }) => ({ data: transform(data), answer })));
  }
}

// The transport reads each body once, as text, inside the attempt's timeout; a Response is rebuilt from that text
// only when asked for, so a call that is only awaited costs nothing more.
function toResponse({ response, text, url }: Settled<unknown>['answer']): Response {
  if (text === undefined) return response;
  const empty = text === '' || NULL_BODY.has(response.status);
  const copy = new Response(empty ? null : text, { status: response.status, statusText: response.statusText, headers: response.headers });
  // What was asked for, where the answer does not say (a Response an injected fetch built has no url).
  Object.defineProperty(copy, 'url', { value: response.url || url || '' });
  return copy;
}

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * The data of a call whose answer means nothing to the caller (a `204`, or a bare success message).
 * @internal used by resources: `this.client.request(...).map(toVoid)`
 */
export const toVoid = (): void => undefined;
