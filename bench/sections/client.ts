import createClient from 'openapi-fetch';
import type { paths } from '../../src/newapi/generated/schema.js';
import { NewApiClient } from '../../src/newapi/index.js';
import { startServer } from '../lib/child.js';
import { compare, type Comparison } from '../lib/measure.js';

/** SDK vs bare openapi-fetch vs raw fetch, GET and POST, against a raw node:http server. */
export async function clientOverhead(quick: boolean): Promise<Record<'GET' | 'POST', Comparison>> {
  const server = await startServer(new URL('../servers/raw.ts', import.meta.url).pathname);
  try {
    const sdk = new NewApiClient({ baseURL: server.url, accessToken: 'bench-token', userId: 1 });
    const bare = createClient<paths>({ baseUrl: server.url });
    const headers = { Authorization: 'Bearer bench-token', 'New-Api-User': '1' };
    const login = { username: 'root', password: '123456' };
    const opts = quick ? { rounds: 7, iterations: 100, warmup: 100 } : {};
    const GET = await compare(
      'raw fetch',
      {
        'raw fetch': () => fetch(`${server.url}/api/user/groups`, { headers }).then((r) => r.json()),
        'openapi-fetch': () => bare.GET('/api/user/groups', { headers }),
        sdk: () => sdk.groups.list(),
      },
      opts,
    );
    const POST = await compare(
      'raw fetch',
      {
        'raw fetch': () =>
          fetch(`${server.url}/api/user/login`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(login) }).then((r) => r.json()),
        'openapi-fetch': () => bare.POST('/api/user/login', { headers, body: login }),
        sdk: () => sdk.auth.login(login),
      },
      opts,
    );
    return { GET, POST };
  } finally {
    server.stop();
  }
}
