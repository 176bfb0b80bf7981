import type { ReferenceServer } from '../../mocks/index.js';
import { useReferenceServer } from './lifecycle.js';
import { NewApiClient, type NewApiClientOptions } from '../../src/newapi/index.js';

export { transport } from './lifecycle.js';

export interface NewApiHarness {
  server: ReferenceServer<'newapi'>;
  baseURL: string;
  /** A fresh client with its own cookie jar; no retries, so each call is one request. */
  client(options?: Partial<NewApiClientOptions>): NewApiClient;
  /** A client logged in as a seeded account, found by username. */
  loginAs(username: string, options?: Partial<NewApiClientOptions>): Promise<NewApiClient>;
  /** The fetch of this transport (the server's own in-process, the real one over HTTP), for wrapping. */
  fetch(request: Request): Promise<Response>;
  /** A raw request, for answers the SDK would refuse to send (bad JSON, wrong headers). */
  raw(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * Starts a newapi reference server for one test file, resets it before each test, and stops it
 * after the file. Every response is contract-checked.
 */
export function useNewApi(options: { seed?: number } = {}): NewApiHarness {
  const life = useReferenceServer('newapi', options);
  const fetchImpl = life.fetch;

  const harness: NewApiHarness = {
    get server() {
      return life.server;
    },
    get baseURL() {
      return life.baseURL;
    },
    client: (extra = {}) => new NewApiClient({ baseURL: life.baseURL, fetch: fetchImpl, maxRetries: 0, ...extra }),
    async loginAs(username, extra) {
      const account = life.server.accounts.find((a) => a.username === username);
      if (!account) throw new Error(`No seeded account ${username}; seeded: ${life.server.accounts.map((a) => a.username).join(', ')}`);
      const client = harness.client(extra);
      await client.auth.login({ username: account.username, password: account.password });
      return client;
    },
    raw: life.raw,
    fetch: fetchImpl,
  };
  return harness;
}
