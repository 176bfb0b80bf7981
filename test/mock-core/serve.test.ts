import { createServer, type RequestOptions } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, expect, test } from 'vitest';
import { createEngine } from '../../mocks/core/engine.js';
import { BODY_LIMIT_BYTES } from '../../mocks/core/body.js';
import { DEFAULT_CLIENT_LIMITS, isLoopback, serve } from '../../mocks/node/index.js';
import { addUsers, json, loginAs, newApiServer, sendRaw, serverErrors } from './support.js';
import { tinyDialect } from './tiny-dialect.js';

afterAll(() => expect(serverErrors.splice(0)).toEqual([]));

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

/** The body of a {@link sendRaw} answer. */
const send = async (url: string, options: RequestOptions = {}, body?: string) => (await sendRaw(url, options, body)).text;

test('serve: the reset mail and the pay form link to the listening address, whatever Host the client sends', async () => {
  const server = await newApiServer();
  // The Host guard off, as beyond loopback: it must not be what keeps a foreign Host out of the links.
  const running = await serve(server, { allowedHosts: 'all' });
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

const tiny = () => {
  const engine = createEngine(tinyDialect);
  return { fetch: (request: Request) => engine.handle(request) };
};

/** A raw TCP client to the server's port on 127.0.0.1 (the only address tests may connect to), which records what it receives. */
function rawClient(url: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk)).on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, received: () => received, closed })).once('error', reject);
  });
}

test('isLoopback: localhost, 127.0.0.0/8 and every spelling of ::1 are loopback; 0.0.0.0, :: and other hosts are not', () => {
  for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.200.0.9', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) expect(isLoopback(host), host).toBe(true);
  for (const host of ['0.0.0.0', '::', '10.0.0.2', '192.168.1.5', '::ffff:10.0.0.1', 'sandbox.example', '128.0.0.1']) expect(isLoopback(host), host).toBe(false);
});

test('serve: on loopback Node\'s defaults stay, limits given or not', async () => {
  const node = createServer();
  const running = await serve(tiny(), { host: '127.0.0.1', limits: { headersTimeout: 5, requestTimeout: 5, maxConnections: 1 } });
  try {
    expect(running.limits).toBeUndefined();
    const { headersTimeout, requestTimeout, keepAliveTimeout, maxConnections } = running.http;
    expect({ headersTimeout, requestTimeout, keepAliveTimeout, maxConnections }).toEqual({
      headersTimeout: node.headersTimeout,
      requestTimeout: node.requestTimeout,
      keepAliveTimeout: node.keepAliveTimeout,
      maxConnections: node.maxConnections,
    });
  } finally {
    await running.close();
  }
});

