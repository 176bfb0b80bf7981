import { expect, test } from 'vitest';
import { useCorsServer } from '../support/cors.js';

// No upstream: CORS answers only for the origins of the `CorsOrigins` setting (default none), with credentials,
// by the core's Starlette rules (docs/fidelity.md).
const api = useCorsServer('platform');
const APP = 'https://console.test';

const setOrigins = (origins: string[]) => api.server.fetch('/__mock/settings', { method: 'PATCH', body: JSON.stringify({ CorsOrigins: origins }) });

test('cors: by default no origin is allowed: a preflight is the 40400 of an unknown route, answers have no CORS headers', async () => {
  const preflight = await api.preflight('/api/v1/users/me', APP, 'GET', 'authorization');
  expect([preflight.status, JSON.parse(preflight.text).code, preflight.cors]).toEqual([404, 40400, {}]);
  const answer = await api.send('GET', '/api/v1/auth/public-key', { origin: APP });
  expect([answer.status, answer.cors]).toEqual([200, {}]);
});

test('cors: a configured origin gets a 200 preflight with credentials, and its answers name it', async () => {
  expect((await setOrigins([APP])).status).toBe(200);
  const preflight = await api.preflight('/api/v1/users/me', APP, 'GET', 'authorization');
  expect([preflight.status, preflight.text, preflight.cors]).toEqual([
    200,
    'OK',
    {
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'authorization',
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
      'access-control-allow-origin': APP,
      'access-control-max-age': '600',
      vary: 'Origin',
    },
  ]);
  const answer = await api.send('GET', '/api/v1/users/me', { origin: APP });
  expect([answer.status, answer.cors]).toEqual([
    401,
    { 'access-control-allow-credentials': 'true', 'access-control-allow-origin': APP, 'access-control-expose-headers': '*', vary: 'Origin' },
  ]);
});

test('cors: an origin outside CorsOrigins gets a 400 preflight and answers without its name', async () => {
  await setOrigins([APP]);
  const preflight = await api.preflight('/api/v1/users/me', 'https://evil.test', 'GET');
  expect([preflight.status, preflight.text, preflight.cors['access-control-allow-origin']]).toEqual([400, 'Disallowed CORS origin', undefined]);
  const answer = await api.send('GET', '/api/v1/auth/public-key', { origin: 'https://evil.test' });
  expect(answer.cors['access-control-allow-origin']).toBeUndefined();
});

test('cors: CorsOrigins must be a bounded list of origins', async () => {
  expect((await setOrigins(Array.from({ length: 100 }, (_, i) => `https://${i}.test`))).status).toBe(200);
  for (const bad of ['https://console.test', [''], Array.from({ length: 101 }, (_, i) => `https://${i}.test`)]) {
    expect((await api.server.fetch('/__mock/settings', { method: 'PATCH', body: JSON.stringify({ CorsOrigins: bad }) })).status).toBe(400);
  }
});

test('cors: a state exported before CorsOrigins existed imports with none allowed', async () => {
  const exported = (await (await api.server.fetch('/__mock/state')).json()) as { settings: Record<string, unknown> };
  delete exported.settings.CorsOrigins;
  expect((await api.server.fetch('/__mock/state', { method: 'PUT', body: JSON.stringify(exported) })).status).toBe(200);
  expect(api.server.state.settings.CorsOrigins).toEqual([]);
});
