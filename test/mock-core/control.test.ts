import { constants } from 'node:buffer';
import { afterAll, expect, test, vi } from 'vitest';
import { createReferenceServer } from '../../mocks/index.js';
import { BODY_LIMIT_BYTES, MAX_EXPORT_CHARS, STATE_IMPORT_LIMIT_BYTES } from '../../mocks/core/body.js';
import { addUsers, json, loginAs, newApiServer, serverErrors } from './support.js';

afterAll(() => expect(serverErrors.splice(0)).toEqual([]));

test('control: POST /__mock/reset restores the seeded users', async () => {
  const server = await newApiServer();
  await server.fetch('/api/user/register', json('POST', { username: 'temp', password: 'password123' }));
  expect(await (await server.fetch('/__mock/reset', { method: 'POST' })).json()).toEqual({ ok: true });
  expect(server.state.users.some((u) => u.username === 'temp')).toBe(false);
});

test('control: the exported state imports back into another server', async () => {
  const a = await newApiServer({ seed: 1 });
  await a.fetch('/api/user/register', json('POST', { username: 'carried', password: 'password123' }));
  const state = await (await a.fetch('/__mock/state')).json();
  const b = await newApiServer({ seed: 2 });
  const response = await b.fetch('/__mock/state', json('PUT', state));
  expect(await response.json()).toEqual({ ok: true });
  expect(await (await b.fetch('/__mock/state')).json()).toEqual(state);
  const login = await b.fetch('/api/user/login', json('POST', { username: 'carried', password: 'password123' }));
  expect((await login.json()).success).toBe(true);
});

// Heavy (about 10 MB through the export and the import): a generous ceiling, not a timing assertion.
test('control: a 10,000-user state (past the 1 MiB body limit) exports and imports back byte for byte', async () => {
  const server = await newApiServer();
  addUsers(server, 10_000);
  const exported = await (await server.fetch('/__mock/state')).text();
  expect(exported.length).toBeGreaterThan(BODY_LIMIT_BYTES);
  await server.fetch('/__mock/reset', { method: 'POST' });
  expect(server.state.users.length).toBeLessThan(10_000);
  const response = await server.fetch('/__mock/state', { method: 'PUT', body: exported });
  expect(await response.json()).toEqual({ ok: true });
  expect(await (await server.fetch('/__mock/state')).text()).toBe(exported);
}, 60_000);

test('control: an import past its own limit is a 413 naming the limit, and dialect routes keep 1 MiB', async () => {
  const server = await newApiServer();
  const before = await (await server.fetch('/__mock/state')).text();
  const declared = { method: 'PUT', body: '{}', headers: { 'content-length': String(STATE_IMPORT_LIMIT_BYTES + 1) } };
  const response = await server.fetch('/__mock/state', declared);
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({ error: `Failed to read the body: it exceeds ${STATE_IMPORT_LIMIT_BYTES} bytes.` });
  expect(await (await server.fetch('/__mock/state')).text()).toBe(before);
  const login = await server.fetch('/api/user/login', json('POST', { username: 'x'.repeat(BODY_LIMIT_BYTES), password: 'y' }));
  expect(login.status).toBe(413);
  expect(server.bodyLimit('PUT', 'http://localhost/__mock/state')).toBe(STATE_IMPORT_LIMIT_BYTES);
  expect(server.bodyLimit('POST', 'http://localhost/api/user/login')).toBe(BODY_LIMIT_BYTES);
});

test('control: importing garbage is a 400 and leaves the state alone', async () => {
  const server = await newApiServer();
  const before = await (await server.fetch('/__mock/state')).json();
  for (const body of [{ users: 'nope' }, [], { ...before, users: [{ id: 'x' }] }]) {
    const response = await server.fetch('/__mock/state', json('PUT', body));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/^Failed to import the state/);
  }
  const notJson = await server.fetch('/__mock/state', { method: 'PUT', body: '{' });
  expect(notJson.status).toBe(400);
  expect(await (await server.fetch('/__mock/state')).json()).toEqual(before);
});

