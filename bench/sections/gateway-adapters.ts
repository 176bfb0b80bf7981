import { createReferenceServer } from '../../mocks/index.js';
import { AetherClient } from '../../src/aether/index.js';
import { connect } from '../../src/index.js';
import { OpenCatClient } from '../../src/opencat/index.js';
import { compare, type Comparison } from '../lib/measure.js';

const BASE = 'http://localhost';

/**
 * The aether and opencat rows of the gateway section: a normalized call against the native call it maps to,
 * in-process on one seeded server each (frozen clock, no rate limits), both sides authenticated as the admin.
 * Aether: `gateway.users.retrieve(id)` vs `native.users.retrieve(id)`; OpenCat: `gateway.users.list()` vs
 * `native.users.list()` (its retrieve is a list read, so the list is the call both map to).
 */
export async function gatewayAdapterOverhead(quick: boolean): Promise<{ aether: Comparison; opencat: Comparison }> {
  const budget = quick ? { rounds: 15, iterations: 100, warmup: 100 } : { rounds: 31, iterations: 300, warmup: 300 };

  const aetherServer = createReferenceServer({ dialect: 'aether', seed: 1, clock: { frozen: true }, rateLimits: false });
  await aetherServer.ready;
  const admin = aetherServer.accounts.find((a) => a.role === 'admin')!;
  const toAether = (request: Request) => aetherServer.fetch(request);
  const aetherNative = new AetherClient({ baseURL: BASE, fetch: toAether, maxRetries: 0 });
  await aetherNative.auth.login({ email: admin.email, password: admin.password });
  const aetherGateway = await connect({ baseURL: BASE, fetch: toAether, maxRetries: 0, dialect: 'aether', auth: { email: admin.email, password: admin.password } });
  const aether = await compare('native', { native: () => aetherNative.users.retrieve(admin.user_id), gateway: () => aetherGateway.users.retrieve(admin.user_id) }, budget);

  const openCatServer = createReferenceServer({ dialect: 'opencat', seed: 1, clock: { frozen: true }, rateLimits: false });
  await openCatServer.ready;
  const { token } = openCatServer.accounts.find((a) => a.role === 'root')!;
  const toOpenCat = (request: Request) => openCatServer.fetch(request);
  const openCatNative = new OpenCatClient({ baseURL: BASE, fetch: toOpenCat, maxRetries: 0, token });
  const openCatGateway = await connect({ baseURL: BASE, fetch: toOpenCat, maxRetries: 0, dialect: 'opencat', auth: { token } });
  const opencat = await compare('native', { native: async () => openCatNative.users.list(), gateway: async () => openCatGateway.users.list() }, budget);
  return { aether, opencat };
}
