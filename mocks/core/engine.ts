/**
 * The reference server's engine: one store per instance, the route table (dialect routes plus the control API),
 * transactions, fault injection and the response observer. Every adapter (`server.fetch`, msw, node:http)
 * ends here.
 * @module
 */
import { accountSummary } from './accounts.js';
import { createAttempts, PARKED, type Attempts } from './attempts.js';
import { constantTimeEqual } from './encoding.js';
import { asJsonObject, BODY_LIMIT_BYTES, BodyError, parseJsonBody, readBodyBytes, readTextBody, type BodyErrorKind } from './body.js';
import { socketAddress } from './client-address.js';
import { createClock, type Clock, type ClockOptions } from './clock.js';
import { controlRoutes, isSandboxPath } from './control.js';
import { decorateCors, interceptCors } from './cors.js';
import { createRequestJournal, JOURNAL_PARSE_LIMIT, journalHeaders, journalPath, type RecordedBody, type RequestJournal } from './request-journal.js';
import { parseCookies } from './cookies.js';
import type { FaultConfig } from './faults.js';
import { DEFAULT_FAULT_STATUSES, pickFault } from './faults.js';
import { createFormTokens } from './form-tokens.js';
import { jsonStream, type StreamLock } from './json-stream.js';
import { generatedUserCount } from './generated-users.js';
import { notifyHosts } from './notify-hosts.js';
import { createJournal } from './journal.js';
import { DEFAULT_PASSWORD_HASH_ITERATIONS, MAX_PASSWORD_HASH_ITERATIONS, hashPassword, verifyPassword } from './password.js';
import { createRandom } from './random.js';
import { CLIENT_IP_HEADER, createRateLimiter, LOCAL_CLIENT_IP } from './rate-limit.js';
import { stampRequestId } from './request-id.js';
import { jsonResponse, knownBodyText } from './response.js';
import { createRouter } from './router.js';
import { inKeyOrderOf, replaceContents } from './state.js';
import type { BaseState, Dialect, DialectErrors, RequestContext, Route, SeededAccount } from './types.js';
import { parseWith, parseWithAsync } from './parse-with.js';

/** The hook of {@link DialectErrors} that answers each kind of unreadable body. */
const BODY_HOOKS = {
  empty: 'emptyBody',
  malformed: 'invalidJson',
  not_object: 'notObject',
  too_large: 'bodyTooLarge',
} as const satisfies Record<BodyErrorKind, keyof DialectErrors>;

/** Options of {@link createEngine}. */
export interface EngineOptions<Settings> {
  /** Makes faker data, ids, codes, salts and faults reproducible. */
  seed?: number | string | undefined;
  /**
   * Faker users added after the dialect's seed, deterministic per seed, all with one documented password
   * (`GENERATED_USER_PASSWORD`); at most `MAX_GENERATED_USERS`. @default 0
   */
  users?: number | undefined;
  /** @default 1000 */
  passwordHashIterations?: number | undefined;
  /** PBKDF2 iterations for the seeded accounts' passwords only. @default passwordHashIterations */
  seedPasswordHashIterations?: number | undefined;
  /** Upstream admin options applied over the dialect's defaults. */
  settings?: Partial<Settings> | undefined;
  /** A path prefix stripped before routing (from a `baseUrl` such as `http://host/gateway`). */
  basePath?: string | undefined;
  /**
   * Sees a clone of every request and response; awaited before the response is returned. A response body the
   * observer has not begun to read by then is cancelled (the original is unaffected).
   */
  onResponse?: ((request: Request, response: Response) => void | Promise<void>) | undefined;
  /**
   * Whether the dialect's rate limits apply from the start: seeds the dialect's `RateLimitEnabled` setting
   * (switchable later through `PATCH /__mock/settings`). `settings.RateLimitEnabled` wins when both are given.
   * @default undefined (the dialect's default: off)
   */
  rateLimits?: boolean | undefined;
  /** How the server clock starts: following real time (the default) or frozen at an instant. */
  clock?: ClockOptions | undefined;
  /**
   * Hosts (`host:port`) a sandbox provider may send a notify to over the network; every other notify URL that
   * is not this server's own is refused.
   * @default []
   */
  allowNotifyHosts?: ReadonlyArray<string> | undefined;
  /**
   * The control API (every route under `/__mock/` but a dialect's `public` pages): open (the default), guarded by
   * a token (`Authorization: Bearer <token>` or `X-Gatewaykit-Control-Token`), or `false`: not routed at all.
   */
  control?: { token: string } | false | undefined;
  /**
   * Called after each request that ran as a write (a route that `mutates`, whatever its method; control routes
   * included), once its transaction has ended, before the answer goes out. The CLI saves `--state` on it.
   */
  onWrite?: (() => void) | undefined;
}