test('control: a new-api password_hash the server cannot verify is refused with 400 naming it; \'\' (no password) imports', async () => {
  const server = await newApiServer();
  const before = await (await server.fetch('/__mock/state')).json();
  const [, , salt, hash] = before.users[0].password_hash.split('$');
  for (const stored of ['pbkdf2$99999999999$AAAA$AAAA', `pbkdf2$1000001$${salt}$${hash}`, 'bcrypt$x', `pbkdf2$1000$${salt}$AAAA`]) {
    const state = structuredClone(before);
    state.users[0].password_hash = stored;
    const response = await server.fetch('/__mock/state', json('PUT', state));
    expect(response.status, stored).toBe(400);
    expect((await response.json()).error, stored).toMatch(/→ at users\[0\]\.password_hash$/);
  }
  expect(await (await server.fetch('/__mock/state')).json()).toEqual(before);
  const state = structuredClone(before);
  state.users[0].password_hash = '';
  expect(await (await server.fetch('/__mock/state', json('PUT', state))).json()).toEqual({ ok: true });
  const login = await server.fetch('/api/user/login', json('POST', { username: state.users[0].username, password: 'anything' }));
  expect(login.status).toBe(200);
  expect((await login.json()).success).toBe(false);
});

test('control: passwordHashIterations outside 1 … 1,000,000 is refused at start, so its own hashes always import back', () => {
  for (const passwordHashIterations of [0, 1_000_001, 1.5]) {
    expect(() => createReferenceServer({ dialect: 'newapi', passwordHashIterations })).toThrow(/passwordHashIterations .* Please use an integer from 1 to 1000000/);
  }
});

test('control: seedPasswordHashIterations applies to the seeded passwords only; a password set later costs passwordHashIterations', async () => {
  const server = createReferenceServer({ dialect: 'newapi', seed: 1, passwordHashIterations: 2_000, seedPasswordHashIterations: 10 });
  await server.ready;
  const registered = await server.fetch('/api/user/register', json('POST', { username: 'later_user', password: 'secret-pass-1' }));
  expect((await registered.json()).success).toBe(true);
  const { users } = await (await server.fetch('/__mock/state')).json();
  const iterationsOf = (name: string) => users.find((u: { username: string }) => u.username === name).password_hash.split('$')[1];
  expect(iterationsOf('root')).toBe('10');
  expect(iterationsOf('later_user')).toBe('2000');
  const login = await server.fetch('/api/user/login', json('POST', { username: 'root', password: '123456' }));
  expect((await login.json()).success).toBe(true);
  expect(() => createReferenceServer({ dialect: 'newapi', seedPasswordHashIterations: 0 })).toThrow(/seedPasswordHashIterations 0 is out of range/);
});

test('control: the clock reads, advances and jumps', async () => {
  const server = await newApiServer();
  const { now } = await (await server.fetch('/__mock/clock')).json();
  const advanced = await (await server.fetch('/__mock/clock', json('POST', { advance_ms: 3_600_000 }))).json();
  expect(advanced.now - now).toBeGreaterThanOrEqual(3_600_000);
  const jumped = await (await server.fetch('/__mock/clock', json('POST', { now: Date.UTC(2030, 0, 1) }))).json();
  expect(jumped.now - Date.UTC(2030, 0, 1)).toBeLessThan(1_000);
  expect((await server.fetch('/__mock/clock', json('POST', { advance_ms: 'soon' }))).status).toBe(400);
});

test('control: settings read, patch and take effect; unknown keys are a 400', async () => {
  const server = await newApiServer();
  const settings = await (await server.fetch('/__mock/settings')).json();
  expect(settings).toMatchObject({ RegisterEnabled: true, PasswordLoginEnabled: true, EmailVerificationEnabled: false, QuotaForNewUser: 0 });
  const patched = await (await server.fetch('/__mock/settings', json('PATCH', { RegisterEnabled: false }))).json();
  expect(patched.RegisterEnabled).toBe(false);
  const register = await server.fetch('/api/user/register', json('POST', { username: 'late', password: 'password123' }));
  expect(await register.json()).toEqual({ success: false, message: 'New user registration has been disabled by administrator' });
  const unknown = await server.fetch('/__mock/settings', json('PATCH', { RegistrationOpen: true }));
  expect(unknown.status).toBe(400);
  expect((await unknown.json()).error).toMatch(/RegistrationOpen/);
  expect((await server.fetch('/__mock/settings', json('PATCH', { QuotaForNewUser: 'lots' }))).status).toBe(400);
});

test('control: settings passed to createReferenceServer apply from the start', async () => {
  const server = await newApiServer({ settings: { PasswordLoginEnabled: false } });
  const login = await server.fetch('/api/user/login', json('POST', { username: 'root', password: '123456' }));
  expect(await login.json()).toEqual({ success: false, message: 'Password login has been disabled by administrator' });
});

