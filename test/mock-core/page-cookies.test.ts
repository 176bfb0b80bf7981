import { expect, onTestFinished, test, vi } from 'vitest';
import { appendSetCookie, cookieHeadersForbidden, setCookiesOf } from '../../mocks/core/cookies.js';
import { createEngine } from '../../mocks/core/engine.js';
import { createPageCookies, keptSetCookies } from '../../mocks/core/page-cookies.js';
import { newApiDialect } from '../../mocks/newapi/dialect.js';
import { SESSION_MAX_AGE_SECONDS } from '../../mocks/newapi/session.js';

const NOT_LOGGED_IN = 'Unauthorized, not logged in and no access token provided';

/** A new-api engine reached the way `server.fetch` reaches it in a page: requests without a Cookie header. */
async function page() {
  // Frozen: the cookie's expiry is asserted to the millisecond.
  const engine = createEngine(newApiDialect, { seed: 1, clock: { frozen: true } });
  await engine.ready;
  const cookies = createPageCookies(() => engine.clock.now());
  const send = async (url: string, init: RequestInit = {}) => {
    const request = new Request(url, { credentials: 'include', ...init, headers: { 'New-Api-User': '1', ...init.headers } });
    const response = await engine.handle(request, { cookie: cookies.cookieFor(request) });
    cookies.store(request, response);
    return (await response.json()) as { success: boolean; message: string };
  };
  const login = (init: RequestInit = {}, origin = 'http://localhost') =>
    send(`${origin}/api/user/login`, { method: 'POST', body: JSON.stringify({ username: 'root', password: '123456' }), ...init });
  return { engine, cookies, send, login };
}

test('page cookies: Node keeps Cookie headers, so server.fetch there leaves cookies to the client', () => {
  expect(cookieHeadersForbidden()).toBe(false);
});

test('page cookies: the session a login sets is sent back on the next request, and logout ends it', async () => {
  const { send, login } = await page();
  expect((await login()).success).toBe(true);
  expect(await send('http://localhost/api/user/self')).toMatchObject({ success: true });
  await send('http://localhost/api/user/logout');
  expect(await send('http://localhost/api/user/self')).toMatchObject({ success: false, message: NOT_LOGGED_IN });
});

test('page cookies: credentials omit neither takes nor sends the cookie', async () => {
  const { send, login } = await page();
  await login({ credentials: 'omit' });
  expect(await send('http://localhost/api/user/self')).toMatchObject({ message: NOT_LOGGED_IN });
  await login();
  expect(await send('http://localhost/api/user/self', { credentials: 'omit' })).toMatchObject({ message: NOT_LOGGED_IN });
});

test('page cookies: a cookie of one origin is not sent to another', async () => {
  const { send, login } = await page();
  await login({}, 'http://gateway.test');
  expect(await send('http://gateway.test/api/user/self')).toMatchObject({ success: true });
  expect(await send('http://localhost/api/user/self')).toMatchObject({ message: NOT_LOGGED_IN });
});

test('page cookies: the cookie expires by the server clock, with the session it names', async () => {
  const { engine, cookies, login } = await page();
  await login();
  const next = new Request('http://localhost/api/user/self', { credentials: 'include' });
  engine.clock.advance(SESSION_MAX_AGE_SECONDS * 1000 - 1);
  expect(cookies.cookieFor(next)).toMatch(/^session=/);
  engine.clock.advance(1);
  expect(cookies.cookieFor(next)).toBeUndefined();
});

test('page cookies: a Cookie header the request carries wins over the one handed beside it', async () => {
  const { engine } = await page();
  const loggedIn = await engine.handle(new Request('http://localhost/api/user/login', { method: 'POST', body: JSON.stringify({ username: 'root', password: '123456' }) }));
  const cookie = setCookiesOf(loggedIn)[0]!.split(';')[0]!;
  const self = await engine.handle(new Request('http://localhost/api/user/self', { headers: { cookie, 'New-Api-User': '1' } }), { cookie: 'session=stale' });
  expect(await self.json()).toMatchObject({ success: true });
});

test('page cookies: a Set-Cookie the runtime drops from the response headers is still read beside the response', () => {
  const response = appendSetCookie(new Response('{}'), 'session=abc; Path=/; HttpOnly');
  // What a page's Response does to Set-Cookie, silently.
  response.headers.delete('set-cookie');
  expect(setCookiesOf(response)).toEqual(['session=abc; Path=/; HttpOnly']);
  expect(setCookiesOf(new Response('{}', { headers: { 'set-cookie': 'a=1' } }))).toEqual(['a=1']);
});

test('page cookies: from another site a page keeps only SameSite=None; Secure cookies, the site being scheme and registrable domain, never the port', () => {
  vi.stubGlobal('location', new URL('http://app.example.com:5173/console'));
  onTestFinished(() => {
    vi.unstubAllGlobals();
  });
  const lines = ['session=a; Path=/; HttpOnly; SameSite=Strict', 'lax=b', 'none=c; SameSite=None; Secure', 'insecure=d; SameSite=None'];
  const kept = (url: string) => keptSetCookies(new Request(url), lines);
  expect(kept('http://api.example.com:3000/api/user/login')).toEqual(lines);
  expect(kept('http://gateway.test/api/user/login')).toEqual(['none=c; SameSite=None; Secure']);
  expect(kept('https://app.example.com/api/user/login')).toEqual(['none=c; SameSite=None; Secure']);
  vi.stubGlobal('location', new URL('http://localhost:5173/'));
  expect(kept('http://localhost:3000/api/user/login')).toEqual(lines);
  expect(kept('http://127.0.0.1:3000/api/user/login')).toEqual(['none=c; SameSite=None; Secure']);
});