test('serve: a configured ServerAddress wins over the listening address for links', async () => {
  const server = await newApiServer({ settings: { ServerAddress: 'https://console.example' } });
  const running = await serve(server, { allowedHosts: 'all' });
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

test('serve: beyond loopback the documented timeouts and connection cap apply, each overridable', async () => {
  const exposed = await serve(tiny(), { host: '0.0.0.0' });
  const tuned = await serve(tiny(), { host: '0.0.0.0', limits: { maxConnections: 8, requestTimeout: 60_000 } });
  try {
    expect(DEFAULT_CLIENT_LIMITS).toEqual({ headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, maxConnections: 256 });
    for (const [running, limits] of [[exposed, DEFAULT_CLIENT_LIMITS], [tuned, { ...DEFAULT_CLIENT_LIMITS, maxConnections: 8, requestTimeout: 60_000 }]] as const) {
      expect(running.limits).toEqual(limits);
      const { headersTimeout, requestTimeout, keepAliveTimeout, maxConnections } = running.http;
      expect({ headersTimeout, requestTimeout, keepAliveTimeout, maxConnections }).toEqual(limits);
    }
  } finally {
    await Promise.all([exposed.close(), tuned.close()]);
  }
});

test('serve: a limit that is not a positive integer, or a header timeout past the request timeout, is refused naming it', async () => {
  await expect(serve(tiny(), { host: '0.0.0.0', limits: { maxConnections: 0 } })).rejects.toThrow('`maxConnections` must be a positive integer, not 0.');
  await expect(serve(tiny(), { limits: { keepAliveTimeout: 1.5 } })).rejects.toThrow('`keepAliveTimeout` must be a positive integer');
  await expect(serve(tiny(), { host: '0.0.0.0', limits: { headersTimeout: 2_000, requestTimeout: 1_000 } })).rejects.toThrow(
    '`headersTimeout` (2000) must not exceed `requestTimeout` (1000).',
  );
});

test('serve: beyond loopback a client that stalls in its headers, or in its body, is answered 408 and closed', async () => {
  const running = await serve(tiny(), { host: '0.0.0.0', limits: { headersTimeout: 50, requestTimeout: 100 } });
  try {
    const headers = await rawClient(running.url);
    headers.socket.write('GET /counter HTTP/1.1\r\nHost: sandbox\r\n');
    const body = await rawClient(running.url);
    body.socket.write('POST /echo HTTP/1.1\r\nHost: sandbox\r\nContent-Length: 10\r\n\r\n12345');
    // The server's own timeouts end both: nothing here waits on a clock.
    await Promise.all([headers.closed, body.closed]);
    expect(headers.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(body.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  } finally {
    await running.close();
  }
}, 20_000);

test('serve: beyond loopback a connection over the cap is closed unanswered; those within it are served', async () => {
  const running = await serve(tiny(), { host: '0.0.0.0', limits: { maxConnections: 2 } });
  const clients: Socket[] = [];
  try {
    const counted = new Promise<void>((resolve) => {
      let seen = 0;
      running.http.on('connection', () => ++seen === 2 && resolve());
    });
    const within = [await rawClient(running.url), await rawClient(running.url)];
    clients.push(...within.map((c) => c.socket));
    await counted;
    const dropped = new Promise<void>((resolve) => running.http.once('drop', () => resolve()));
    const over = await rawClient(running.url);
    clients.push(over.socket);
    await Promise.all([dropped, over.closed]);
    expect(over.received()).toBe('');
    within[0]!.socket.write('GET /counter HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\n\r\n');
    await within[0]!.closed;
    expect(within[0]!.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  } finally {
    for (const socket of clients) socket.destroy();
    await running.close();
  }
}, 20_000);

test('serve: on loopback a request naming another Host is refused 403 with the flag to allow it, before any route runs', async () => {
  const server = await newApiServer();
  const running = await serve(server);
  try {
    expect(running.allowedHosts).toEqual([]);
    const users = server.state.users.length;
    for (const [path, method] of [['/__mock/state', 'GET'], ['/__mock/accounts', 'GET'], ['/__mock/', 'GET'], ['/api/user/register', 'POST'], ['/__mock/reset', 'POST']] as const) {
      const body = method === 'POST' ? JSON.stringify({ username: 'rebound', password: 'password123' }) : undefined;
      const answer = await sendRaw(`${running.url}${path}`, { method, headers: { host: `evil.example:${new URL(running.url).port}`, 'content-type': 'application/json' } }, body);
      expect(answer.status, path).toBe(403);
      expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(answer.text).toBe(
        'Failed to serve the request: the host "evil.example" is not allowed (a guard against DNS rebinding). Please open the sandbox as localhost or 127.0.0.1, or start it with --allowed-hosts evil.example (allowedHosts of serve()).\n',
      );
    }
    expect(server.state.users.length).toBe(users);
    expect(server.requests).toEqual([]);
  } finally {
    await running.close();
  }
});

test('serve: localhost, *.localhost, 127.0.0.0/8 and [::1], with a port or without, pass the Host guard', async () => {
  const running = await serve(tiny());
  try {
    for (const host of ['localhost', 'LOCALHOST:4010', 'localhost.:1', 'app.localhost:5173', '127.0.0.1', '127.8.9.10:80', '[::1]:4010', '[::1]', `127.0.0.1:${new URL(running.url).port}`]) {
      expect((await sendRaw(`${running.url}/counter`, { headers: { host } })).status, host).toBe(200);
    }
    for (const host of ['evil.example', 'localhost.evil.example', 'evil-localhost', '10.0.0.1', '[::2]:4010', '127.0.0.1.nip.io', 'localhost:80:80']) {
      expect((await sendRaw(`${running.url}/counter`, { headers: { host } })).status, host).toBe(403);
    }
  } finally {
    await running.close();
  }
});

test('serve: allowedHosts adds names, a leading dot a name and its subdomains, and all turns the guard off', async () => {
  const listed = await serve(tiny(), { allowedHosts: ['Sandbox.Test', '.dev.test', '10.0.0.7'] });
  const open = await serve(tiny(), { allowedHosts: 'all' });
  try {
    expect(listed.allowedHosts).toEqual(['sandbox.test', '.dev.test', '10.0.0.7', '127.0.0.1']);
    const status = async (running: typeof listed, host: string) => (await sendRaw(`${running.url}/counter`, { headers: { host } })).status;
    for (const host of ['sandbox.test:4010', 'dev.test', 'a.b.dev.test', '10.0.0.7:80', 'localhost']) expect(await status(listed, host), host).toBe(200);
    for (const host of ['other.sandbox.test', 'evildev.test', 'evil.example']) expect(await status(listed, host), host).toBe(403);
    expect(open.allowedHosts).toBe('all');
    expect(await status(open, 'evil.example')).toBe(200);
  } finally {
    await Promise.all([listed.close(), open.close()]);
  }
});

test('serve: beyond loopback any Host is answered, unless allowedHosts names the ones to answer', async () => {
  const exposed = await serve(tiny(), { host: '0.0.0.0' });
  const guarded = await serve(tiny(), { host: '0.0.0.0', allowedHosts: ['sandbox.lan'] });
  try {
    expect(exposed.allowedHosts).toBe('all');
    // Tests connect to 127.0.0.1 only; the Host header is what the guard reads.
    const at = (running: typeof exposed) => running.url.replace('0.0.0.0', '127.0.0.1');
    expect((await sendRaw(`${at(exposed)}/counter`, { headers: { host: 'evil.example' } })).status).toBe(200);
    expect(guarded.allowedHosts).toEqual(['sandbox.lan']);
    expect((await sendRaw(`${at(guarded)}/counter`, { headers: { host: 'sandbox.lan:4010' } })).status).toBe(200);
    expect((await sendRaw(`${at(guarded)}/counter`, { headers: { host: 'evil.example' } })).status).toBe(403);
  } finally {
    await Promise.all([exposed.close(), guarded.close()]);
  }
});

test('serve: the refusal repeats a Host only as a plain name; an allowedHosts entry with a port or a scheme is refused', async () => {
  const running = await serve(tiny());
  try {
    for (const host of ['<b>evil</b>.example', `${'a'.repeat(120)}.example`, '[evil']) {
      const { status, text } = await sendRaw(`${running.url}/counter`, { headers: { host } });
      expect(status, host).toBe(403);
      expect(text, host).toContain('Failed to serve the request: the host this request names is not allowed');
      expect(text, host).toContain('--allowed-hosts <name>');
    }
  } finally {
    await running.close();
  }
  await expect(serve(tiny(), { allowedHosts: ['sandbox.test:4010'] })).rejects.toThrow(
    new RangeError('Failed to serve: `allowedHosts` entry "sandbox.test:4010" is not a host name or IP address (no port, no scheme).'),
  );
  await expect(serve(tiny(), { allowedHosts: ['http://sandbox.test'] })).rejects.toThrow('entry "http://sandbox.test" is not a host name');
  await expect(serve(tiny(), { allowedHosts: [''] })).rejects.toThrow('entry "" is not a host name');
});
