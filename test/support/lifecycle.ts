/**
 * The one test harness for every dialect: a seeded reference server per test file with a frozen clock, reset
 * before each test, every response contract-checked against the dialect's document and every 500 recorded,
 * in-process or over HTTP. The dialect harnesses (harness.ts, platform.ts, mock-core/platform-support.ts) add only
 * their login helpers on top; a new dialect's tests start from `useReferenceServer('<name>')`.
 * @module
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { DialectName, ReferenceServer, ReferenceServerOptions } from '../../mocks/index.js';
import { serve } from '../../mocks/node/index.js';
import { contractObserver, takeContractProblems } from './contract.js';
import { testServer } from './test-server.js';

/** The suite runs once per transport: `in-process` (server.fetch) or `http` (mocks/node on an ephemeral port). */
export const transport = process.env.GATEWAYKIT_TRANSPORT === 'http' ? 'http' : 'in-process';

/** Options of {@link useReferenceServer}. */
export interface HarnessOptions {
  /** @default 1 */
  seed?: number;
  /**
   * Where requests go. The in-process and http vitest projects run the same files once each; unit tests pin
   * `'in-process'`.
   * @default the suite's transport (GATEWAYKIT_TRANSPORT)
   */
  transport?: 'in-process' | 'http';
  /**
   * Assert after each test that no response departed from the contract and none was a 500. The in-process and
   * http projects assert the contract in their setup file already; the unit project has none.
   * @default false
   */
  assertEachTest?: boolean;
}

/** A reference server as one test file sees it: live getters, valid from `beforeAll` on. */
export interface ServerLifecycle<D extends DialectName> {
  readonly server: ReferenceServer<D>;
  readonly baseURL: string;
  /** The fetch a client of this transport uses: the server's own in-process, the real one over HTTP. */
  fetch(request: Request): Promise<Response>;
  /** A raw request to `path` (below `baseURL`), for what an SDK would refuse to send. */
  raw(path: string, init?: RequestInit): Promise<Response>;
  /** The 500s answered so far (a 500 is a bug in the mock; other 5xx only come from injected faults). */
  readonly serverErrors: string[];
}

/**
 * Starts a reference server of `dialect` for one test file, resets it before each test and stops it after the
 * file.
 *
 * @example
 * const life = useReferenceServer('platform', { transport: 'in-process', assertEachTest: true });
 * test('...', async () => expect((await life.raw('/api/v1/auth/public-key')).status).toBe(200));
 */
export function useReferenceServer<D extends DialectName>(dialect: D, options: HarnessOptions = {}): ServerLifecycle<D> {
  const via = options.transport ?? transport;
  const serverErrors: string[] = [];
  let server: ReferenceServer<D>;
  let baseURL = 'http://localhost';
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    server = await testServer(dialect, { seed: options.seed ?? 1, onResponse: contractObserver(dialect) } as Partial<ReferenceServerOptions<D>>, serverErrors);
    if (via === 'http') {
      const http = await serve(server, { port: 0 });
      baseURL = http.url;
      close = http.close;
    }
  });
  beforeEach(() => server.reset());
  if (options.assertEachTest) {
    afterEach(() => {
      expect(takeContractProblems(), `responses that ${server.dialect}'s contract does not describe`).toEqual([]);
      expect(serverErrors.splice(0), 'answers with a 500').toEqual([]);
    });
  }
  afterAll(() => close?.());

  const fetchImpl = (request: Request) => (via === 'http' ? fetch(request) : server.fetch(request));
  return {
    get server() {
      return server;
    },
    get baseURL() {
      return baseURL;
    },
    fetch: fetchImpl,
    raw: (path, init) => fetchImpl(new Request(baseURL + path, init)),
    serverErrors,
  };
}
