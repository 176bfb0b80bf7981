/**
 * The shapes shared by the reference server's core and its dialects.
 * @module
 */
import type { ZodType } from 'zod';
import type { Clock } from './clock.js';
import type { CorsLayer } from './cors.js';
import type { FormTokens } from './form-tokens.js';
import type { OutboxMessage } from './outbox.js';
import type { Random } from './random.js';
import type { RateLimitMode } from './rate-limit.js';
import type { RequestIdRule } from './request-id.js';

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
   * The body as JSON, read once (later calls return the same value). Throws a {@link BodyError}: `empty` for no
   * bytes, `malformed` for text that is not JSON, `too_large` past the route's limit (1 MiB by default). The core
   * answers each with its hook in {@link DialectErrors} unless the handler catches it to answer differently.
   */
  readJson(): Promise<unknown>;
  /** {@link RequestContext.readJson}, and a `BodyError('not_object')` when the JSON is not an object (`[]`, `1`, `null`). */
  readJsonObject(): Promise<Record<string, unknown>>;
  /** The body as text, read once and shared with {@link RequestContext.readJson} (form bodies, raw JSON). */
  readText(): Promise<string>;
  /**
   * The body's bytes, read once within the route's limit and shared with {@link RequestContext.readText} (a dialect
   * that decodes the text itself, as aether refuses bytes that are not UTF-8). The request journal keeps what was
   * read, so a handler reads through the context, never `ctx.request` itself.
   */
  readBytes(): Promise<Uint8Array>;
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
   * The client's address as the dialect's upstream sees it ({@link Dialect.clientAddress}): by default the
   * socket's remote address over HTTP (set by the node adapter), `127.0.0.1` for in-process requests unless they
   * carry the `x-gatewaykit-client-ip` header themselves.
   */
  readonly clientIp: string;
  /**
   * Counts one request under `key` and says whether it is allowed: at most `max` in `windowSeconds` on the server
   * clock, in milliseconds; `mode` as in mocks/core/rate-limit.ts. Always `true` while the dialect's
   * `RateLimitEnabled` setting is off. Routes use it through the `limited(...)` combinator.
   */
  rateLimit(key: string, max: number, windowSeconds: number, mode?: RateLimitMode): boolean;
  /**
   * Milliseconds until the window of `key` (as {@link RequestContext.rateLimit} counts it) lets a request through
   * again: what a refusal that names the wait reports. 0 when nothing is waited for.
   */
  rateLimitResetMs(key: string, max: number, windowSeconds: number, mode?: RateLimitMode): number;
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
  /**
   * A sandbox page people open in a browser under `/__mock/` (a payment provider's checkout): served even where
   * the control API is guarded by a token or turned off. Every other route under `/__mock/` is control.
   * @default false
   */
  public?: boolean;
  /**
   * A control page whose document holds no data (the inspector, `GET /__mock/`): served without the control token,
   * since a browser's address bar cannot send a header, while every call the page then makes carries it. Gone with
   * the rest of the control API under `control: false`.
   * @default false
   */
  shell?: boolean;
  /**
   * Top-level keys of the JSON answer that hold a credential under a name the journal's masking rules cannot
   * recognise (new-api's access token and redemption codes come back as `data`): the request journal masks them.
   */
  secretAnswerKeys?: readonly string[];
}

/**
 * How a dialect answers the failures the core detects, in the dialect's own error shape. Every hook is required
 * (`methodNotAllowed` may be `null`), so a new dialect decides each one instead of inheriting another's.
 */
export interface DialectErrors<S extends BaseState = BaseState> {
  /** No route has this path (HTTP 404). */
  notFound(ctx: RequestContext<S>): Response;
  /**
   * A route has this path but not this method: FastAPI's 405 with `Allow`, for instance. `allowed` lists the
   * path's methods in registration order. `null`: answer {@link DialectErrors.notFound} instead, as gin does
   * (`HandleMethodNotAllowed` off). HEAD and OPTIONS are methods like any other: no route of the table answers
   * them unless the dialect registers one.
   */
  methodNotAllowed: ((ctx: RequestContext<S>, allowed: readonly string[]) => Response) | null;
  /** The handler asked for JSON and the body has no bytes at all (FastAPI's "body required", Go's EOF). */
  emptyBody(ctx: RequestContext<S>): Response;
  /** The body is not valid JSON. */
  invalidJson(ctx: RequestContext<S>): Response;
  /** The handler asked for a JSON object ({@link RequestContext.readJsonObject}) and the body is other JSON. */
  notObject(ctx: RequestContext<S>): Response;
  /** The body exceeds the route's limit (HTTP 413). */
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
  /** The login email, for a dialect that logs in by email (aether). */
  email?: string;
  /** A bearer token the account can call with at once, for a dialect with static tokens (opencat). */
  token?: string;
  role: Role;
}

