import { expect, test } from 'vitest';
import { BaseClient, createRenewal, pageNumber, plainEnvelope, tokenSession } from '../../src/core/index.js';
import { AuthenticationError } from '../../src/index.js';

interface Paths {
  '/me': { get: { parameters: {}; responses: { 200: { content: { 'application/json': { name: string } } } } } };
  '/refresh': { post: { parameters: {}; requestBody: { content: { 'application/json': { refresh_token: string } } }; responses: { 200: { content: { 'application/json': Pair } } } } };
}
interface Pair {
  access_token: string;
  refresh_token: string;
}

/** A dialect with rotating access tokens, as platform has: its token session renews once on 401, then sends again. */
class RefreshingClient extends BaseClient<Paths, 'bare'> {
  constructor(fetch: (r: Request) => Promise<Response>) {
    const auth = tokenSession<Pair>({
      tokens: { access_token: 'expired', refresh_token: 'r0' },
      issuedBy: { 'POST /refresh': (data) => data as Pair },
      refresh: (context, refresh_token) => context.request('post', '/refresh', { body: { refresh_token } }) as Promise<Pair>,
      refused: () => false,
      needsRenewal: (received) => received.response.status === 401,
    });
    super({ baseURL: 'http://gw.test', fetch, maxRetries: 0 }, { name: 'test', envelope: plainEnvelope, auth, pager: pageNumber({ page: 'page', size: 'size' }) });
  }

  me() {
    return this.request('get', '/me', {});
  }
}

const server = (valid: string) => {
  const counts = { refreshes: 0 };
  const fetch = async (request: Request) => {
    if (new URL(request.url).pathname === '/refresh') {
      counts.refreshes++;
      // A tick, so concurrent 401s all arrive while this refresh is in flight.
      await new Promise((resolve) => setTimeout(resolve, 10));
      return new Response(JSON.stringify({ access_token: 'fresh', refresh_token: 'r1' }));
    }
    return request.headers.get('authorization') === `Bearer ${valid}`
      ? new Response(JSON.stringify({ name: 'ok' }))
      : new Response(JSON.stringify({ message: 'token expired' }), { status: 401 });
  };
  return { fetch, counts };
};

test('concurrent calls that hit 401 share one refresh, then all succeed', async () => {
  const { fetch, counts } = server('fresh');
  const client = new RefreshingClient(fetch);
  const results = await Promise.all(Array.from({ length: 10 }, () => client.me()));
  expect(results).toEqual(Array(10).fill({ name: 'ok' }));
  expect(counts.refreshes).toBe(1);
});

test('when the refresh does not help, the original 401 is thrown, and only once retried', async () => {
  const { fetch, counts } = server('never');
  const client = new RefreshingClient(fetch);
  await expect(client.me()).rejects.toBeInstanceOf(AuthenticationError);
  expect(counts.refreshes).toBe(1);
});

test('a renewal that throws counts as not renewed and the next 401 tries again', async () => {
  let calls = 0;
  const renew = createRenewal(async () => {
    calls++;
    if (calls === 1) throw new Error('refresh endpoint down');
    return true;
  });
  expect(await renew()).toBe(false);
  expect(await renew()).toBe(true);
  expect(calls).toBe(2);
});
