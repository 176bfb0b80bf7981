import { expect, test } from 'vitest';
import { useCorsServer } from '../support/cors.js';

// Aether 2b1d197 src/main.py: CORSMiddleware (Starlette 0.46.2) outermost, with config.cors_origins, credentials,
// methods GET, POST, PUT, DELETE, PATCH, OPTIONS, allow_headers and expose_headers ["*"]; src/config/settings.py:
// without CORS_ORIGINS, ENVIRONMENT=development (the default outside Docker) allows four local dev origins.
const api = useCorsServer('aether');
const VITE = 'http://localhost:5173';

const ALLOWED = {
  'access-control-allow-credentials': 'true',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
  'access-control-allow-origin': VITE,
  'access-control-max-age': '600',
  vary: 'Origin',
};

test('cors: a preflight from a development origin is Starlette\'s 200 OK, mirroring the requested headers', async () => {
  for (const origin of ['http://localhost:3000', VITE, 'http://127.0.0.1:3000', 'http://127.0.0.1:5173']) {
    const answer = await api.preflight('/api/admin/users', origin, 'POST', 'authorization, content-type');
    expect([answer.status, answer.headers.get('content-type'), answer.text, answer.cors], origin).toEqual([
      200,
      'text/plain; charset=utf-8',
      'OK',
      { ...ALLOWED, 'access-control-allow-origin': origin, 'access-control-allow-headers': 'authorization, content-type' },
    ]);
  }
});

test('cors: a preflight is answered before routing and the pipeline: any path, no token needed', async () => {
  const answer = await api.preflight('/api/nope', VITE, 'GET');
  expect([answer.status, answer.text, answer.cors]).toEqual([200, 'OK', ALLOWED]);
});

test('cors: a preflight from another origin or for HEAD is a 400 naming each refusal', async () => {
  const origin = await api.preflight('/api/auth/login', 'https://evil.test', 'POST');
  const { 'access-control-allow-origin': _, ...withoutOrigin } = ALLOWED;
  expect([origin.status, origin.headers.get('content-type'), origin.text, origin.cors]).toEqual([400, 'text/plain; charset=utf-8', 'Disallowed CORS origin', withoutOrigin]);
  const method = await api.preflight('/api/auth/login', VITE, 'HEAD');
  expect([method.status, method.text, method.cors]).toEqual([400, 'Disallowed CORS method', ALLOWED]);
  const both = await api.preflight('/api/auth/login', 'http://localhost:8080', 'get');
  expect([both.status, both.text]).toEqual([400, 'Disallowed CORS origin, method']);
});

test('cors: OPTIONS without Access-Control-Request-Method is routed: the 405, with the simple headers', async () => {
  const answer = await api.send('OPTIONS', '/api/auth/login', { origin: VITE });
  expect([answer.status, JSON.parse(answer.text), answer.headers.get('allow'), answer.cors]).toEqual([
    405,
    { detail: 'Method Not Allowed' },
    'POST',
    { 'access-control-allow-credentials': 'true', 'access-control-allow-origin': VITE, 'access-control-expose-headers': '*', vary: 'Origin' },
  ]);
});

test('cors: an answer to an allowed origin names it; to any other origin only the credentials and expose headers', async () => {
  const allowed = await api.send('POST', '/api/auth/login', { origin: VITE, 'content-type': 'application/json' });
  expect([allowed.status, allowed.cors]).toEqual([
    400,
    { 'access-control-allow-credentials': 'true', 'access-control-allow-origin': VITE, 'access-control-expose-headers': '*', vary: 'Origin' },
  ]);
  const other = await api.send('GET', '/api/users/me', { origin: 'https://evil.test' });
  expect([other.status, other.cors]).toEqual([401, { 'access-control-allow-credentials': 'true', 'access-control-expose-headers': '*' }]);
});

test('cors: CorsOrigins [] is upstream in Docker (no middleware): OPTIONS is the 405, no CORS headers', async () => {
  expect((await api.server.fetch('/__mock/settings', { method: 'PATCH', body: JSON.stringify({ CorsOrigins: [] }) })).status).toBe(200);
  const preflight = await api.preflight('/api/auth/login', VITE, 'POST');
  expect([preflight.status, JSON.parse(preflight.text), preflight.cors]).toEqual([405, { detail: 'Method Not Allowed' }, {}]);
  const answer = await api.send('GET', '/api/users/me', { origin: VITE });
  expect(answer.cors).toEqual({});
});

test('cors: CorsOrigins and CorsAllowCredentials are upstream\'s CORS_ORIGINS and CORS_ALLOW_CREDENTIALS', async () => {
  const patched = await api.server.fetch('/__mock/settings', { method: 'PATCH', body: JSON.stringify({ CorsOrigins: ['https://console.test'], CorsAllowCredentials: false }) });
  expect(patched.status).toBe(200);
  const answer = await api.preflight('/api/auth/login', 'https://console.test', 'POST');
  expect([answer.status, answer.cors]).toEqual([
    200,
    { 'access-control-allow-methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS', 'access-control-allow-origin': 'https://console.test', 'access-control-max-age': '600', vary: 'Origin' },
  ]);
  expect((await api.preflight('/api/auth/login', VITE, 'POST')).text).toBe('Disallowed CORS origin');
  const refused = await api.server.fetch('/__mock/settings', { method: 'PATCH', body: JSON.stringify({ CorsOrigins: 'https://console.test' }) });
  expect(refused.status).toBe(400);
});

test('cors: a state exported before the CORS settings existed imports with upstream\'s development defaults', async () => {
  const exported = (await (await api.server.fetch('/__mock/state')).json()) as { settings: Record<string, unknown> };
  delete exported.settings.CorsOrigins;
  delete exported.settings.CorsAllowCredentials;
  expect((await api.server.fetch('/__mock/state', { method: 'PUT', body: JSON.stringify(exported) })).status).toBe(200);
  expect(api.server.state.settings).toMatchObject({ CorsOrigins: ['http://localhost:3000', 'http://localhost:5173', 'http://127.0.0.1:3000', 'http://127.0.0.1:5173'], CorsAllowCredentials: true });
  expect((await api.preflight('/api/auth/login', VITE, 'POST')).status).toBe(200);
});