/** What a dialect's seed step receives. */
export interface SeedContext {
  /** The server's seed (`undefined`: fresh random data every start). */
  seed: number | string | undefined;
  random: Random;
  clock: Clock;
  hashPassword(password: string): Promise<string>;
  /**
   * How many faker users to add after the dialect's own seed (`--users N`), 0 by default: with their keys and,
   * where the dialect has them, usage rows, all logging in with `GENERATED_USER_PASSWORD` (mocks/core/generated-users.ts)
   * where the dialect has passwords (opencat's users call with their tokens).
   */
  users: number;
}

/** What the CLI sandbox (`npm start`) needs of a dialect. */
export interface DialectSandbox<Account extends SeededAccount = SeededAccount> {
  /** The port the sandbox listens on when no `--port` is given; unique across dialects. */
  port: number;
  /** A first command to try against the running sandbox at `url` (printed under the accounts). */
  example(url: string): string;
  /**
   * The lines that list the seeded logins, or `undefined` for the core's table of username, password and role
   * (`accountTable` in mocks/core/accounts.ts).
   */
  accounts?(accounts: readonly Account[]): string[];
  /**
   * The name of a seeded account's role as upstream calls it (new-api's `100` is `root`), for the banner and
   * `--json`'s `role_name`.
   * @default `String(role)`
   */
  roleName?(role: Account['role']): string;
}

/**
 * Which address a request comes from, for rate-limit keys: the socket address the adapter saw (`socket`, or
 * `127.0.0.1` in-process) and the request's headers, from which a dialect whose upstream trusts a proxy header
 * takes the client instead. See `mocks/core/client-address.ts` for the rules upstreams use.
 */
export type ClientAddressRule = (socket: string, headers: Headers) => string;

/**
 * Everything the core, the adapters, the CLI and the test harness need of a dialect. A dialect is this object,
 * exported from `mocks/<name>/dialect.ts` and named once in the registry (`mocks/dialects.ts`); docs/decisions/017
 * says why each field is here.
 */
export interface Dialect<S extends BaseState, Settings extends S['settings'] = S['settings'], Account extends SeededAccount = SeededAccount> {
  name: string;
  routes: ReadonlyArray<Route<S>>;
  errors: DialectErrors<S>;
  /**
   * The statuses `PUT /__mock/faults` accepts as `fail_route.status`: those `errors.fault` can answer with a body
   * in the dialect's own shape.
   * @default every 4xx and 5xx (`DEFAULT_FAULT_STATUSES`)
   */
  faultStatuses?: readonly number[];
  /**
   * Whether the seed honours {@link SeedContext.users} (`--users N`); the engine refuses a count for a dialect
   * that does not, rather than seeding without them.
   * @default false
   */
  generatesUsers?: boolean;
  /** Builds the initial state (hashing passwords, hence async), applying `settings` over the defaults. */
  seed(ctx: SeedContext, settings: Partial<Settings>): Promise<{ state: S; accounts: Account[] }>;
  /**
   * Checks a `PATCH /__mock/settings` body: a partial, strict object (unknown keys are rejected). The core runs
   * it and answers its failure, so no dialect parses settings by hand.
   */
  settingsSchema: ZodType<Partial<Settings>>;
  /**
   * Checks a `PUT /__mock/state` body: everything the server reads, so an import can never make it crash. The core
   * runs it with `safeParseAsync` (a check may need WebCrypto, such as whether an RSA key imports) before it
   * replaces anything.
   */
  stateSchema: ZodType<S>;
  /** The dialect's OpenAPI document, relative to the package root; every response in the test suites is checked against it. */
  contract: string;
  sandbox: DialectSandbox<Account>;
  /**
   * Which client address rate limits key on.
   * @default the socket address (`socketAddress`): no forwarding header is trusted
   */
  clientAddress?: ClientAddressRule;
  /**
   * The upstream's CORS middleware: preflights answered before routing, `Access-Control-*` headers on answers
   * (mocks/go/cors.ts for gin-contrib/cors, mocks/core/starlette-cors.ts for Starlette).
   * @default none: no CORS headers, and an OPTIONS request is routed like any other (the dialect's 404 or 405)
   */
  cors?: CorsLayer<S>;
  /**
   * The upstream's request-id middleware: a header with a fresh id on every answer but the sandbox's own
   * (mocks/newapi/request-id.ts).
   * @default none
   */
  requestId?: RequestIdRule;
}
