import { createFaker } from '../../mocks/core/faker.js';
import { createReferenceServer, type ReferenceServer } from '../../mocks/index.js';
import { newUserRecord } from '../../mocks/newapi/state.js';
import { compare, type Comparison } from '../lib/measure.js';

const BASE = 'http://localhost';
const USERS = 10_000;

/** The anchor (a literal keyword no user holds: every row is read, none is listed) and the wildcard keywords timed against it. */
export const SEARCH_KEYWORDS = {
  plain: 'zqxjv',
  'issue, 22 characters': '%_%_%_%_%_%_%_%_%_%_%!',
  'issue, short': '%_%_%!',
  'every user': '%_%',
  '100 characters of %_': `${'%_'.repeat(49)}%!`,
  '100 characters, long runs': `${'_'.repeat(24)}%${'a_'.repeat(37)}%!`,
} as const;

/** A seeded new-api server grown to `USERS` users of faker names, and root's session headers. */
async function crowdedServer(): Promise<{ server: ReferenceServer<'newapi'>; headers: Record<string, string> }> {
  const server = createReferenceServer({ dialect: 'newapi', seed: 1 });
  await server.ready;
  const faker = createFaker(7);
  const { state } = server;
  while (state.users.length < USERS) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    state.users.push(newUserRecord(state, {
      username: `${faker.internet.username({ firstName: first, lastName: last }).slice(0, 14)}${state.users.length}`,
      display_name: `${first} ${last}`.slice(0, 20),
      email: faker.internet.email({ firstName: first, lastName: last }).toLowerCase().slice(0, 50),
      created_at: 1_700_000_000 + state.users.length,
    }));
  }
  const login = await server.fetch(new Request(`${BASE}/api/user/login`, { method: 'POST', body: JSON.stringify({ username: 'root', password: '123456' }) }));
  const { data } = (await login.json()) as { data: { id: number } };
  return { server, headers: { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'New-Api-User': String(data.id) } };
}

/**
 * `GET /api/user/search` over 10,000 users with wildcard keywords of up to 100 characters, against the same search
 * with a literal keyword. Before `mocks/go/sql-like.ts` the keywords were RegExps, and `%_%_%!` alone took seconds.
 */
export async function searchWithWildcards(quick: boolean): Promise<Comparison> {
  const { server, headers } = await crowdedServer();
  const search = (keyword: string) => async () => {
    const response = await server.fetch(new Request(`${BASE}/api/user/search?keyword=${encodeURIComponent(keyword)}`, { headers }));
    const body = (await response.json()) as { success: boolean };
    if (!body.success) throw new Error(`Failed to search for ${keyword}: ${JSON.stringify(body)}.`);
  };
  const contenders = Object.fromEntries(Object.entries(SEARCH_KEYWORDS).map(([name, keyword]) => [name, search(keyword)]));
  return compare('plain', contenders, quick ? { rounds: 7, iterations: 3, warmup: 2 } : { rounds: 15, iterations: 5, warmup: 3 });
}
