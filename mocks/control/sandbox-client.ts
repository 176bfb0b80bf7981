/**
 * A typed client for the sandbox's control API (`openapi/control.yaml`), for tests that drive a reference server
 * in another process: reset it, move its clock, read the codes it mailed, inject faults, read its journal.
 * @module
 */
import createClient from 'openapi-fetch';
import type { RequestFilter } from '../core/request-journal.js';
import type { components, paths } from './generated/schema.js';

type Schemas = components['schemas'];
/** A message the sandbox sent (`GET /__mock/outbox`). */
export type SandboxMessage = Schemas['OutboxMessage'];
/** A seeded login (`GET /__mock/accounts`). */
export type SandboxAccount = Schemas['Account'];
/** The faults in force (`GET|PUT /__mock/faults`). */
export type SandboxFaults = Schemas['Faults'];
/** A journaled request (`GET /__mock/requests`). */
export type SandboxRequest = Schemas['JournaledRequest'];

/** Options of {@link SandboxClient}. */
export interface SandboxClientOptions {
  /** The sandbox's base URL, e.g. `http://127.0.0.1:4010`. */
  baseURL: string;
  /** The control token a sandbox beyond loopback printed at start. */
  token?: string;
  /** Sends each request, e.g. `server.fetch` for an in-process server. @default globalThis.fetch */
  fetch?: (request: Request) => Promise<Response>;
}

/** What {@link SandboxClient.outbox} `waitFor` waits for. */
export interface OutboxMatch {
  /** The recipient (email address or phone number). */
  to: string;
  /** A subject it contains, or matches. */
  subject?: string | RegExp;
  /**
   * How long to wait, in ms of real time (the sandbox is another process: its clock cannot be stepped from here).
   * @default 5000
   */
  timeoutMs?: number;
}

/** A refusal of the control API: its `error` text and HTTP status. */
export class SandboxControlError extends Error {
  override name = 'SandboxControlError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * The control API of one running sandbox.
 *
 * @example
 * const sandbox = new SandboxClient({ baseURL: 'http://127.0.0.1:4010' });
 * await sandbox.reset();
 * await sandbox.clock.advance(60_000);
 * const { code } = await sandbox.outbox.waitFor({ to: 'alice@example.com' });
 */
export class SandboxClient {
  readonly #api: ReturnType<typeof createClient<paths>>;