/** A running reference server, adapter-agnostic. */
export interface Engine<S extends BaseState> {
  readonly ready: Promise<void>;
  readonly state: S;
  readonly clock: Clock;
  readonly accounts: SeededAccount[];
  /** What clients sent and got, newest first (control routes under `/__mock/` are not journaled). */
  readonly requests: RequestJournal;
  /** The dialect's routes followed by the control API's. */
  readonly routes: ReadonlyArray<Route<S>>;
  /** The response of the matching route (or of the dialect's CORS preflight), or `undefined` when none matches. */
  dispatch(request: Request, beside?: Beside): Promise<Response | undefined>;
  /** Like `dispatch`, with the dialect's 404 for unmatched requests. */
  handle(request: Request, beside?: Beside): Promise<Response>;
  /**
   * The largest body the route for `method` and `url` reads, so an adapter that buffers bodies knows how much
   * to take before it answers.
   */
  bodyLimit(method: string, url: string): number;
  reset(): Promise<void>;
}

/**
 * What an adapter hands the engine beside a request, where the runtime forbids it in the request's headers.
 *
 * @example
 * await engine.handle(request, { cookie: 'session=…' }); // a page's Request drops its own Cookie header
 */
export interface Beside {
  /** The `Cookie` header the request would have carried; the request's own header wins. */
  cookie?: string | undefined;
}

/**
 * Starts an engine for `dialect`. Seeding runs in the background; `handle` and `dispatch` wait for it.
 *
 * @example
 * const engine = createEngine(newApiDialect, { seed: 1 });
 * const res = await engine.handle(new Request('http://localhost/api/user/groups'));
 */
