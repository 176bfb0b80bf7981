/**
 * The server factory under the test harness (./lifecycle.ts), for tests that build servers of their own: no
 * contract validator loaded, so unit tests that only need a server stay cheap to import.
 * @module
 */
import { createReferenceServer, type DialectName, type ReferenceServer, type ReferenceServerOptions } from '../../mocks/index.js';

/**
 * A seeded server of `dialect` for a test that builds its own (no lifecycle hooks): frozen clock, every 500
 * pushed to `serverErrors`, `observe` (a contract observer, say) called for every response.
 *
 * @example
 * const server = await testServer('newapi', { rateLimits: true }, serverErrors);
 */
export async function testServer<D extends DialectName>(
  dialect: D,
  options: Partial<ReferenceServerOptions<D>>,
  serverErrors: string[],
): Promise<ReferenceServer<D>> {
  const server = createReferenceServer<D>({
    dialect,
    seed: 1,
    clock: { frozen: true },
    ...options,
    onResponse: async (request, response) => {
      if (response.status === 500) serverErrors.push(`${request.method} ${request.url}: ${await response.clone().text()}`);
      await options.onResponse?.(request, response);
    },
  });
  await server.ready;
  return server;
}
