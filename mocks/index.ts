/**
 * `@gatewaykit/mock`: stateful reference servers that behave like the gateways gatewaykit speaks to, for tests
 * (in-process through `server.fetch` or msw) and for local sandboxes (over HTTP with `@gatewaykit/mock/node`).
 * @module @gatewaykit/mock
 */
import type { HttpHandler } from 'msw';
import type { Clock, ClockOptions } from './core/clock.js';
import { cookieHeadersForbidden } from './core/cookies.js';
import { createEngine } from './core/engine.js';
import { toMswHandlers } from './core/msw.js';
import { createPageCookies, type PageCookies } from './core/page-cookies.js';
import { preloadMsw } from './core/msw-module.js';
import type { JournaledRequest } from './core/request-journal.js';
import type { BaseState, Dialect } from './core/types.js';
import { DIALECTS } from './dialects.js';

export { SandboxClient, SandboxControlError } from './control/sandbox-client.js';
export type { OutboxMatch, SandboxAccount, SandboxClientOptions, SandboxFaults, SandboxMessage, SandboxRequest } from './control/sandbox-client.js';
export type { Clock, ClockOptions } from './core/clock.js';
export type { OutboxMessage } from './core/outbox.js';
export type { FaultConfig } from './core/faults.js';
export type { JournaledRequest, RequestFilter } from './core/request-journal.js';
export type { SeededAccount } from './core/types.js';
export type { NewApiSettings, NewApiState, UserRecord, SessionRecord, TwoFaRecord } from './newapi/state.js';
export type { TokenRecord } from './newapi/token-state.js';
export type { RedemptionRecord, TopUpRecord } from './newapi/billing-state.js';
export type { PaymentSettings, PayMethod } from './newapi/payment-settings.js';
export type { OpenCatSettings, OpenCatState, UserRecord as OpenCatUserRecord, KeyRecord as OpenCatKeyRecord, DailyUsageRecord as OpenCatDailyUsageRecord } from './opencat/state.js';
export type { OpenCatAccount } from './opencat/seed.js';
export type { PlatformSettings, PlatformState } from './platform/state.js';
export type { PlatformAccount, PlatformRole } from './platform/seed.js';
export type { AetherSettings, AetherState, AetherUser, AetherApiKey, AetherUsage } from './aether/state.js';
export type { AetherAccount, AetherAccountRole } from './aether/seed.js';
export { totpCode } from './core/totp.js';
export { GENERATED_USER_PASSWORD, MAX_GENERATED_USERS } from './core/generated-users.js';

/**
 * The state, settings and seeded-account types of each dialect, read from the registry (`mocks/dialects.ts`).
 *
 * @example
 * type State = DialectTypes['newapi']['state'];
 */
export type DialectTypes = {
  [D in keyof typeof DIALECTS]: (typeof DIALECTS)[D] extends Dialect<infer S, infer Settings, infer Account>
    ? { state: S; settings: Settings; account: Account }
    : never;
};

/**
 * A dialect the reference server can speak.
 *
 * @example
 * const dialect: DialectName = 'newapi';
 */
export type DialectName = keyof DialectTypes;

/**
 * The dialects built so far, for tools that serve them all (the CLI).
 *
 * @example
 * for (const dialect of DIALECT_NAMES) createReferenceServer({ dialect });
 */
export const DIALECT_NAMES = Object.keys(DIALECTS) as DialectName[];

/**
 * Options of {@link createReferenceServer}.
 *
 * @example
 * const options: ReferenceServerOptions<'newapi'> = { dialect: 'newapi', seed: 42, settings: { RegisterEnabled: false } };
 */
