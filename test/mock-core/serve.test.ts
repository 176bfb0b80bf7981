import { request as httpRequest, type RequestOptions } from 'node:http';
import { afterAll, expect, test } from 'vitest';
import { createEngine } from '../../mocks/core/engine.js';
import { serve } from '../../mocks/node/index.js';
import { json, loginAs, newApiServer, serverErrors } from './support.js';
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

test('serve: close() stops the server', async () => {
  const running = await serve(await newApiServer());
  await running.close();
  await expect(fetch(`${running.url}/api/user/groups`)).rejects.toThrow();
});

/** A request over node:http, which (unlike fetch) sends whatever `Host` and request target it is given. */
function send(url: string, options: RequestOptions = {}, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, options, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(text));
    });
    req.once('error', reject).end(body);
  });
}

test('serve: the reset mail and the pay form link to the listening address, whatever Host the client sends', async () => {
  const server = await newApiServer();
  const running = await serve(server);
  try {
    const user = server.state.users.find((u) => u.username !== 'root' && u.email !== '')!;
    await send(`${running.url}/api/reset_password?email=${encodeURIComponent(user.email)}`, { headers: { host: 'attacker.example' } });
    const mail = server.state.outbox.at(-1)!;
    expect(mail.to).toBe(user.email);
    expect(mail.body).toContain(`<a href='${running.url}/user/reset?email=`);
    expect(mail.body).not.toContain('attacker.example');

    const headers = await loginAs(server, 'root', '123456');
    const body = JSON.stringify({ amount: 10, payment_method: 'alipay' });
    const init = { method: 'POST', headers: { ...headers, 'content-type': 'application/json', host: 'attacker.example:4010' } };
    const pay = JSON.parse(await send(`${running.url}/api/user/pay`, init, body));
    expect(pay).toMatchObject({ message: 'success', url: `${running.url}/__mock/epay/submit.php` });
    expect(pay.data.notify_url).toBe(`${running.url}/api/user/epay/notify`);
    expect(pay.data.return_url).toBe(`${running.url}/console/log`);
  } finally {
    await running.close();
  }
});

test('serve: a configured ServerAddress wins over the listening address for links', async () => {
  const server = await newApiServer({ settings: { ServerAddress: 'https://console.example' } });
  const running = await serve(server);
  try {
    const user = server.state.users.find((u) => u.username !== 'root' && u.email !== '')!;
    await send(`${running.url}/api/reset_password?email=${encodeURIComponent(user.email)}`, { headers: { host: 'attacker.example' } });
    expect(server.state.outbox.at(-1)!.body).toContain("<a href='https://console.example/user/reset?email=");
  } finally {
    await running.close();
  }
});

test('serve: an absolute-form request target routes on its path, not on the host it names', async () => {
  const server = await newApiServer();
  const running = await serve(server);
  try {
    const user = server.state.users.find((u) => u.username !== 'root' && u.email !== '')!;
    const answer = await send(running.url, { path: `http://attacker.example/api/reset_password?email=${encodeURIComponent(user.email)}` });
    expect(JSON.parse(answer)).toMatchObject({ success: true });
    expect(server.state.outbox.at(-1)!.body).toContain(`${running.url}/user/reset?email=`);
  } finally {
    await running.close();
  }
});
