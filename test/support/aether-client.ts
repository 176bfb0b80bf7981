import type { AetherAccount, AetherAccountRole, ReferenceServer } from '../../mocks/index.js';
import { AetherClient, type AetherClientOptions } from '../../src/aether/index.js';
import { useReferenceServer } from './lifecycle.js';

export interface AetherHarness {
  server: ReferenceServer<'aether'>;
  baseURL: string;
  /** A fresh client; no retries, so each call is one request. */
  client(options?: Partial<AetherClientOptions>): AetherClient;
  /** The first seeded account of `role`: for `admin`, the bootstrap admin `admin@localhost`. */
  account(role?: AetherAccountRole): AetherAccount;
  /** The user id of {@link AetherHarness.account}. */
  idOf(role?: AetherAccountRole): string;
  /** A client logged in as {@link AetherHarness.account}. */
  loginAs(role?: AetherAccountRole, options?: Partial<AetherClientOptions>): Promise<AetherClient>;
  /** Moves the server clock, as `POST /__mock/clock` does. */
  advance(ms: number): void;
  /** A raw request, for what the SDK would refuse to send. */
  raw(path: string, init?: RequestInit): Promise<Response>;
  /** The fetch of this transport (the server's own in-process, the real one over HTTP), for wrapping. */
  fetch(request: Request): Promise<Response>;
}

/**
 * Starts an aether reference server for one test file, resets it before each test and stops it after the file:
 * the SDK's side of the tests (the server's own raw-request tests use ./aether-raw.ts).
 */
export function useAether(options: { seed?: number } = {}): AetherHarness {
  const life = useReferenceServer('aether', options);
  const harness: AetherHarness = {
    get server() {
      return life.server;
    },
    get baseURL() {
      return life.baseURL;
    },
    client: (extra = {}) => new AetherClient({ baseURL: life.baseURL, fetch: life.fetch, maxRetries: 0, ...extra }),
    account(role = 'admin') {
      const found = life.server.accounts.find((account) => account.role === role);
      if (!found) throw new Error(`No seeded aether account plays ${role}; seeded: ${life.server.accounts.map((a) => a.role).join(', ')}`);
      return found;
    },
    idOf: (role) => harness.account(role).user_id,
    async loginAs(role, extra) {
      const client = harness.client(extra);
      const { email, password } = harness.account(role);
      await client.auth.login({ email, password });
      return client;
    },
    advance: (ms) => life.server.clock.advance(ms),
    raw: life.raw,
    fetch: life.fetch,
  };
  return harness;
}
