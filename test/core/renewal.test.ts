import { expect, test } from 'vitest';
import { AuthenticationError, BaseClient, createRenewal, plainEnvelope, type Received, type RequestOptions, type RequestSpec } from '../../src/index.js';

interface Paths {
  '/me': { get: { parameters: {}; responses: { 200: { content: { 'application/json': { data?: { name: string } } } } } } };
}

/** A dialect with rotating access tokens, as platform will have: renews once on 401, then sends again. */
class RefreshingClient extends BaseClient<Paths> {
  token = 'expired';
  refreshes = 0;
  readonly #renew = createRenewal(async () => {
    this.refreshes++;
    await new Promise((resolve) => setTimeout(resolve, 10));
    this.token = 'fresh';
    return true;
  });

  constructor(fetch: (r: Request) => Promise<Response>) {
    super({ baseURL: 'http://gw.test', fetch, maxRetries: 0 }, { name: 'test', envelope: plainEnvelope, page: { pageParam: 'page', sizeParam: 'size', read: (d) => d as never } });
  }

  protected override authorize(headers: Headers): void {
    headers.set('authorization', `Bearer ${this.token}`);
  }

  protected override async send(spec: RequestSpec, options: RequestOptions | undefined): Promise<Received> {
    const first = await super.send(spec, options);
    if (first.response.status !== 401 || !(await this.#renew())) return first;
    return super.send(spec, options);
  }

  me() {
    return this.request('get', '/me', {});
  }
}

const server = (valid: string) => async (request: Request) =>
  request.headers.get('authorization') === `Bearer ${valid}`
    ? new Response(JSON.stringify({ name: 'ok' }))
    : new Response(JSON.stringify({ message: 'token expired' }), { status: 401 });

test('concurrent calls that hit 401 share one refresh, then all succeed', async () => {
  const client = new RefreshingClient(server('fresh'));
  const results = await Promise.all(Array.from({ length: 10 }, () => client.me()));
  expect(results).toEqual(Array(10).fill({ name: 'ok' }));
  expect(client.refreshes).toBe(1);
});

test('when the refresh does not help, the original 401 is thrown, and only once retried', async () => {
  const client = new RefreshingClient(server('never'));
  await expect(client.me()).rejects.toBeInstanceOf(AuthenticationError);
  expect(client.refreshes).toBe(1);
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
