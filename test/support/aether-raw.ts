import type { AetherAccount, AetherAccountRole, ReferenceServer } from '../../mocks/index.js';
import { useReferenceServer } from './lifecycle.js';

/** An answer as a test reads it: the status and the parsed JSON body (`undefined` for none). */
export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A raw request: method, the bearer token to send, a JSON body (or raw text with `text`). */
export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as the body as it is (malformed JSON, whitespace, …). */
  text?: string;
  headers?: Record<string, string>;
}

export interface AetherRawHarness {
  readonly server: ReferenceServer<'aether'>;
  readonly baseURL: string;
  fetch(request: Request): Promise<Response>;
  /** A seeded account by role (the first of it) or by username. */
  account(who: AetherAccountRole | string): AetherAccount;
  /** Logs `who` in with a raw request and answers both tokens. */
  login(who: AetherAccountRole | string): Promise<{ access_token: string; refresh_token: string }>;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** The state as `GET /__mock/state` exports it, for before/after comparisons. */
  snapshot(): Promise<unknown>;
}

/**
 * The aether reference server for raw-request tests (what the SDK would not send): seeded, frozen clock, reset
 * before each test, every response contract-checked.
 */
export function useAetherRaw(options: { seed?: number } = {}): AetherRawHarness {
  const life = useReferenceServer('aether', options);
  const harness: AetherRawHarness = {
    get server() {
      return life.server;
    },
    get baseURL() {
      return life.baseURL;
    },
    fetch: life.fetch,
    account(who) {
      const account = life.server.accounts.find((a) => a.role === who || a.username === who);
      if (!account) throw new Error(`No seeded aether account ${who}`);
      return account;
    },
    async login(who) {
      const { email, password } = harness.account(who);
      const answer = await harness.call('POST', '/api/auth/login', { body: { email, password } });
      if (answer.status !== 200) throw new Error(`Failed to log in as ${who}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    async call(method, path, { token, body, text, headers = {} } = {}) {
      const all: Record<string, string> = { ...headers };
      if (token !== undefined) all.authorization = `Bearer ${token}`;
      if (body !== undefined || text !== undefined) all['content-type'] ??= 'application/json';
      const response = await life.raw(path, { method, headers: all, body: text ?? (body === undefined ? undefined : JSON.stringify(body)) });
      const raw = await response.text();
      return { status: response.status, body: raw === '' ? undefined : JSON.parse(raw), headers: response.headers };
    },
    async snapshot() {
      return (await life.raw('/__mock/state')).json();
    },
  };
  return harness;
}
