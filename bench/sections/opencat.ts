import { createReferenceServer, type ReferenceServer } from '../../mocks/index.js';
import { OpenCatClient } from '../../src/opencat/index.js';
import { compare, type Comparison } from '../lib/measure.js';

const BASE = 'http://localhost';
/** How many users `GET /1/users` answers in the row. */
export const OPENCAT_USERS = 10_000;

/** A seeded opencat server grown to {@link OPENCAT_USERS} users through `POST /1/users`, and root's token. */
async function crowdedServer(): Promise<{ server: ReferenceServer<'opencat'>; token: string }> {
  const server = createReferenceServer({ dialect: 'opencat', seed: 1 });
  await server.ready;
  const token = server.accounts.find((account) => account.role === 'root')?.token;
  if (!token) throw new Error("Failed to find root's token among the seeded opencat accounts.");
  const client = new OpenCatClient({ baseURL: BASE, token, fetch: (request) => server.fetch(request) });
  let count = (await client.users.list()).items.length;
  while (count < OPENCAT_USERS) await client.users.create({ name: `bench-user-${count++}` });
  return { server, token };
}

/**
 * `users.list()` in-process against a server holding 10,000 users, against the same `GET /1/users` by hand (raw
 * `server.fetch` and `response.json()`): what the SDK adds to one large bare list (its envelope reader, the
 * unpaged page) on top of the server's own work, which both sides pay.
 */
export async function openCatUsersList(quick: boolean): Promise<Comparison> {
  const { server, token } = await crowdedServer();
  const client = new OpenCatClient({ baseURL: BASE, token, fetch: (request) => server.fetch(request) });
  const headers = { authorization: `Bearer ${token}` };
  const expect = (length: number) => {
    if (length !== OPENCAT_USERS) throw new Error(`Failed to list ${OPENCAT_USERS} users: got ${length}.`);
  };
  return compare(
    'raw server.fetch',
    {
      'raw server.fetch': async () => expect(((await (await server.fetch(new Request(`${BASE}/1/users`, { headers }))).json()) as unknown[]).length),
      sdk: async () => expect((await client.users.list()).items.length),
    },
    quick ? { rounds: 7, iterations: 3, warmup: 2 } : { rounds: 15, iterations: 5, warmup: 3 },
  );
}
