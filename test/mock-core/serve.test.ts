import { afterAll, expect, test } from 'vitest';
import { createEngine } from '../../mocks/core/engine.js';
import { serve } from '../../mocks/node/index.js';
import { BODY_LIMIT_BYTES } from '../../mocks/core/body.js';
import { addUsers, json, newApiServer, serverErrors } from './support.js';
import { tinyDialect } from './tiny-dialect.js';

afterAll(() => expect(serverErrors).toEqual([]));

test('serve: register, log in and read self over a real port with the cookie and New-Api-User', async () => {
  const running = await serve(await newApiServer(), { port: 0 });
  try {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const register = await fetch(`${running.url}/api/user/register`, json('POST', { username: 'httpuser', password: 'password123' }));
    expect(await register.json()).toEqual({ success: true, message: '' });
    const login = await fetch(`${running.url}/api/user/login`, json('POST', { username: 'httpuser', password: 'password123' }));
    const [cookie] = login.headers.getSetCookie();
    expect(cookie).toMatch(/^session=[\w-]+; Path=\/; Expires=[^;]+; Max-Age=2592000; HttpOnly; SameSite=Strict$/);
    const { data } = await login.json();
    const self = await fetch(`${running.url}/api/user/self`, { headers: { cookie: cookie!.split(';')[0]!, 'New-Api-User': String(data.id) } });
    expect(self.headers.get('auth-version')).toBe('864b7076dbcd0a3c01b5520316720ebf');
    expect((await self.json()).data.username).toBe('httpuser');
  } finally {
    await running.close();
  }
});

test('serve: several Set-Cookie headers reach the client separately', async () => {
  const engine = createEngine(tinyDialect);
  const running = await serve({ fetch: (request) => engine.handle(request) });
  try {
    const response = await fetch(`${running.url}/cookies`);
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT']);
  } finally {
    await running.close();
  }
});

test('serve: unknown routes are a 404 in the dialect shape', async () => {
  const running = await serve(await newApiServer());
  try {
    const response = await fetch(`${running.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { message: 'Invalid URL (GET /api/nothing-here)', type: 'invalid_request_error', param: '', code: '' } });
  } finally {
    await running.close();
  }
});

test('serve: an oversized body is a 413 and the connection serves the next request', async () => {
  const running = await serve(await newApiServer());
  try {
    const big = JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' });
    const response = await fetch(`${running.url}/api/user/login`, { method: 'POST', body: big });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ success: false, message: 'Request body too large' });
    expect((await fetch(`${running.url}/api/user/groups`)).status).toBe(200);
  } finally {
    await running.close();
  }
});

// Heavy (about 10 MB each way): a generous ceiling, not a timing assertion.
test('serve: a 10,000-user state exported over HTTP imports back byte for byte', async () => {
  const server = await newApiServer();
  addUsers(server, 10_000);
  const running = await serve(server);
  try {
    const exported = await (await fetch(`${running.url}/__mock/state`)).text();
    expect(exported.length).toBeGreaterThan(BODY_LIMIT_BYTES);
    await fetch(`${running.url}/__mock/reset`, { method: 'POST' });
    const response = await fetch(`${running.url}/__mock/state`, { method: 'PUT', body: exported });
    expect(await response.json()).toEqual({ ok: true });
    expect(await (await fetch(`${running.url}/__mock/state`)).text()).toBe(exported);
  } finally {
    await running.close();
  }
}, 60_000);

test('serve: close() stops the server', async () => {
  const running = await serve(await newApiServer());
  await running.close();
  await expect(fetch(`${running.url}/api/user/groups`)).rejects.toThrow();
});
