import { expect, test } from 'vitest';
import { useCorsServer } from '../support/cors.js';

// opencatd-open c11824f opencat.go: gin.Default() and no CORS middleware, so no CORS headers anywhere and an OPTIONS
// (no route registers one outside the /v1 proxy) is gin's plain 404.
const api = useCorsServer('opencat');
const APP = 'http://localhost:5173';

test('cors: a preflight is gin\'s plain 404 without any CORS header', async () => {
  for (const path of ['/1/me', '/1/users', '/1/users/init', '/nope']) {
    const answer = await api.preflight(path, APP, 'GET', 'authorization');
    expect([answer.status, answer.headers.get('content-type'), answer.text, answer.cors], path).toEqual([404, 'text/plain', '404 page not found', {}]);
  }
});

test('cors: an answer to another origin carries no CORS headers', async () => {
  const token = api.server.accounts[0]!.token!;
  const answer = await api.send('GET', '/1/me', { origin: APP, authorization: `Bearer ${token}` });
  expect([answer.status, answer.cors]).toEqual([200, {}]);
});