  constructor(options: SandboxClientOptions) {
    this.#api = createClient<paths>({
      baseUrl: options.baseURL.replace(/\/+$/, ''),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    });
  }

  /**
   * Back to the seeded state: data, clock, faults and the journal. `POST /__mock/reset`
   * @example
   * await sandbox.reset();
   */
  async reset(): Promise<void> {
    await answer(this.#api.POST('/__mock/reset'));
  }

  /** The whole state, `GET|PUT /__mock/state`. */
  readonly state = {
    /**
     * The state in the dialect's layout. `GET /__mock/state`
     * @example
     * const saved = await sandbox.state.export();
     */
    export: (): Promise<Record<string, unknown>> => answer(this.#api.GET('/__mock/state')),
    /**
     * Replaces the state, checked whole first. `PUT /__mock/state`
     * @example
     * await sandbox.state.import(saved);
     */
    import: async (state: Record<string, unknown>): Promise<void> => void (await answer(this.#api.PUT('/__mock/state', { body: state }))),
  };

  /** The server clock, epoch ms. `GET|POST /__mock/clock` */
  readonly clock = {
    /**
     * @example
     * const now = await sandbox.clock.now();
     */
    now: async (): Promise<number> => (await answer(this.#api.GET('/__mock/clock'))).now,
    /**
     * Moves the clock forward by `ms` and answers the new time.
     * @example
     * await sandbox.clock.advance(24 * 3_600_000);
     */
    advance: async (ms: number): Promise<number> => (await answer(this.#api.POST('/__mock/clock', { body: { advance_ms: ms } }))).now,
    /**
     * Sets the clock to `epochMs`.
     * @example
     * await sandbox.clock.set(Date.UTC(2030, 0, 1));
     */
    set: async (epochMs: number): Promise<number> => (await answer(this.#api.POST('/__mock/clock', { body: { now: epochMs } }))).now,
  };

  /** The emails and SMS the sandbox sent. `GET|DELETE /__mock/outbox` */
  readonly outbox = {
    /**
     * Oldest first.
     * @example
     * const messages = await sandbox.outbox.list();
     */
    list: async (): Promise<SandboxMessage[]> => (await answer(this.#api.GET('/__mock/outbox'))).messages,
    /**
     * @example
     * await sandbox.outbox.clear();
     */
    clear: async (): Promise<void> => void (await answer(this.#api.DELETE('/__mock/outbox'))),
    /**
     * The newest message to `to` (with a matching subject), once there is one: resolves at once if it is
     * already there, else polls until `timeoutMs`, then throws naming what it waited for.
     * @example
     * const { code } = await sandbox.outbox.waitFor({ to: 'alice@example.com', subject: /verify/i });
     */
    waitFor: async (match: OutboxMatch): Promise<SandboxMessage> => {
      const deadline = Date.now() + (match.timeoutMs ?? 5000);
      for (;;) {
        const found = (await this.outbox.list()).filter((m) => m.to === match.to && subjectMatches(m.subject, match.subject)).at(-1);
        if (found) return found;
        if (Date.now() >= deadline) throw new Error(`Failed to find a message to ${match.to}${match.subject === undefined ? '' : ` with subject ${String(match.subject)}`} in the sandbox's outbox within ${match.timeoutMs ?? 5000} ms.`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };

  /** Injected faults. `GET|PUT|DELETE /__mock/faults` */
  readonly faults = {
    /**
     * @example
     * const active = await sandbox.faults.get();
     */
    get: (): Promise<SandboxFaults> => answer(this.#api.GET('/__mock/faults')),
    /**
     * Replaces the faults.
     * @example
     * await sandbox.faults.set({ fail_route: { method: 'GET', path: '/api/user/self', status: 500 } });
     */
    set: (faults: SandboxFaults): Promise<SandboxFaults> => answer(this.#api.PUT('/__mock/faults', { body: faults })),
    /**
     * @example
     * await sandbox.faults.clear();
     */
    clear: async (): Promise<void> => void (await answer(this.#api.DELETE('/__mock/faults'))),
  };

  /** The dialect's upstream admin settings. `GET|PATCH /__mock/settings` */
  readonly settings = {
    /**
     * @example
     * const { RegisterEnabled } = await sandbox.settings.get();
     */
    get: (): Promise<Record<string, unknown>> => answer(this.#api.GET('/__mock/settings')),
    /**
     * Changes some settings and answers all of them.
     * @example
     * await sandbox.settings.patch({ RegisterEnabled: false });
     */
    patch: (settings: Record<string, unknown>): Promise<Record<string, unknown>> => answer(this.#api.PATCH('/__mock/settings', { body: settings })),
  };

  /**
   * The seeded logins. `GET /__mock/accounts`
   * @example
   * const root = (await sandbox.accounts()).find((a) => a.role_name === 'root');
   */
  async accounts(): Promise<SandboxAccount[]> {
    return (await answer(this.#api.GET('/__mock/accounts'))).accounts;
  }

  /** The request journal, newest first. `GET|DELETE /__mock/requests` */
  readonly requests = {
    /**
     * @example
     * const posts = await sandbox.requests.list({ method: 'POST', path: '/api/token/*' });
     */
    list: async (filter: RequestFilter = {}): Promise<SandboxRequest[]> => (await answer(this.#api.GET('/__mock/requests', { params: { query: filter } }))).requests,
    /**
     * @example
     * await sandbox.requests.clear();
     */
    clear: async (): Promise<void> => void (await answer(this.#api.DELETE('/__mock/requests'))),
  };
}

function subjectMatches(subject: string, wanted: string | RegExp | undefined): boolean {
  if (wanted === undefined) return true;
  // `search`, not `test`: a global RegExp's `test` resumes at its lastIndex and skips the next message's match.
  return typeof wanted === 'string' ? subject.includes(wanted) : subject.search(wanted) !== -1;
}

async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const message = (error as { error?: unknown } | undefined)?.error;
  throw new SandboxControlError(response.status, typeof message === 'string' ? message : `The sandbox answered HTTP ${response.status}.`);
}
