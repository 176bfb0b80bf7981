// Connecting a Gateway to the test file's reference server, for each dialect the gateway tests cover.
import type { ReferenceServer } from '../../mocks/index.js';
import { connect, type ConnectOptions, type DialectAuth, type Gateway } from '../../src/index.js';
import type { ServerLifecycle } from '../support/lifecycle.js';

/** `connect()` to the harness's server over its transport, without retries (one request per call). */
export function connectTo<D extends 'newapi' | 'platform'>(life: ServerLifecycle<D>, dialect: D, auth: DialectAuth[D]): Promise<Gateway<D>> {
  return connect({ baseURL: life.baseURL, fetch: life.fetch, maxRetries: 0, dialect, auth } as ConnectOptions<D>);
}

/** The seeded new-api account with this role (100 root, 10 admin, 1 common), with its login. */
export function newApiAccount(server: ReferenceServer<'newapi'>, role: number, nth = 0) {
  return server.accounts.filter((a) => a.role === role)[nth]!;
}
