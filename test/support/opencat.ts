import type { ReferenceServer } from '../../mocks/index.js';
import { OpenCatClient, type OpenCatClientOptions } from '../../src/opencat/index.js';
import { useReferenceServer } from './lifecycle.js';

/** What an opencat SDK test file gets from {@link useOpenCat}. */
export interface OpenCatHarness {
  readonly server: ReferenceServer<'opencat'>;
  readonly baseURL: string;
  /** A client of this transport without retries, so each call is one request; no token unless given. */
  client(options?: Partial<OpenCatClientOptions>): OpenCatClient;
  /** A client with root's seeded token. */
  root(options?: Partial<OpenCatClientOptions>): OpenCatClient;
  /** Root's seeded token. */
  rootToken(): string;
  /** The fetch of this transport, for wrapping. */
  fetch(request: Request): Promise<Response>;
  /** A raw request below `baseURL` (the control API, answers the SDK would not ask for). */
  raw(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * Starts an opencat reference server (seed 1) for one test file and resets it before each test; every response
 * is contract-checked.
 *
 * @example
 * const api = useOpenCat();
 * test('…', async () => expect((await api.root().users.me()).id).toBe(1));
 */
export function useOpenCat(): OpenCatHarness {
  const life = useReferenceServer('opencat');
  const harness: OpenCatHarness = {
    get server() {
      return life.server;
    },
    get baseURL() {
      return life.baseURL;
    },
    client: (extra = {}) => new OpenCatClient({ baseURL: life.baseURL, fetch: life.fetch, maxRetries: 0, ...extra }),
    root: (extra = {}) => harness.client({ token: harness.rootToken(), ...extra }),
    rootToken() {
      const token = life.server.accounts.find((account) => account.role === 'root')?.token;
      if (!token) throw new Error(`Failed to find root's token among the seeded accounts: ${life.server.accounts.map((a) => a.role).join(', ')}.`);
      return token;
    },
    fetch: life.fetch,
    raw: life.raw,
  };
  return harness;
}