export interface ReferenceServerOptions<D extends DialectName = DialectName> {
  dialect: D;
  /** Makes faker data, ids, codes, salts and injected faults reproducible. Without it, every start differs. */
  seed?: number | string;
  /**
   * Origin the msw handlers match and relative `fetch` URLs resolve against. msw handlers match any origin
   * when it is omitted.
   * @default 'http://localhost'
   */
  baseUrl?: string;
  /**
   * Faker users added after the dialect's seed (the CLI's `--users N`), deterministic per seed, with their keys
   * and, where the dialect has them, usage rows. Every one logs in with `GENERATED_USER_PASSWORD` ('Sandbox123456'),
   * hashed once and shared, so a hundred thousand users seed in seconds. At most 1,000,000.
   * @default 0
   * @example
   * createReferenceServer({ dialect: 'newapi', seed: 1, users: 100_000 });
   */
  users?: number;
  /**
   * PBKDF2 iterations for stored passwords. Cheap by default for fast tests; the CLI sandbox uses 310000.
   * @default 1000
   */
  passwordHashIterations?: number;
  /**
   * PBKDF2 iterations for the seeded accounts' passwords only. The CLI sandbox keeps these cheap so it starts
   * in well under a second: their passwords are printed on its banner, so a costly hash would protect nothing.
   * Every password set through the API still uses `passwordHashIterations`.
   * @default passwordHashIterations
   */
  seedPasswordHashIterations?: number;
  /** Upstream admin options over the dialect's defaults, e.g. `{ RegisterEnabled: false }`. */
  settings?: Partial<DialectTypes[D]['settings']>;
  /**
   * Sees a clone of every request and its response; awaited before the response is returned (contract checks).
   * Read the response clone's body before returning, if at all: an unread one is cancelled then.
   */
  onResponse?: (request: Request, response: Response) => void | Promise<void>;
  /**
   * Apply upstream's rate limits (new-api: 20 requests / 1200 s per client IP on login, register and the other
   * critical routes, answered with an empty 429). Off for tests by default; the CLI sandbox turns them on. Also
   * switchable at runtime: `PATCH /__mock/settings {"RateLimitEnabled": true}`.
   * @default false
   */
  rateLimits?: boolean;
  /**
   * How `server.clock` starts. Tests should freeze it (`{ frozen: true }`): time then moves only through
   * `server.clock.advance/set` (or `POST /__mock/clock`), so no assertion depends on how fast the machine is.
   * @default { frozen: false } (real time, shifted by `advance`/`set`)
   */
  clock?: ClockOptions;
  /**
   * Hosts (`host:port`) the sandbox payment provider may send a notify to over the network, for testing a
   * merchant other than this server. Notifies to this server's own address are always delivered in-process;
   * every other `notify_url` is refused, so a signed form cannot make the sandbox fetch arbitrary URLs.
   * @default []
   * @example
   * createReferenceServer({ dialect: 'newapi', allowNotifyHosts: ['127.0.0.1:8080'] });
   */
  allowNotifyHosts?: string[];
  /**
   * The control API (`/__mock/`: reset, state, clock, faults, the request journal...): open by default; with
   * `{ token }` every control request must carry it (`Authorization: Bearer <token>` or
   * `X-Gatewaykit-Control-Token: <token>`), else 401; `false` removes it (its paths answer the dialect's 404).
   * A dialect's public sandbox pages (the payment provider's checkout) stay reachable either way.
   * @default undefined (open)
   * @example
   * createReferenceServer({ dialect: 'newapi', control: { token: process.env.CONTROL_TOKEN! } });
   */
  control?: { token: string } | false;
  /**
   * Called after each request that may have changed the state (a writing route, whatever its method: new-api's
   * `GET /api/user/token` rotates a token), before its answer goes out; reads never call it.
   * @example
   * createReferenceServer({ dialect: 'newapi', onWrite: () => saveSoon() });
   */
  onWrite?: () => void;
}

/**
 * A running reference server.
 *
 * @example
 * const server = createReferenceServer({ dialect: 'newapi', seed: 1 });
 * await server.ready;
 * server.state.users.find((u) => u.username === 'root')!.status = 2; // arrange
 * server.clock.advance(60_000);
 * await server.reset();
 */