test('control: the outbox lists and clears messages', async () => {
  const server = await newApiServer();
  server.state.outbox.push({ id: 1, channel: 'email', to: 'a@example.com', subject: 'Code', body: 'Your code: 123456', code: '123456', sent_at: 0 });
  expect((await (await server.fetch('/__mock/outbox')).json()).messages).toHaveLength(1);
  expect((await server.fetch('/__mock/outbox', { method: 'DELETE' })).status).toBe(200);
  expect((await (await server.fetch('/__mock/outbox')).json()).messages).toEqual([]);
});

test('control: the outbox holds at most 1,000 messages; the oldest 100 go at once, ids keep counting', async () => {
  const server = await newApiServer();
  const messages = async () => (await (await server.fetch('/__mock/outbox')).json()).messages as Array<{ id: number; to: string }>;
  for (let i = 1; i <= 1000; i++) await server.fetch(`/api/verification?email=user${i}@example.com`);
  expect(await messages()).toHaveLength(1000);
  for (let i = 1001; i <= 1005; i++) await server.fetch(`/api/verification?email=user${i}@example.com`);
  expect(await messages()).toHaveLength(904);
  expect((await messages())[0]).toMatchObject({ id: 102, to: 'user102@example.com' });
  expect((await messages()).at(-1)).toMatchObject({ id: 1005, to: 'user1005@example.com' });
}, 30_000);

test('control: fail_route forces a status on one route, by pattern or by path', async () => {
  const server = await newApiServer();
  await server.fetch('/__mock/faults', json('PUT', { fail_route: { method: 'get', path: '/api/user/groups', status: 503 } }));
  const failed = await server.fetch('/api/user/groups');
  expect(failed.status).toBe(503);
  expect(await failed.json()).toEqual({ success: false, message: 'Injected fault' });
  expect((await server.fetch('/__mock/clock')).status).toBe(200);
  await server.fetch('/__mock/faults', { method: 'DELETE' });
  expect((await server.fetch('/api/user/groups')).status).toBe(200);
});

test('control: an injected 429 has an empty body, like upstream\'s rate limiter', async () => {
  const server = await newApiServer();
  await server.fetch('/__mock/faults', json('PUT', { fail_route: { method: 'POST', path: '/api/user/login', status: 429 } }));
  const response = await server.fetch('/api/user/login', json('POST', { username: 'root', password: '123456' }));
  expect(response.status).toBe(429);
  expect(await response.text()).toBe('');
});

test('control: the error rate is drawn from the seed, so two runs fail the same requests', async () => {
  const run = async () => {
    // Not newApiServer(): the injected 500s here are wanted, not bugs.
    const server = createReferenceServer({ dialect: 'newapi', seed: 'faults', clock: { frozen: true } });
    await server.fetch('/__mock/faults', json('PUT', { error_rate: 0.5 }));
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await server.fetch('/api/user/groups')).status);
    return statuses;
  };
  const first = await run();
  expect(first).toEqual(await run());
  expect(first).toContain(500);
  expect(first).toContain(200);
});

test('control: latency delays the answer by exactly that many ms of timer time', async () => {
  const server = await newApiServer();
  await server.fetch('/__mock/faults', json('PUT', { latency_ms: 50 }));
  // Fake timers, not a stopwatch: the answer waits for the 50 ms timer however fast the machine is.
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  try {
    let answered = false;
    const answer = server.fetch('/api/user/groups').then((response) => ((answered = true), response));
    await vi.advanceTimersByTimeAsync(49);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await answer).status).toBe(200);
  } finally {
    vi.useRealTimers();
  }
});

test('control: a bad fault config is a 400', async () => {
  const server = await newApiServer();
  expect((await server.fetch('/__mock/faults', json('PUT', { error_rate: 2 }))).status).toBe(400);
  expect((await server.fetch('/__mock/faults', json('PUT', { flaky: true }))).status).toBe(400);
});

