/**
 * The harness of the CORS tests: a seeded server of one dialect without the contract observer (a preflight's
 * OPTIONS is no operation of any document), in the suite's transport, reset before each test.
 * @module
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DialectName, ReferenceServer } from '../../mocks/index.js';
import { serve } from '../../mocks/node/index.js';
import { transport } from './lifecycle.js';
import { testServer } from './test-server.js';

/** What a CORS test reads of an answer: status, body text, and only the headers CORS is about. */
export interface CorsAnswer {
  status: number;
  text: string;
  /** `access-control-*` and `vary`, by lower-case name; the other headers differ between transports. */
  cors: Record<string, string>;
  headers: Headers;
}

/** The server of {@link useCorsServer}. */
export interface CorsHarness<D extends DialectName> {
  readonly server: ReferenceServer<D>;
  /** The origin requests go to: the listening address over HTTP. */
  readonly ownOrigin: string;
  send(method: string, path: string, headers?: Record<string, string>): Promise<CorsAnswer>;
  /** A preflight from `origin` for `method` (and `requestHeaders`, when given). */
  preflight(path: string, origin: string, method: string, requestHeaders?: string): Promise<CorsAnswer>;
}

/**
 * A server of `dialect` for the file's CORS tests.
 *
 * @example
 * const api = useCorsServer('newapi');
 * test('…', async () => expect((await api.preflight('/api/user/self', 'http://app.test', 'GET')).status).toBe(204));
 */
export function useCorsServer<D extends DialectName>(dialect: D): CorsHarness<D> {
  let server: ReferenceServer<D>;
  let base = 'http://localhost';
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    server = await testServer(dialect, {}, []);
    if (transport === 'http') ({ url: base, close } = await serve(server, { port: 0 }));
  });
  beforeEach(() => server.reset());
  afterAll(() => close?.());

  const harness: CorsHarness<D> = {
    get server() {
      return server;
    },
    get ownOrigin() {
      return new URL(base).origin;
    },
    async send(method, path, headers = {}) {
      const init = { method, headers };
      const response = transport === 'http' ? await fetch(`${base}${path}`, init) : await server.fetch(path, init);
      const cors = Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));
      return { status: response.status, text: await response.text(), cors, headers: response.headers };
    },
    preflight(path, origin, method, requestHeaders) {
      const headers: Record<string, string> = { origin, 'access-control-request-method': method };
      if (requestHeaders !== undefined) headers['access-control-request-headers'] = requestHeaders;
      return harness.send('OPTIONS', path, headers);
    },
  };
  return harness;
}
