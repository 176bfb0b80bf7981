/**
 * `@gatewaykit/mock/vitest`: a reference server for a vitest file in three lines. It starts one seeded server for
 * the file (clock frozen, so time moves only when the test moves it), resets it before every test, and hands out
 * clients of the dialect's SDK already pointed at it, in-process or over HTTP.
 *
 * @example
 * import { useReferenceServer } from '@gatewaykit/mock/vitest';
 * const sandbox = useReferenceServer({ dialect: 'newapi' });
 * test('root logs in', async () => { await sandbox.client().auth.login({ username: 'root', password: '123456' }); });
 * @module @gatewaykit/mock/vitest
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { AetherClient } from 'gatewaykit/aether';
import { NewApiClient } from 'gatewaykit/newapi';
import { OpenCatClient } from 'gatewaykit/opencat';
import { PlatformClient } from 'gatewaykit/platform';
import { createReferenceServer, type DialectName, type ReferenceServer, type ReferenceServerOptions } from './index.js';

/** The SDK client of each dialect, by the dialect's name (a new dialect adds its line; a test checks every one has one). */
export const DIALECT_CLIENTS = {
  newapi: NewApiClient,
  platform: PlatformClient,
  aether: AetherClient,
  opencat: OpenCatClient,
} satisfies Record<DialectName, unknown>;

/** The SDK client class of dialect `D`. */
export type ClientOf<D extends DialectName> = InstanceType<(typeof DIALECT_CLIENTS)[D]>;
/** The options of that client's constructor. */
export type ClientOptionsOf<D extends DialectName> = ConstructorParameters<(typeof DIALECT_CLIENTS)[D]>[0];

/** Options of {@link useReferenceServer}: the server's own, plus how the file reaches it. */
export type UseReferenceServerOptions<D extends DialectName> = ReferenceServerOptions<D> & {
  /**
   * `in-process`: requests go straight to `server.fetch`; `http`: the server listens on a free loopback port
   * (`@gatewaykit/mock/node`) and clients use the real `fetch`.
   * @default 'in-process'
   */
  transport?: 'in-process' | 'http';
};

/** What {@link useReferenceServer} gives a test file. */
export interface ReferenceServerHandle<D extends DialectName> {
  /** The server (its state, clock, accounts and request journal); available once the file's `beforeAll` ran. */
  readonly server: ReferenceServer<D>;
  /** Where clients send requests: `http://localhost` in-process, the listening address over HTTP. */
  readonly baseURL: string;
  /** The fetch a client of this transport uses. */
  fetch(request: Request): Promise<Response>;
  /**
   * A new client of the dialect's SDK for this server; `options` go over `{ baseURL, fetch }`.
   * @example
   * const client = sandbox.client();
   */
  client(options?: Partial<ClientOptionsOf<D>>): ClientOf<D>;
}

/**
 * Registers the file's `beforeAll` (start), `beforeEach` (reset to the seed) and `afterAll` (close) hooks.
 *
 * @example
 * const sandbox = useReferenceServer({ dialect: 'opencat', seed: 1 });
 * test('root lists users', async () => {
 *   const root = sandbox.server.accounts[0]!;
 *   expect(await sandbox.client({ token: root.token }).users.list()).not.toHaveLength(0);
 * });
 */
export function useReferenceServer<D extends DialectName>(options: UseReferenceServerOptions<D>): ReferenceServerHandle<D> {
  const { transport = 'in-process', ...serverOptions } = options;
  let server: ReferenceServer<D> | undefined;
  let baseURL = 'http://localhost';
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    server = createReferenceServer<D>({ seed: 1, clock: { frozen: true }, ...serverOptions } as ReferenceServerOptions<D>);
    await server.ready;
    if (transport === 'http') {
      // Loaded only over HTTP: the in-process case must not pull node:http into a browser test.
      const { serve } = await import('./node/serve.js');
      const http = await serve(server, { port: 0 });
      baseURL = http.url;
      close = http.close;
    }
  });
  beforeEach(() => started().reset());
  afterAll(() => close?.());

  const started = (): ReferenceServer<D> => {
    if (!server) throw new Error('Failed to use the reference server: it starts in beforeAll. Please call this inside a test or hook.');
    return server;
  };
  const fetchImpl = (request: Request) => (transport === 'http' ? fetch(request) : started().fetch(request));
  return {
    get server() {
      return started();
    },
    get baseURL() {
      return baseURL;
    },
    fetch: fetchImpl,
    client(clientOptions) {
      const Client = DIALECT_CLIENTS[options.dialect] as unknown as new (o: object) => ClientOf<D>;
      return new Client({ baseURL, fetch: fetchImpl, ...clientOptions });
    },
  };
}