test('control: fail_route refuses statuses without a body (1xx, 204, 205, 304), naming what it takes', async () => {
  const server = await newApiServer();
  for (const status of [100, 101, 199, 204, 205, 304]) {
    const response = await server.fetch('/__mock/faults', json('PUT', { fail_route: { method: 'GET', path: '/api/user/groups', status } }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe(`Failed to set the faults: fail_route.status ${status} cannot carry an error body here. Please use one of 200, 400–599.`);
  }
  expect(await (await server.fetch('/__mock/faults')).json()).toEqual({});
  expect((await server.fetch('/api/user/groups')).status).toBe(200);
});

test('control: a fail_route of 200 answers new-api\'s usual failure, success false with HTTP 200', async () => {
  const server = await newApiServer();
  expect((await server.fetch('/__mock/faults', json('PUT', { fail_route: { method: 'GET', path: '/api/user/groups', status: 200 } }))).status).toBe(200);
  const failed = await server.fetch('/api/user/groups');
  expect(failed.status).toBe(200);
  expect(await failed.json()).toEqual({ success: false, message: 'Injected fault' });
});

// One user may hold MaxUserTokens (1000) tokens whose model_limits and allow_ips each take 65,535 bytes, about
// 131 KB a token: 520 of them export past 64 MiB, the bound the import had first (found in review).
test('control: a state one user can build through the token API (past 64 MiB) exports and imports back byte for byte', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  const created = await server.fetch('/api/token/', json('POST', { name: 'wide', model_limits: 'm'.repeat(65_535), allow_ips: '1'.repeat(65_535) }, headers));
  expect((await created.json()).success).toBe(true);
  const template = server.state.tokens.at(-1)!;
  // The other 519 as the API would make them (it would take 519 more requests of 131 KB each).
  for (let i = 1; i < 520; i++) server.state.tokens.push({ ...structuredClone(template), id: template.id + i, key_sha256: `${i}`.padStart(64, '0') });
  expect(server.state.tokens.filter((row) => row.user_id === template.user_id).length).toBeLessThanOrEqual(server.state.settings.MaxUserTokens);
  const exported = await (await server.fetch('/__mock/state')).text();
  expect(exported.length).toBeGreaterThan(64 * 1024 * 1024);
  await server.reset();
  const response = await server.fetch('/__mock/state', { method: 'PUT', body: exported });
  expect(response.status).toBe(200);
  expect(await (await server.fetch('/__mock/state')).text()).toBe(exported);
}, 120_000);

test('control: the import bound rests on this runtime\'s longest string, the most an export can hold', () => {
  expect(MAX_EXPORT_CHARS).toBe(constants.MAX_STRING_LENGTH);
  expect(() => 'x'.repeat(MAX_EXPORT_CHARS + 1)).toThrow(RangeError);
  expect(STATE_IMPORT_LIMIT_BYTES).toBeGreaterThanOrEqual(new TextEncoder().encode('\uffff').length * MAX_EXPORT_CHARS);
});

test('control: with a token every /__mock/ route needs it; the checkout pages and the dialect routes do not', async () => {
  const token = 'a-control-token-of-32-characters';
  const server = createReferenceServer({ dialect: 'newapi', seed: 1, control: { token } });
  await server.ready;
  const refused = await server.fetch('/__mock/reset', { method: 'POST' });
  expect(refused.status).toBe(401);
  expect(await refused.json()).toEqual({ error: 'The control API needs the token the sandbox printed at start. Please send it as "Authorization: Bearer <token>" or "x-gatewaykit-control-token: <token>".' });
  expect((await server.fetch('/__mock/state', { headers: { authorization: 'Bearer wrong-token-of-the-same-size!!!' } })).status).toBe(401);
  expect((await server.fetch('/__mock/state', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  expect((await server.fetch('/__mock/clock', { headers: { 'x-gatewaykit-control-token': token } })).status).toBe(200);
  // The shopper's checkout page is public; a bad order still gets the page's own answer, not the 401.
  expect((await server.fetch('/__mock/epay/submit.php')).status).not.toBe(401);
  expect((await server.fetch('/api/user/groups')).status).toBe(200);
  expect(() => createReferenceServer({ dialect: 'newapi', control: { token: '' } })).toThrow(/control.token must be a string of at least 16 characters/);
});

test("control: a write another site's page sent (Sec-Fetch-Site cross-site or same-site) is a 403 and changes nothing; reads and same-origin writes run", async () => {
  const server = await newApiServer();
  const before = server.clock.now();
  for (const site of ['cross-site', 'same-site']) {
    // A "simple" request, as a page on any site can make a browser send without a preflight.
    const refused = await server.fetch('/__mock/clock', { method: 'POST', headers: { 'content-type': 'text/plain', 'sec-fetch-site': site }, body: '{"advance_ms":60000}' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'The control API takes no writes from pages of other sites. Please use it from the inspector page (/__mock/), curl or a test.' });
    expect((await server.fetch('/__mock/reset', { method: 'POST', headers: { 'sec-fetch-site': site } })).status).toBe(403);
  }
  expect(server.clock.now()).toBe(before);
  expect((await server.fetch('/__mock/clock', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  expect((await server.fetch('/__mock/clock', json('POST', { advance_ms: 1 }, { 'sec-fetch-site': 'same-origin' }))).status).toBe(200);
  expect(server.clock.now()).toBe(before + 1);
});

test('control: control false removes the control API; its paths answer as unknown paths do', async () => {
  const server = createReferenceServer({ dialect: 'newapi', seed: 1, control: false });
  await server.ready;
  const unknown = await (await server.fetch('/__mock/no-such-route')).text();
  const gone = await server.fetch('/__mock/state');
  expect(gone.status).toBe(404);
  expect(await gone.text()).toBe(unknown.replace('/__mock/no-such-route', '/__mock/state'));
  expect((await server.fetch('/__mock/epay/submit.php')).status).not.toBe(404);
});

/** The chunks of a body, as a reader takes them. */
async function chunksOf(response: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = response.body!.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
  return chunks;
}

test('control: the state export is a stream of many chunks whose bytes are JSON.stringify of the state', async () => {
  const server = await newApiServer({ users: 3_000 });
  const chunks = await chunksOf(await server.fetch('/__mock/state'));
  expect(chunks.length).toBeGreaterThan(10);
  expect(Math.max(...chunks.map((c) => c.byteLength))).toBeLessThan(200_000);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(JSON.stringify(server.state));
});

test('control: a write sent while the export is read does not reach it, so the export is one instant of the state', async () => {
  const server = await newApiServer({ users: 2_000 });
  const before = JSON.stringify(server.state);
  const reader = (await server.fetch('/__mock/state')).body!.getReader();
  const chunks = [(await reader.read()).value!];
  let written = false;
  const write = server.fetch('/__mock/settings', json('PATCH', { RegisterEnabled: false })).then((r) => ((written = true), r));
  // Reads go on meanwhile.
  expect((await server.fetch('/__mock/settings')).status).toBe(200);
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(before);
  expect((await write).status).toBe(200);
  expect(written).toBe(true);
  expect(server.state.settings.RegisterEnabled).toBe(false);
});

test('control: a reader that stalls after the first chunk holds no write back, and the export stays the instant it began', async () => {
  const server = await newApiServer({ users: 2_000 });
  const before = JSON.stringify(server.state);
  const reader = (await server.fetch('/__mock/state')).body!.getReader();
  const chunks = [(await reader.read()).value!];
  // Before the reader goes on: under a lock held until the last chunk this write would wait for ever.
  expect((await server.fetch('/__mock/settings', json('PATCH', { RegisterEnabled: false }))).status).toBe(200);
  const renamed = server.state.users.at(-1)!;
  renamed.display_name = 'written after the export began';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
  expect(chunks.length).toBeGreaterThan(10);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(before);
  expect(server.state.settings.RegisterEnabled).toBe(false);
});

test('control: an export cancelled halfway lets the writes waiting for it go on', async () => {
  const server = await newApiServer({ users: 2_000 });
  const reader = (await server.fetch('/__mock/state')).body!.getReader();
  await reader.read();
  const write = server.fetch('/__mock/settings', json('PATCH', { RegisterEnabled: false }));
  await reader.cancel();
  expect((await write).status).toBe(200);
});

test('control: over HTTP the export arrives chunked with the same bytes, and a client that leaves frees the write lock', async () => {
  const { serve } = await import('../../mocks/node/serve.js');
  const server = await newApiServer({ users: 2_000 });
  const running = await serve(server);
  try {
    const response = await fetch(`${running.url}/__mock/state`);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(await response.text()).toBe(JSON.stringify(server.state));
    const left = new AbortController();
    const reader = (await fetch(`${running.url}/__mock/state`, { signal: left.signal })).body!.getReader();
    await reader.read();
    left.abort();
    const write = await fetch(`${running.url}/__mock/settings`, json('PATCH', { RegisterEnabled: false }));
    expect(write.status).toBe(200);
  } finally {
    await running.close();
  }
});