export interface ReferenceServer<D extends DialectName = DialectName> {
  readonly dialect: D;
  /**
   * msw handlers, one per route, for your own `setupServer(...)` / `setupWorker(...)`. msw is loaded on the first
   * read (in Node) or by {@link ReferenceServer.ready} (in browsers); without msw installed, reading this throws an
   * Error saying `npm i -D msw`. Nothing else needs msw.
   */
  readonly handlers: HttpHandler[];
  /**
   * Answers a request straight from the route table (no msw involved); waits for seeding first. In a page, where
   * `Cookie` and `Set-Cookie` are forbidden headers, it keeps the cookies the server sets and sends them back by
   * the request's `credentials`, as the browser would for a real server (see docs/fidelity.md).
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /**
   * The largest request body the route for `method` and `url` reads (1 MiB; 64 MiB for `PUT /__mock/state`),
   * for adapters that buffer a body before calling {@link ReferenceServer.fetch}.
   * @example
   * server.bodyLimit('PUT', 'http://127.0.0.1:4010/__mock/state'); // 67108864
   */
  bodyLimit(method: string, url: string): number;
  /** The live state (plain JSON data). Mutate it to arrange a test; read it to assert. */
  readonly state: DialectTypes[D]['state'];
  /**
   * What clients sent and got, newest first: method, path, status, headers and bodies with credentials masked and
   * bodies cut to 4 kB; the last 1000 requests, control routes (`/__mock/`) left out. Also `GET /__mock/requests`.
   * Cleared by {@link ReferenceServer.reset}.
   * @example
   * expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/api/token/')).toHaveLength(1);
   */
  readonly requests: ReadonlyArray<JournaledRequest>;
  /** Back to the seeded state: data, random sequence, clock, faults and the request journal. */
  reset(): Promise<void>;
  readonly clock: Clock;
  /** The seeded logins with their plaintext passwords (filled once `ready` resolves). */
  readonly accounts: ReadonlyArray<DialectTypes[D]['account']>;
  /** Resolves when seeding (which hashes passwords) is done, and in browsers once msw is loaded (or known missing). */
  readonly ready: Promise<void>;
}

/**
 * Creates a reference server for one dialect.
 *
 * @example
 * const server = createReferenceServer({ dialect: 'newapi', seed: 1 });
 * const res = await server.fetch('/api/user/login', {
 *   method: 'POST',
 *   body: JSON.stringify({ username: 'root', password: '123456' }),
 * });
 * console.log(res.headers.getSetCookie()); // ['session=…; Path=/; …']
 */
export function createReferenceServer<D extends DialectName>(options: ReferenceServerOptions<D>): ReferenceServer<D> {
  const dialect = (Object.hasOwn(DIALECTS, options.dialect) ? DIALECTS[options.dialect] : undefined) as unknown as Dialect<BaseState> | undefined;
  if (!dialect) throw new Error(`Failed to create a reference server: unknown dialect "${String(options.dialect)}". Please use one of ${DIALECT_NAMES.join(', ')}.`);
  const baseUrl = options.baseUrl ?? 'http://localhost';
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const engine = createEngine(dialect, {
    seed: options.seed,
    users: options.users,
    passwordHashIterations: options.passwordHashIterations,
    seedPasswordHashIterations: options.seedPasswordHashIterations,
    settings: options.settings,
    basePath,
    onResponse: options.onResponse,
    rateLimits: options.rateLimits,
    clock: options.clock,
    allowNotifyHosts: options.allowNotifyHosts,
    control: options.control,
    onWrite: options.onWrite,
  });
  let handlers: HttpHandler[] | undefined;
  let pageCookies: PageCookies | undefined;
  const ready = Promise.all([engine.ready, preloadMsw()]).then(() => undefined);
  return {
    dialect: options.dialect,
    get handlers() {
      return (handlers ??= toMswHandlers(engine, options.baseUrl));
    },
    fetch(input, init) {
      const request = input instanceof Request && init === undefined ? input : new Request(typeof input === 'string' ? new URL(input, baseUrl) : input, init);
      if (!cookieHeadersForbidden()) return engine.handle(request);
      // In a page no client can carry the session cookie through a Request or Response, so this fetch keeps it.
      const cookies = (pageCookies ??= createPageCookies(() => engine.clock.now()));
      // A path alone resolves against `baseUrl` here, but against the page itself in the page's own fetch.
      const byPath = typeof input === 'string' && !URL.canParse(input) && !input.startsWith('//');
      return engine.handle(request, { cookie: cookies.cookieFor(request, byPath) }).then((response) => (cookies.store(request, response, byPath), response));
    },
    bodyLimit: (method, url) => engine.bodyLimit(method, url),
    get state() {
      return engine.state as DialectTypes[D]['state'];
    },
    get requests() {
      return engine.requests.list();
    },
    reset: () => engine.reset(),
    clock: engine.clock,
    accounts: engine.accounts as ReadonlyArray<DialectTypes[D]['account']>,
    ready,
  };
}