export function createEngine<S extends BaseState>(dialect: Dialect<S>, options: EngineOptions<S['settings']> = {}): Engine<S> {
  const random = createRandom(options.seed);
  // A separate stream, so turning faults on does not shift the ids and codes a seeded run produces.
  const faultRandom = createRandom(options.seed === undefined ? undefined : `${options.seed}/faults`);
  // Likewise for request ids, which every answer of a dialect with a `requestId` rule draws from.
  const requestIdRandom = createRandom(options.seed === undefined ? undefined : `${options.seed}/request-ids`);
  const clock = createClock(options.clock);
  const users = generatedUserCount(options.users);
  if (users > 0 && !dialect.generatesUsers) {
    throw new RangeError(`Failed to start the reference server: ${dialect.name} does not generate users yet (users ${users}). Please leave users out for ${dialect.name}; newapi generates them.`);
  }
  const iterations = options.passwordHashIterations ?? DEFAULT_PASSWORD_HASH_ITERATIONS;
  const seedIterations = options.seedPasswordHashIterations ?? iterations;
  // Its own hashes must pass its own import: a state it exports always imports back.
  for (const [name, value] of [['passwordHashIterations', iterations], ['seedPasswordHashIterations', seedIterations]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_PASSWORD_HASH_ITERATIONS) {
      throw new RangeError(`Failed to start the reference server: ${name} ${value} is out of range. Please use an integer from 1 to ${MAX_PASSWORD_HASH_ITERATIONS}.`);
    }
  }
  if (options.control && !(typeof options.control.token === 'string' && options.control.token.length >= 16)) {
    throw new RangeError('Failed to start the reference server: control.token must be a string of at least 16 characters, or the control API would be guessable.');
  }
  const hash = (password: string) => hashPassword(password, { iterations, random });
  const seedHash = (password: string) => hashPassword(password, { iterations: seedIterations, random });
  const verify = (password: string, stored: string) => verifyPassword(password, stored, { iterations });
  // Kept outside the state, like upstream's in-memory limiter: a rollback or an import does not touch it.
  const limiter = createRateLimiter();
  const clientAddress = dialect.clientAddress ?? socketAddress;
  const formTokens = createFormTokens(clock);
  const requestLog = createRequestJournal();
  const allowNotifyHosts = notifyHosts(options.allowNotifyHosts ?? []);
  const state = {} as S;
  const journal = createJournal();
  // What mutating handlers write through, so a failed request can be undone (see ./journal.ts).
  const tracked = journal.track(state);
  const accounts: SeededAccount[] = [];
  let faults: FaultConfig = {};
  let initial: { state: S | undefined; before: number[] | undefined; random: number[] | undefined; faultRandom: number[] | undefined } | undefined;
  const settings = options.rateLimits === undefined ? options.settings ?? {} : { RateLimitEnabled: options.rateLimits, ...options.settings };
  const seed = () => dialect.seed({ seed: options.seed, random, clock, hashPassword: seedHash, users }, settings);

  const ready = (async () => {
    const before = random.save();
    const seeded = await seed();
    replaceContents(state, seeded.state);
    accounts.push(...seeded.accounts);
    // With generated users a second copy would double the memory (a hundred thousand rows): a reset seeds again
    // from the same point of the same seeded random source instead, which gives the same state.
    const replay = users > 0 && before !== undefined;
    initial = { state: replay ? undefined : structuredClone(seeded.state), before, random: random.save(), faultRandom: faultRandom.save() };
  })();

  const control = controlRoutes<S>({
    dialect: dialect.name,
    // The control route already runs inside the transaction lock; taking it again would deadlock.
    reset: resetNow,
    // One instant of the state: streamed under the write lock. A write that comes meanwhile makes the export copy
    // what it has not sent yet and let go of the lock, so a reader that stalls holds no write back; without one,
    // nothing is copied (strings would be shared, but 100,000 rows' structure is still tens of MB).
    exportState: () =>
      jsonStream(state, {
        lock: () =>
          new Promise<StreamLock>((taken) => {
            void exclusive(
              () =>
                new Promise<void>((release) => {
                  const contended = new Promise<void>((resolve) => (exportWaiting = resolve));
                  taken({ contended, release: () => ((exportWaiting = undefined), release()) });
                }),
            );
          }),
      }),
    async importState(body) {
      // Async: a state check may need WebCrypto (can this RSA key be imported?); nothing is replaced before it ends.
      const parsed = await parseWithAsync(dialect.stateSchema, body);
      if (parsed.ok) replaceContents(state, inKeyOrderOf(body, parsed.value));
      return parsed.ok ? { ok: true } : parsed;
    },
    patchSettings(body) {
      const parsed = parseWith(dialect.settingsSchema, body);
      if (!parsed.ok) return parsed;
      Object.assign(state.settings, parsed.value);
      return { ok: true, value: state.settings };
    },
    faultStatuses: dialect.faultStatuses ?? DEFAULT_FAULT_STATUSES,
    getFaults: () => faults,
    requests: requestLog,
    accounts: () => accounts.map((account) => accountSummary(account, dialect.sandbox.roleName as ((role: SeededAccount['role']) => string) | undefined)),
    setFaults(next) {
      faults = next;
    },
  });
  const controlSet = new Set<Route<S>>(control);
  // `control: false` leaves the control API out of the table, so its paths answer as any unknown path does.
  const routes = [...dialect.routes, ...control].filter((route) => options.control !== false || !isControl(route));
  const router = createRouter(routes);

  // Mutating requests run one at a time: a rollback must not undo a concurrent request's committed writes.
  let tail: Promise<unknown> = Promise.resolve();
  // Set while a state export holds the lock: a write queuing behind it tells it so (see exportState).
  let exportWaiting: (() => void) | undefined;
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    exportWaiting?.();
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  }

  async function resetNow(): Promise<void> {
    await ready;
    if (!initial) return;
    clock.reset();
    if (initial.state) replaceContents(state, structuredClone(initial.state));
    else {
      random.restore(initial.before);
      replaceContents(state, (await seed()).state);
    }
    random.restore(initial.random);
    faultRandom.restore(initial.faultRandom);
    limiter.clear();
    formTokens.clear();
    requestLog.clear();
    faults = {};
  }

  function createContext(request: Request, url: URL, params: Record<string, string>, view: S, bodyLimit: number, attempts: Attempts | undefined, sent: SentBody, beside: Beside | undefined): RequestContext<S> {
    let body: Promise<unknown> | undefined;
    let bytes: Promise<Uint8Array> | undefined;
    let cookies: Record<string, string> | undefined;
    let clientIp: string | undefined;
    const readBytes = () => {
      if (!bytes) {
        bytes = readBodyBytes(request, bodyLimit);
        // What the handler read is what the journal shows; its refusal is the handler's to answer, not an unhandled one.
        sent.text = bytes.then((read) => new TextDecoder().decode(read));
        sent.text.catch(() => undefined);
      }
      return bytes;
    };
    const readText = () => {
      readBytes();
      return sent.text!;
    };
    const readJson = () => (body ??= readText().then(parseJsonBody));
    return {
      request,
      method: request.method,
      url,
      params,
      query: url.searchParams,
      headers: request.headers,
      get cookies() {
        return (cookies ??= parseCookies(request.headers.get('cookie') ?? beside?.cookie ?? null));
      },
      state: view,
      // Read when used, not when the request arrived: a reset or import queued ahead of it replaces the object.
      get settings() {
        return view.settings;
      },
      clock,
      random,
      readText,
      readBytes,
      readJson,
      readJsonObject: () => readJson().then(asJsonObject),
      serverUrl: url.origin + (options.basePath ?? ''),
      allowNotifyHosts,
      formTokens,
      dispatch: (inner) => respond(inner, true) as Promise<Response>,
      get clientIp() {
        return (clientIp ??= clientAddress(request.headers.get(CLIENT_IP_HEADER) ?? LOCAL_CLIENT_IP, request.headers));
      },
      rateLimit(key, max, windowSeconds, mode) {
        // The switch is the dialect's `RateLimitEnabled` setting, so the control API turns it on and off.
        if ((view.settings as { RateLimitEnabled?: unknown }).RateLimitEnabled !== true) return true;
        const hit = () => limiter.hit(key, { max, windowSeconds, mode }, clock.now());
        return attempts ? attempts.once(key, hit) : hit();
      },
      rateLimitResetMs: (key, max, windowSeconds, mode) => limiter.resetInMs(key, { max, windowSeconds, mode }, clock.now()),
      hashPassword: attempts?.hashPassword ?? hash,
      verifyPassword: attempts?.verifyPassword ?? verify,
    };
  }

  async function run(ctx: RequestContext<S>, route: Route<S>, attempts: Attempts | undefined): Promise<Response> {
    // Dialects may add their own control routes (a sandbox provider's pages): no faults there either.
    if (!controlSet.has(route) && !isSandboxPath(route.path)) {
      if (faults.latency_ms) await new Promise((resolve) => setTimeout(resolve, faults.latency_ms));
      const status = pickFault(faults, ctx.method, route.path, ctx.url.pathname, faultRandom);
      if (status !== undefined) return dialect.errors.fault(ctx, status);
    }
    if (!attempts) return guarded(ctx, route, undefined);
    // Password work parks an attempt and runs between attempts, with the lock free for everyone else.
    for (;;) {
      const outcome = await exclusive(() =>
        journal.run(async (undo) => {
          const answer = await attempts.run(() => guarded(ctx, route, undo));
          if (answer === PARKED) undo();
          return answer;
        }),
      );
      if (outcome !== PARKED) {
        options.onWrite?.();
        return outcome;
      }
      await attempts.work();
    }
  }

  async function guarded(ctx: RequestContext<S>, route: Route<S>, undo: (() => void) | undefined): Promise<Response> {
    try {
      return await route.handler(ctx);
    } catch (error) {
      // No half-written state: whatever the handler changed before throwing is undone.
      undo?.();
      return answerError(ctx, error);
    }
  }

  function answerError(ctx: RequestContext<S>, error: unknown): Response {
    try {
      if (error instanceof BodyError) return dialect.errors[BODY_HOOKS[error.kind]](ctx);
      return dialect.errors.internal(ctx, error);
    } catch {
      return new Response('Internal Server Error', { status: 500 });
    }
  }

  async function respond(request: Request, notFound: boolean, beside?: Beside): Promise<Response | undefined> {
    await ready;
    const observed = options.onResponse ? request.clone() : undefined;
    const url = new URL(request.url);
    const match = matchRoute(request.method, url);
    // By the route matched where there is one: the router decodes the path, so `/%5F_mock/state` is the sandbox's too.
    const own = isSandboxPath(match ? match.route.path : routedPath(url));
    // The sandbox's own paths never answer CORS: a web page must not read or drive the control API.
    const cors = own ? undefined : dialect.cors;
    const mutates = match !== undefined && (match.route.mutates ?? match.route.method !== 'GET');
    const attempts = mutates ? createAttempts({ iterations, random }) : undefined;
    const sent: SentBody = {};
    const bodyLimit = match?.route.bodyLimit ?? BODY_LIMIT_BYTES;
    const ctx = createContext(request, url, match?.params ?? {}, mutates ? tracked : state, bodyLimit, attempts, sent, beside);
    // Before routing's answers: a preflight has no route (none has OPTIONS), so `dispatch` answers one too.
    const early = interceptCors(cors, ctx, match?.route);
    if (!match && !notFound && !early) return undefined;
    const refused = match && isControl(match.route) ? refuseControl(request, match.route, options.control) : undefined;
    let response = refused ?? early ?? decorateCors(cors, ctx, match?.route, match ? await run(ctx, match.route, attempts) : answerUnrouted(ctx));
    if (dialect.requestId && !own) response = stampRequestId(dialect.requestId, response, dialect.requestId.make(clock, requestIdRandom));
    if (!own) await journalRequest(request, url, sent, bodyLimit, response, match?.route.secretAnswerKeys);
    if (observed && options.onResponse) {
      const copy = response.clone();
      await options.onResponse(observed, copy);
      // A copy left unread would hold the whole body and keep a stream (the state export) from ever ending. Not
      // awaited: a branch's cancel settles only once the original's reader is done too.
      if (copy.body && !copy.bodyUsed && !copy.body.locked) void copy.body.cancel().catch(() => undefined);
    }
    return response;
  }

  // Before the answer goes out, so `server.requests` already holds it when the client's `await` returns.
  async function journalRequest(request: Request, url: URL, sent: SentBody, bodyLimit: number, response: Response, secretKeys: readonly string[] | undefined): Promise<void> {
    // The body as the handler read it; one it never read (refused before reading) is read now, within the route's limit.
    const requestText = await (sent.text ?? (request.bodyUsed ? undefined : readTextBody(request, bodyLimit)))?.catch(() => undefined);
    const responseText = knownBodyText(response) ?? (response.body ? await response.clone().text().catch(() => undefined) : undefined);
    requestLog.record({
      at: clock.now(),
      method: request.method,
      path: journalPath(url),
      status: response.status,
      request: { headers: journalHeaders(request.headers, [CONTROL_TOKEN_HEADER]), body: kept(requestText, request.headers.get('content-type')) },
      response: { headers: journalHeaders(response.headers), body: kept(responseText, response.headers.get('content-type'), secretKeys) },
    });
  }

  function routedPath(url: URL): string {
    const { pathname } = url;
    return options.basePath && pathname.startsWith(options.basePath) ? pathname.slice(options.basePath.length) || '/' : pathname;
  }

  function matchRoute(method: string, url: URL) {
    return router.match(method, routedPath(url));
  }

  // 404 for an unknown path; 405 for a known one, where the dialect's framework answers it (FastAPI does, gin not).
  function answerUnrouted(ctx: RequestContext<S>): Response {
    try {
      const { methodNotAllowed } = dialect.errors;
      const allowed = methodNotAllowed ? router.allowed(routedPath(ctx.url)) : [];
      return methodNotAllowed && allowed.length > 0 ? methodNotAllowed(ctx, allowed) : dialect.errors.notFound(ctx);
    } catch (error) {
      return answerError(ctx, error);
    }
  }

  return {
    ready,
    state,
    clock,
    accounts,
    requests: requestLog,
    routes,
    dispatch: (request, beside) => respond(request, false, beside),
    handle: async (request, beside) => (await respond(request, true, beside))!,
    bodyLimit(method, url) {
      const parsed = URL.canParse(url) ? new URL(url) : undefined;
      return (parsed && matchRoute(method, parsed)?.route.bodyLimit) ?? BODY_LIMIT_BYTES;
    },
    reset: () => ready.then(() => exclusive(resetNow)),
  };
}

