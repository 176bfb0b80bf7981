/**
 * The shapes shared by the reference server's core and its dialects.
 * @module
 */
import type { Clock } from './clock.js';
import type { FormTokens } from './form-tokens.js';
import type { OutboxMessage } from './outbox.js';
import type { Random } from './random.js';

/** The HTTP methods a route can answer. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What every dialect's state carries besides its own tables. State is plain JSON data (no Maps or classes) so that
 * the transaction journal can track writes to it and the control API can export and import it.
 */
export interface BaseState {
  /** The dialect's upstream admin options (registration open, email verification, ...). */
  settings: object;
  /** Emails and SMS the server "sent", newest last. */
  outbox: OutboxMessage[];
}

/** One request, as a handler sees it. */
export interface RequestContext<S extends BaseState = BaseState> {
  readonly request: Request;
  readonly method: string;
  readonly url: URL;
  /** Path parameters, URL-decoded, e.g. `{ id: '42' }` for `/api/user/:id`. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  /** Request cookies by name (the first one wins when a name repeats). */
  readonly cookies: Readonly<Record<string, string>>;
  /** The live dialect state; mutate it directly (mutating routes run in a transaction). */
  readonly state: S;
  readonly settings: S['settings'];
  readonly clock: Clock;
  readonly random: Random;
  /**
   * The body as JSON, read once (later calls return the same value). Throws a {@link BodyError} when the body
   * exceeds the 1 MiB limit or is not JSON; the core answers those in the dialect's shape unless the handler
   * catches them to answer differently.
   */
  readJson(): Promise<unknown>;
  /** The body as text, read once and shared with {@link RequestContext.readJson} (form bodies, raw JSON). */
  readText(): Promise<string>;
  /**
   * This server's own base URL, no trailing slash: origin plus base path of the request URL as the adapter built
   * it. Over HTTP that is the address the node adapter listens on, never the client's `Host` header (a link
   * built from `Host` would carry tokens to whatever host the client named); in-process it is the URL the
   * caller passed, relative ones resolved against `baseUrl`.
   */
  readonly serverUrl: string;
  /**
   * Hosts (`host:port`, as `URL.host` spells them) the server may call over the network: a sandbox provider's
   * notify to a merchant that is not this server. Empty unless the operator allows some.
   */
  readonly allowNotifyHosts: ReadonlySet<string>;
  /** Single-use tokens for the server's own HTML forms (see mocks/core/form-tokens.ts). */
  readonly formTokens: FormTokens;
  /**
   * Sends a request to this same server, through every adapter-independent step (routing, faults, write lock,
   * observers), as if it came from outside: a payment provider's notify, for instance. Only from a route with
   * `mutates: false`: a writing route holds the write lock the dispatched request would wait for.
   */
  dispatch(request: Request): Promise<Response>;
  /**
   * The client's address: the socket's remote address over HTTP (set by the node adapter), `127.0.0.1` for
   * in-process requests unless they carry the `x-gatewaykit-client-ip` header themselves.
   */
  readonly clientIp: string;
  /**
   * Counts one request under `key` and says whether it is allowed (at most `max` in any `windowSeconds`, on
   * the server clock). Always `true` while the dialect's `RateLimitEnabled` setting is off.
   */
  rateLimit(key: string, max: number, windowSeconds: number): boolean;
  /**
   * PBKDF2 with the server's iteration count and random source. In a mutating route the derivation runs
   * outside the write lock and the handler is replayed from the start with the answer (docs/decisions/014):
   * the handler must not run other work in parallel with the call.
   */
  hashPassword(password: string): Promise<string>;
  /**
   * Checks `password` against a stored hash, outside the write lock like {@link RequestContext.hashPassword}. An
   * empty or malformed `stored` (pass `''` for an unknown account) never matches and costs as much as a check.
   */
  verifyPassword(password: string, stored: string): Promise<boolean>;
}

/** A route handler: a plain function from the request context to a response. */
export type Handler<S extends BaseState = BaseState> = (ctx: RequestContext<S>) => Response | Promise<Response>;

/** One entry of a dialect's route table. */
export interface Route<S extends BaseState = BaseState> {
  method: HttpMethod;
  /** A path pattern with `:name` segments, e.g. `/api/user/:id`. */
  path: string;
  handler: Handler<S>;
  /**
   * Whether the handler writes state, so it runs serialised in a transaction that is rolled back if it throws.
   * @default true for every method but GET
   */
  mutates?: boolean;
  /**
   * The largest body the route reads, in bytes; past it the dialect's 413.
   * @default BODY_LIMIT_BYTES (1 MiB)
   */
  bodyLimit?: number;
}

/** How a dialect answers the failures the core detects, in the dialect's own error shape. */
export interface DialectErrors<S extends BaseState = BaseState> {
  /** No route matched (HTTP 404). */
  notFound(ctx: RequestContext<S>): Response;
  /** The body is not valid JSON (the dialect's "invalid parameters" answer). */
  invalidBody(ctx: RequestContext<S>): Response;
  /** The body exceeds the limit (HTTP 413). */
  bodyTooLarge(ctx: RequestContext<S>): Response;
  /** A handler threw: a bug in the mock (HTTP 500). */
  internal(ctx: RequestContext<S>, error: unknown): Response;
  /** An injected fault with the given status. */
  fault(ctx: RequestContext<S>, status: number): Response;
}

/**
 * A login the seed created, with its plaintext password, for printing and tests. `role` is the dialect's own:
 * new-api's numeric role, or a description such as platform's `'enterprise admin'`.
 */
export interface SeededAccount<Role extends number | string = number | string> {
  username: string;
  password: string;
  role: Role;
}

/** What a dialect's seed step receives. */
export interface SeedContext {
  /** The server's seed (`undefined`: fresh random data every start). */
  seed: number | string | undefined;
  random: Random;
  clock: Clock;
  hashPassword(password: string): Promise<string>;
}

/** What {@link Dialect.parseState} answers: the state to install, or why not, naming the field. */
export type ParsedState<S> = { ok: true; value: S } | { ok: false; error: string };

/** What a dialect plugs into the core: its routes, error shape, state factory and the schemas the control API checks. */
export interface Dialect<S extends BaseState, Settings extends S['settings'] = S['settings']> {
  name: string;
  routes: ReadonlyArray<Route<S>>;
  errors: DialectErrors<S>;
  /**
   * The statuses `PUT /__mock/faults` accepts as `fail_route.status`: those `errors.fault` can answer with a body
   * in the dialect's own shape.
   * @default every 4xx and 5xx (`DEFAULT_FAULT_STATUSES`)
   */
  faultStatuses?: readonly number[];
  /** Builds the initial state (hashing passwords, hence async), applying `settings` over the defaults. */
  seed(ctx: SeedContext, settings: Partial<Settings>): Promise<{ state: S; accounts: SeededAccount[] }>;
  /** Validates a `PATCH /__mock/settings` body: a partial, strict object (unknown keys are rejected). */
  parseSettingsPatch(body: unknown): { ok: true; value: Partial<Settings> } | { ok: false; error: string };
  /**
   * Validates a `PUT /__mock/state` body. May answer a promise: some checks need WebCrypto (can this key be
   * imported?), and the control route awaits it before anything is replaced.
   */
  parseState(body: unknown): ParsedState<S> | Promise<ParsedState<S>>;
}
