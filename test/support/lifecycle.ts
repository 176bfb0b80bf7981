import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createReferenceServer, type DialectName, type ReferenceServer } from '../../mocks/index.js';
import { serve } from '../../mocks/node/index.js';
import { contractObserver } from './contract.js';

/** The suite runs once per transport: `in-process` (server.fetch) or `http` (mocks/node on an ephemeral port). */
export const transport = process.env.GATEWAYKIT_TRANSPORT === 'http' ? 'http' : 'in-process';

/** A reference server as one test file sees it: live getters, valid from `beforeAll` on. */
export interface ServerLifecycle<D extends DialectName> {
  readonly server: ReferenceServer<D>;
  readonly baseURL: string;
  /** The fetch a client of this transport uses: the server's own in-process, the real one over HTTP. */
  fetch(request: Request): Promise<Response>;
}

/**
 * Starts a reference server of `dialect` for one test file, resets it before each test and stops it
 * after the file, over the transport this project runs. Every response is contract-checked.
 * Shared by the dialect harnesses, which add their own login helpers on top.
 */
export function useServerLifecycle<D extends DialectName>(dialect: D, options: { seed?: number } = {}): ServerLifecycle<D> {
  let server: ReferenceServer<D>;
  let baseURL = 'http://localhost';
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    server = createReferenceServer({ dialect, seed: options.seed ?? 1, clock: { frozen: true }, onResponse: contractObserver(dialect) });
    await server.ready;
    if (transport === 'http') {
      const http = await serve(server, { port: 0 });
      baseURL = http.url;
      close = http.close;
    }
  });
  beforeEach(() => server.reset());
  afterAll(() => close?.());

  return {
    get server() {
      return server;
    },
    get baseURL() {
      return baseURL;
    },
    fetch: (request) => (transport === 'http' ? fetch(request) : server.fetch(request)),
  };
}
