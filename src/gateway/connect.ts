import { GatewayError } from '../core/errors/gateway-error.js';
import type { ClientOptions } from '../core/options.js';
import { gatewayOf } from './gateway.js';
import type { AdapterFactory, Dialect, DialectAuth, Gateway } from './types.js';

/** Options of {@link connect}: the dialect client's options, the dialect (or `auto`) and how to authenticate. */
export type ConnectOptions<D extends Dialect | 'auto' = Dialect | 'auto'> = ClientOptions & {
  /** The gateway's dialect; `auto` probes it first with `detectDialect` (unauthenticated, read-only). */
  dialect: D;
  /** The dialect's login or credentials; see {@link DialectAuth}. */
  auth: D extends Dialect ? DialectAuth[D] : DialectAuth[Dialect];
};

/**
 * One client for a gateway of any dialect: builds the dialect's client, authenticates with `auth`, and answers a
 * {@link Gateway} whose calls map to the dialect's own ones. The dialect's adapter is loaded with a dynamic
 * `import()`, so an app that never calls `connect` does not bundle any, and one that names its dialect bundles
 * only that one.
 *
 * @example
 * const gateway = await connect({ baseURL: 'http://127.0.0.1:4010', dialect: 'newapi', auth: { username: 'root', password: '123456' } });
 * const me = await gateway.me();
 * gateway.native.tokens; // the NewApiClient, fully typed
 */
export async function connect<D extends Dialect>(options: ConnectOptions<D>): Promise<Gateway<D>>;
export async function connect(options: ConnectOptions<'auto'>): Promise<Gateway>;
export async function connect(options: ConnectOptions): Promise<Gateway> {
  const { dialect: asked, auth, ...clientOptions } = options;
  const dialect = asked === 'auto' ? await detect(clientOptions) : asked;
  const factory = await loadAdapter(dialect);
  return gatewayOf(await factory({ clientOptions, auth: auth as never }));
}

async function detect(options: ClientOptions): Promise<Dialect> {
  const { detectDialect } = await import('./detect.js');
  const found = await detectDialect(options.baseURL, { fetch: options.fetch });
  if (found.dialect === 'unknown') {
    throw new GatewayError(`Failed to connect: ${options.baseURL} answers as none of newapi, platform, aether and opencat. Please pass the dialect instead of 'auto'.`);
  }
  return found.dialect;
}

// One literal import() per dialect, so a bundler splits each adapter (and its dialect client) into its own chunk.
function loadAdapter(dialect: Dialect): Promise<AdapterFactory<Dialect>> {
  switch (dialect) {
    case 'newapi':
      return import('./adapters/newapi.js').then((m) => m.newApiAdapter as AdapterFactory<Dialect>);
    case 'platform':
      return import('./adapters/platform.js').then((m) => m.platformAdapter as AdapterFactory<Dialect>);
    case 'aether':
      return import('./adapters/aether.js').then((m) => m.aetherAdapter as AdapterFactory<Dialect>);
    case 'opencat':
      return import('./adapters/opencat.js').then((m) => m.openCatAdapter as AdapterFactory<Dialect>);
    default:
      return Promise.reject(new TypeError(`Failed to connect: ${JSON.stringify(dialect)} is not a dialect. Please pass newapi, platform, aether, opencat or auto.`));
  }
}
