import { afterEach, expect, test, vi } from 'vitest';
import { cookieSession, staticBearer, tokenSession } from '../../src/core/index.js';
import { ServerError } from '../../src/index.js';
import { NewApiClient } from '../../src/newapi/index.js';
import { PlatformClient } from '../../src/platform/index.js';
import { fakeFetch, json } from './fake-fetch.js';
import { BareClient } from './fixtures/bare-client.js';

const globals = globalThis as { document?: unknown };
afterEach(() => {
  delete globals.document;
});
/** What the SDK takes for a browser: a `document` exists. */
const inBrowser = () => (globals.document = {});

interface Pair {
  access_token: string;
  refresh_token: string;
}
const bearerSession = (onTokens?: (tokens: Pair | undefined) => void) =>
  tokenSession<Pair>({
    onTokens,
    issuedBy: { 'POST /api/login': (data) => data as Pair },
    endedBy: ['POST /api/logout'],
    refresh: () => Promise.reject(new Error('no refresh in this test')),
    refused: () => false,
    needsRenewal: () => false,
  });

test('in a browser, a staticBearer client sends its token and makes no credentialed CORS request', async () => {
  inBrowser();
  const { fetch, requests } = fakeFetch(json([]));
  await new BareClient({ baseURL: 'http://gw.test', fetch }, staticBearer('tok_1')).page('/api/users', {});
  expect(requests[0]!.headers.get('authorization')).toBe('Bearer tok_1');
  expect(requests[0]!.credentials).not.toBe('include');
});

test('in a browser, a tokenSession client (platform) makes no credentialed CORS request', async () => {
  inBrowser();
  const { fetch, requests } = fakeFetch(json({ code: 0, message: 'ok', data: { user_id: 'u_1' } }));
  await new PlatformClient({ baseURL: 'http://gw.test', fetch, tokens: { access_token: 'at_x' } }).users.me.retrieve();
  expect(requests[0]!.headers.get('authorization')).toBe('Bearer at_x');
  expect(requests[0]!.credentials).not.toBe('include');
});

test('in a browser, a cookieSession client (new-api) sends credentials: include, so the browser sends its cookie', async () => {
  inBrowser();
  const { fetch, requests } = fakeFetch(json({ success: true, message: '', data: {} }));
  await new NewApiClient({ baseURL: 'http://gw.test', fetch }).groups.list();
  expect(requests[0]!.credentials).toBe('include');
});

test('outside browsers only a cookie-session client keeps a jar: a bearer client never sends back a Set-Cookie', async () => {
  const cookie = { 'set-cookie': 'session=s1; Path=/' };
  const bearer = fakeFetch(json([], { headers: cookie }));
  const client = new BareClient({ baseURL: 'http://gw.test', fetch: bearer.fetch }, staticBearer('tok_1'));
  await client.page('/api/users', {});
  await client.page('/api/users', {});
  expect(bearer.requests[1]!.headers.get('cookie')).toBeNull();
  const session = fakeFetch(json({ success: true, message: '', data: {} }, { headers: cookie }));
  const newapi = new NewApiClient({ baseURL: 'http://gw.test', fetch: session.fetch });
  await newapi.groups.list();
  await newapi.groups.list();
  expect(session.requests[1]!.headers.get('cookie')).toBe('session=s1');
});

test('cookieSession: login keeps the user id for New-Api-User, logout drops it and the cookie, an access token stays', async () => {
  const { fetch, requests } = fakeFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/user/login') return json({ success: true, message: '', data: { id: 7, username: 'alice' } }, { headers: { 'set-cookie': 'session=s7; Path=/' } });
    return json({ success: true, message: '', data: 'x' });
  });
  const client = new NewApiClient({ baseURL: 'http://gw.test', fetch });
  await client.auth.login({ username: 'alice', password: 'pw-123456' });
  client.session.set({ accessToken: 'sys_token' });
  await client.affiliate.retrieve();
  expect(requests[1]!.headers.get('new-api-user')).toBe('7');
  expect(requests[1]!.headers.get('cookie')).toBe('session=s7');
  await client.auth.logout();
  await client.affiliate.retrieve();
  expect(requests[3]!.headers.get('new-api-user')).toBeNull();
  expect(requests[3]!.headers.get('cookie')).toBeNull();
  expect(requests[3]!.headers.get('authorization')).toBe('Bearer sys_token');
  expect(client.userId).toBeUndefined();
});

test('tokenSession keeps the tokens a login route issues, tells onTokens, and forgets them at logout even when it fails', async () => {
  const heard: Array<Pair | undefined> = [];
  const { fetch, requests } = fakeFetch(json({ access_token: 'at_1', refresh_token: 'rt_1' }), json({ detail: 'down' }, { status: 503 }));
  const client = new BareClient({ baseURL: 'http://gw.test', fetch, maxRetries: 0 }, bearerSession((tokens) => void heard.push(tokens)));
  await client.request('post', '/api/login', { body: { email: 'a@b.c', password: 'pw' } });
  await expect(client.request('post', '/api/logout', {})).rejects.toBeInstanceOf(ServerError);
  expect(requests[1]!.headers.get('authorization')).toBe('Bearer at_1');
  expect(heard).toEqual([{ access_token: 'at_1', refresh_token: 'rt_1' }, undefined]);
});

test('cookieSession builds its identity headers once per change of identity, not on every attempt', () => {
  const headers = vi.fn((s: { userId?: number }) => ({ 'New-Api-User': s.userId?.toString() }));
  const session = cookieSession({ state: { userId: 1 } as { userId?: number }, headers });
  const sentBy = () => {
    const sent = new Headers();
    session.authorize(sent);
    return sent.get('new-api-user');
  };
  expect([sentBy(), sentBy(), sentBy()]).toEqual(['1', '1', '1']);
  expect(headers).toHaveBeenCalledTimes(1);
  session.set({ userId: 2 });
  expect([sentBy(), sentBy()]).toEqual(['2', '2']);
  session.set({ userId: undefined });
  expect(sentBy()).toBeNull();
  expect(headers).toHaveBeenCalledTimes(3);
});
