import { expect, test } from 'vitest';
import { createRequestJournal, JOURNAL_BODY_LIMIT, matchesGlob, type JournaledRequest, type RecordedRequest } from '../../mocks/core/request-journal.js';
import { createReferenceServer } from '../../mocks/index.js';

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function newapi() {
  const server = createReferenceServer({ dialect: 'newapi', seed: 1, clock: { frozen: true } });
  await server.ready;
  return server;
}

test('journal: every request is kept newest first with its status, and credentials never are', async () => {
  const server = await newapi();
  await server.fetch('/api/user/login', json('POST', { username: 'root', password: '123456' }));
  const login = await server.fetch('/api/user/login', json('POST', { username: 'root', password: '123456' }));
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  await server.fetch('/api/user/self', { headers: { cookie, 'New-Api-User': '1' } });
  const [self, second] = server.requests;
  expect(self).toMatchObject({ method: 'GET', path: '/api/user/self', status: 200, at: server.clock.now() });
  expect(self!.request.headers).toMatchObject({ cookie: '[redacted]', 'new-api-user': '1' });
  expect(second).toMatchObject({ method: 'POST', path: '/api/user/login', status: 200 });
  expect(JSON.parse(second!.request.body!)).toEqual({ username: 'root', password: '[redacted]' });
  expect(second!.response.headers['set-cookie']).toBe('[redacted]');
  const everything = JSON.stringify(server.requests);
  expect(everything).not.toContain('123456');
  expect(everything).not.toContain(cookie.split('=')[1]);
});

test('journal: a body the server refused before reading it is still kept; control routes are not journaled', async () => {
  const server = await newapi();
  await server.fetch('/api/token/', json('POST', { name: 'without a session' }));
  await server.fetch('/__mock/clock');
  // However the path is spelled: the router decodes `%5F`, so this is the control route too.
  await server.fetch('/%5F_mock/accounts');
  expect(server.requests).toHaveLength(1);
  expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/api/token/', request: { body: '{"name":"without a session"}' } });
});

test('journal: GET /__mock/requests filters by method, path pattern and status, and reset clears it', async () => {
  const server = await newapi();
  await server.fetch('/api/user/groups');
  await server.fetch('/api/user/login', json('POST', { username: 'root', password: 'wrong' }));
  await server.fetch('/api/user/self');
  const list = async (query: string) => ((await (await server.fetch(`/__mock/requests?${query}`)).json()) as { requests: JournaledRequest[] }).requests.map((r) => `${r.method} ${r.path}`);
  expect(await list('')).toEqual(['GET /api/user/self', 'POST /api/user/login', 'GET /api/user/groups']);
  expect(await list('method=post')).toEqual(['POST /api/user/login']);
  expect(await list('path=/api/user/*')).toHaveLength(3);
  expect(await list('path=*/self')).toEqual(['GET /api/user/self']);
  expect(await list('limit=1')).toEqual(['GET /api/user/self']);
  const unauthorized = server.requests[0]!.status;
  expect(await list(`status=${unauthorized}`)).toContain('GET /api/user/self');
  const refused = await server.fetch('/__mock/requests?limit=0&colour=red');
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { error: string }).error).toMatch(/^Failed to list the requests: /);
  await server.reset();
  expect(await list('')).toEqual([]);
});

test('journal: bodies are cut to the limit, huge ones are not kept, and secrets in query strings are masked', async () => {
  const server = await newapi();
  await server.fetch('/api/user/register', json('POST', { username: 'x'.repeat(JOURNAL_BODY_LIMIT * 2) }));
  expect(server.requests[0]!.request.body).toHaveLength(JOURNAL_BODY_LIMIT + 1);
  expect(server.requests[0]!.request.body!.endsWith('…')).toBe(true);
  const huge = JSON.stringify({ username: 'y'.repeat(70_000) });
  await server.fetch('/api/user/register', { method: 'POST', body: huge });
  expect(server.requests[0]!.request.body).toBe(`[${huge.length} characters, not kept]`);
  await server.fetch('/api/reset_password?email=a@example.com&token=s3cret');
  expect(server.requests[0]!.path).toBe('/api/reset_password?email=a@example.com&token=[redacted]');
});

