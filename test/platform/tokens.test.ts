import { expect, test, vi } from 'vitest';
import { AbortError, AuthenticationError, PermissionDeniedError, ServerError } from '../../src/index.js';
import { PlatformClient, type PlatformClientOptions, type TokenPair } from '../../src/platform/index.js';
import { createPlatformFake } from '../support/platform-fake.js';

// Token keeping and single-flight refresh against an injected fake that can expire tokens on demand
// and slow its refresh down, so concurrent callers really overlap.

async function loggedIn(options: Partial<PlatformClientOptions> = {}) {
  const fake = createPlatformFake();
  const client = new PlatformClient({ baseURL: 'http://platform.test', fetch: (r) => fake.fetch(r), ...options });
  await client.auth.login({ email: 'user@example.com', password: fake.password, captcha_token: 'captcha_x' });
  return { fake, client };
}

const refreshes = (fake: ReturnType<typeof createPlatformFake>) => fake.seen.filter((r) => r.path === '/api/v1/auth/refresh');

test('login keeps the pair, sends the access token as a bearer, and tells onTokens (without the user)', async () => {
  const onTokens = vi.fn();
  const { fake, client } = await loggedIn({ onTokens });
  const me = (await client.users.me.retrieve()) as unknown as { token: string };
  expect(me.token).toBe(client.tokens?.access_token);
  expect(fake.seen.at(-1)!.authorization).toBe(`Bearer ${client.tokens?.access_token}`);
  expect(onTokens).toHaveBeenCalledOnce();
  expect(onTokens.mock.calls[0]![0]).toEqual(client.tokens);
  expect(onTokens.mock.calls[0]![0]).not.toHaveProperty('user');
});

test('tokens given at construction are sent from the first call', async () => {
  const fake = createPlatformFake();
  const pair = fake.issue();
  const client = new PlatformClient({ baseURL: 'http://platform.test', fetch: (r) => fake.fetch(r), tokens: pair });
  await client.users.me.retrieve();
  expect(fake.seen[0]!.authorization).toBe(`Bearer ${pair.access_token}`);
});

test('an expired access token (40102) is refreshed once and the call goes again with the new one', async () => {
  const onTokens = vi.fn();
  const { fake, client } = await loggedIn({ onTokens });
  const old = client.tokens!;
  fake.expireAccessTokens();
  await client.users.me.retrieve();
  expect(refreshes(fake)).toHaveLength(1);
  expect(JSON.parse(refreshes(fake)[0]!.body)).toEqual({ refresh_token: old.refresh_token });
  expect(client.tokens!.access_token).not.toBe(old.access_token);
  expect(fake.seen.at(-1)!.authorization).toBe(`Bearer ${client.tokens!.access_token}`);
  expect((onTokens.mock.calls.at(-1)![0] as TokenPair).refresh_token).toBe(client.tokens!.refresh_token);
});

test('concurrent calls that all hit 401 share one refresh, then all succeed', async () => {
  const { fake, client } = await loggedIn();
  fake.expireAccessTokens();
  const results = await Promise.all(Array.from({ length: 10 }, () => client.users.me.retrieve()));
  expect(results).toHaveLength(10);
  expect(refreshes(fake)).toHaveLength(1);
});

test('a manual auth.refresh() during an automatic one shares it: the refresh token is never sent twice', async () => {
  const { fake, client } = await loggedIn();
  fake.expireAccessTokens();
  const [, manual] = await Promise.all([client.users.me.retrieve(), client.auth.refresh()]);
  expect(refreshes(fake)).toHaveLength(1);
  expect(manual.access_token).toBe(client.tokens!.access_token);
});

test('aborting one auth.refresh({ signal }) does not cancel the refresh an automatic renewal shares: only the aborted one fails', async () => {
  const fake = createPlatformFake();
  fake.refreshDelay = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const fetch = async (request: Request) => {
    if (new URL(request.url).pathname.endsWith('/auth/refresh')) await held;
    return fake.fetch(request);
  };
  const client = new PlatformClient({ baseURL: 'http://platform.test', fetch, maxRetries: 0 });
  await client.auth.login({ email: 'user@example.com', password: fake.password, captcha_token: 'captcha_x' });
  const joins = vi.spyOn(client.session, 'refresh');
  const aborted = new AbortController();
  const manual = client.auth.refresh({ signal: aborted.signal });
  fake.expireAccessTokens();
  const automatic = client.users.me.retrieve();
  // The retrieve's 401 has joined the refresh the manual call started.
  await vi.waitFor(() => expect(joins).toHaveBeenCalledTimes(2));
  aborted.abort();
  await expect(manual).rejects.toBeInstanceOf(AbortError);
  release();
  await expect(automatic).resolves.toBeDefined();
  expect(refreshes(fake)).toHaveLength(1);
  expect(fake.seen.at(-1)!.authorization).toBe(`Bearer ${client.tokens!.access_token}`);
});

