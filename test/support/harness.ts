import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createReferenceServer, type ReferenceServer } from '../../mocks/index.js';
import { serve } from '../../mocks/node/index.js';
import { NewApiClient, type NewApiClientOptions } from '../../src/newapi/index.js';
import { contractObserver } from './contract.js';

/** The suite runs once per transport: `in-process` (server.fetch) or `http` (mocks/node on an ephemeral port). */
export const transport = process.env.GATEWAYKIT_TRANSPORT === 'http' ? 'http' : 'in-process';

export interface NewApiHarness {
  server: ReferenceServer<'newapi'>;
  baseURL: string;
  /** A fresh client with its own cookie jar; no retries, so each call is one request. */
  client(options?: Partial<NewApiClientOptions>): NewApiClient;
  /** A client logged in as a seeded account, found by username. */
  loginAs(username: string): Promise<NewApiClient>;
  /** A raw request, for answers the SDK would refuse to send (bad JSON, wrong headers). */
  raw(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * Starts a newapi reference server for one test file, resets it before each test, and stops it
 * after the file. Every response is contract-checked.
 */
export function useNewApi(options: { seed?: number } = {}): NewApiHarness {
  let server: ReferenceServer<'newapi'>;
  let baseURL = 'http://localhost';
  let close: (() => Promise<void>) | undefined;
  let fetchImpl: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    server = createReferenceServer({ dialect: 'newapi', seed: options.seed ?? 1, onResponse: contractObserver('newapi') });
    await server.ready;
    if (transport === 'http') {
      const http = await serve(server, { port: 0 });
      baseURL = http.url;
      close = http.close;
      fetchImpl = (request) => fetch(request);
    } else {
      fetchImpl = (request) => server.fetch(request);
    }
  });
  beforeEach(() => server.reset());
  afterAll(() => close?.());

  const harness: NewApiHarness = {
    get server() {
      return server;
    },
    get baseURL() {
      return baseURL;
    },
    client: (extra = {}) => new NewApiClient({ baseURL, fetch: fetchImpl, maxRetries: 0, ...extra }),
    async loginAs(username) {
      const account = server.accounts.find((a) => a.username === username);
      if (!account) throw new Error(`No seeded account ${username}; seeded: ${server.accounts.map((a) => a.username).join(', ')}`);
      const client = harness.client();
      await client.auth.login({ username: account.username, password: account.password });
      return client;
    },
    raw: (path, init) => fetchImpl(new Request(baseURL + path, init)),
  };
  return harness;
}