test('journal: the ring keeps the newest requests and drops the oldest in batches', () => {
  const journal = createRequestJournal(10);
  const entry = (n: number): RecordedRequest => ({ at: n, method: 'GET', path: `/r/${n}`, status: 200, request: { headers: {} }, response: { headers: {} } });
  for (let n = 0; n < 25; n++) journal.record(entry(n));
  const kept = journal.list().map((r) => r.at);
  expect(kept[0]).toBe(24);
  expect(kept.length).toBeLessThanOrEqual(10);
  expect(kept).toEqual([...kept].sort((a, b) => b - a));
});

test('journal: the path pattern is a plain glob that cannot backtrack without bound', () => {
  expect(matchesGlob('/api/user/*', '/api/user/42')).toBe(true);
  expect(matchesGlob('/api/user/*', '/api/token/42')).toBe(false);
  expect(matchesGlob('*', '')).toBe(true);
  expect(matchesGlob('/a.b', '/axb')).toBe(false);
  expect(matchesGlob('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(1000))).toBe(false);
});

test('journal: a body that is not strict JSON still has its credential-like values masked', async () => {
  const server = createReferenceServer({ dialect: 'aether', seed: 1, clock: { frozen: true } });
  await server.ready;
  const admin = server.accounts[0]!;
  // Python's json.loads reads NaN, so upstream (and the sandbox) log this one in; JSON.parse does not.
  const pythonJson = `{"email": "${admin.email}", "password": "${admin.password}", "remember": NaN}`;
  expect((await server.fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: pythonJson })).status).toBe(200);
  // A malformed body and a cut-off one carry the secret too.
  await server.fetch('/api/auth/login', { method: 'POST', body: `{"email": "a@b.co", "password": "hunter-2",}` });
  await server.fetch('/api/auth/refresh', { method: 'POST', body: `{"refresh_token": "eyJhbGciOi` });
  const [cut, malformed, login] = server.requests;
  expect(login!.request.body).toBe(`{"email": "${admin.email}", "password": "[redacted]", "remember": NaN}`);
  expect(malformed!.request.body).toBe(`{"email": "a@b.co", "password": "[redacted]",}`);
  expect(cut!.request.body).toBe(`{"refresh_token": "[redacted]"`);
  const everything = JSON.stringify(server.requests);
  for (const secret of [admin.password, 'hunter-2', 'eyJhbGciOi']) expect(everything).not.toContain(secret);
});

test('journal: an answer that is a credential under a plain name (new-api\'s access token, redemption codes under `data`) is masked', async () => {
  const server = await newapi();
  const login = await server.fetch('/api/user/login', json('POST', { username: 'root', password: '123456' }));
  const headers = { cookie: login.headers.getSetCookie()[0]!.split(';')[0]!, 'New-Api-User': '1' };
  const token = ((await (await server.fetch('/api/user/token', { headers })).json()) as { data: string }).data;
  const created = await server.fetch('/api/redemption/', { ...json('POST', { name: 'gift', count: 2, quota: 500 }), headers: { ...headers, 'content-type': 'application/json' } });
  const codes = ((await created.json()) as { data: string[] }).data;
  expect(codes).toHaveLength(2);
  const [redemption, access] = server.requests;
  expect(JSON.parse(access!.response.body!)).toEqual({ success: true, message: '', data: '[redacted]' });
  expect(JSON.parse(redemption!.response.body!)).toEqual({ success: true, message: '', data: '[redacted]' });
  const everything = JSON.stringify(server.requests);
  for (const secret of [token, ...codes]) expect(everything).not.toContain(secret);
});

test('journal: the control token a client sends on a dialect request is masked, so the inspector and GET /__mock/requests never show it', async () => {
  const token = 'journal-control-token-0123456789';
  const server = createReferenceServer({ dialect: 'newapi', seed: 1, clock: { frozen: true }, control: { token } });
  await server.ready;
  // One client for the dialect and the control API sends the header everywhere: it is how the page calls, too.
  await server.fetch('/api/status', { headers: { 'x-gatewaykit-control-token': token } });
  expect(server.requests[0]!.request.headers['x-gatewaykit-control-token']).toBe('[redacted]');
  const listed = await server.fetch('/__mock/requests', { headers: { 'x-gatewaykit-control-token': token } });
  expect(listed.status).toBe(200);
  expect(await listed.text()).not.toContain(token);
  expect(JSON.stringify(server.requests)).not.toContain(token);
});