/** Control routes: everything under `/__mock/` but a dialect's public sandbox pages. */
function isControl(route: Route<never>): boolean {
  return isSandboxPath(route.path) && route.public !== true;
}

/**
 * `undefined` when a control request may run; else a 403 for a write another site's page sent, or the 401 that says
 * how to send the control token.
 */
function refuseControl(request: Request, route: Route<never>, control: { token: string } | false | undefined): Response | undefined {
  // A page on any site can make a browser post a "simple" request (text/plain, no preflight) to a sandbox on
  // localhost: the browser only hides the answer, the reset or clock move still happens. `Sec-Fetch-Site` is
  // the browser's own word (a page cannot set it); reads need no check, as without CORS the page cannot see them.
  const site = request.headers.get('sec-fetch-site');
  if (route.method !== 'GET' && (site === 'cross-site' || site === 'same-site')) {
    return jsonResponse({ error: 'The control API takes no writes from pages of other sites. Please use it from the inspector page (/__mock/), curl or a test.' }, { status: 403 });
  }
  if (!control || route.shell === true) return undefined;
  const token = control.token;
  const bearer = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  const sent = request.headers.get(CONTROL_TOKEN_HEADER) ?? bearer ?? '';
  if (constantTimeEqual(new TextEncoder().encode(sent), new TextEncoder().encode(token))) return undefined;
  return jsonResponse(
    { error: `The control API needs the token the sandbox printed at start. Please send it as "Authorization: Bearer <token>" or "${CONTROL_TOKEN_HEADER}: <token>".` },
    { status: 401, headers: { 'www-authenticate': 'Bearer realm="gatewaykit control API"' } },
  );
}

/** The header that carries the control token where `Authorization` belongs to the dialect. */
export const CONTROL_TOKEN_HEADER = 'x-gatewaykit-control-token';

/** The request body a handler read, if it read one, for the request journal. */
interface SentBody {
  text?: Promise<string>;
}

// A huge body is not held: the journal would not show it anyway (see journalBody).
function kept(text: string | undefined, contentType: string | null, secretKeys?: readonly string[]): RecordedBody | undefined {
  if (text === undefined || text === '') return undefined;
  return text.length > JOURNAL_PARSE_LIMIT ? { omitted: text.length } : { text, contentType, ...(secretKeys ? { secretKeys } : {}) };
}