test('a call that failed with a token another call already replaced goes again without a second refresh', async () => {
  const { fake, client } = await loggedIn();
  fake.expireAccessTokens();
  await client.users.me.retrieve();
  fake.expireAccessTokens();
  client.setTokens({ ...client.tokens!, access_token: fake.issue().access_token });
  await client.users.me.retrieve();
  expect(refreshes(fake)).toHaveLength(1);
});

test('a refresh is never retried, even on a 503 and with retries on: the original 401 is thrown', async () => {
  const { fake, client } = await loggedIn({ maxRetries: 2, retry: { baseDelay: 1, maxDelay: 1 } });
  fake.expireAccessTokens();
  fake.refreshFailure = 503;
  const err = await client.users.me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.code).toBe(40102);
  expect(refreshes(fake)).toHaveLength(1);
  await expect(client.auth.refresh()).rejects.toBeInstanceOf(ServerError);
  expect(refreshes(fake)).toHaveLength(2);
});

test('a refused refresh token (40103) drops the tokens, tells onTokens, and throws AuthenticationError', async () => {
  const onTokens = vi.fn();
  const { fake, client } = await loggedIn({ onTokens });
  fake.revokeAccessTokens();
  client.setTokens({ ...client.tokens!, refresh_token: 'rt_reused' });
  const err = await client.users.me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.code).toBe(40101);
  expect(client.tokens).toBeUndefined();
  expect(onTokens).toHaveBeenLastCalledWith(undefined);
  expect(refreshes(fake)).toHaveLength(1);
});

test('no refresh for a failed login (40104) nor for a forbidden call (403)', async () => {
  const { fake, client } = await loggedIn();
  await expect(client.auth.login({ email: 'user@example.com', password: 'wrong-Passw0rd', captcha_token: 'c' })).rejects.toMatchObject({ code: 40104 });
  const forbidden = new PlatformClient({
    baseURL: 'http://platform.test',
    tokens: { access_token: 'at_x', refresh_token: 'rt_x' },
    fetch: async () => new Response('{"code":40302,"message":"This account is frozen.","data":null}', { status: 403 }),
  });
  await expect(forbidden.users.me.retrieve()).rejects.toBeInstanceOf(PermissionDeniedError);
  expect(forbidden.tokens).toEqual({ access_token: 'at_x', refresh_token: 'rt_x' });
  expect(refreshes(fake)).toHaveLength(0);
});

test('without a refresh token a 401 is thrown as it is', async () => {
  const fake = createPlatformFake();
  const client = new PlatformClient({ baseURL: 'http://platform.test', fetch: (r) => fake.fetch(r), tokens: { access_token: 'at_unknown' } });
  await expect(client.users.me.retrieve()).rejects.toMatchObject({ status: 401, code: 40101 });
  expect(refreshes(fake)).toHaveLength(0);
});

test('logout revokes on the server, forgets the tokens here, and tells onTokens', async () => {
  const onTokens = vi.fn();
  const { fake, client } = await loggedIn({ onTokens });
  await client.auth.logout();
  expect(fake.seen.at(-1)!.path).toBe('/api/v1/auth/logout');
  expect(client.tokens).toBeUndefined();
  expect(onTokens).toHaveBeenLastCalledWith(undefined);
  expect(fake.seen.at(-1)!.authorization).toMatch(/^Bearer at_/);
});

test('logout forgets the tokens even when the server call fails', async () => {
  const { fake, client } = await loggedIn();
  fake.revokeAccessTokens();
  fake.refreshFailure = 503;
  await expect(client.auth.logout()).rejects.toBeInstanceOf(AuthenticationError);
  expect(client.tokens).toBeUndefined();
});
