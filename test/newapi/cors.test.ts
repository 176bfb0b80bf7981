import { expect, test } from 'vitest';
import { useCorsServer } from '../support/cors.js';

// new-api 5a6c53d49 middleware/cors.go: gin-contrib/cors v1.7.2, AllowAllOrigins, AllowCredentials, methods
// GET,POST,PUT,DELETE,OPTIONS, AllowHeaders ["*"], DefaultConfig's MaxAge of 12 h. SetRelayRouter's router.Use(CORS())
// runs after the /api groups are built, so it reaches gin's 404 chain but none of the sandbox's /api routes.
const api = useCorsServer('newapi');
const APP = 'http://localhost:5173';

const PREFLIGHT = {
  'access-control-allow-credentials': 'true',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
  'access-control-allow-origin': '*',
  'access-control-max-age': '43200',
};

test('cors: a preflight anywhere is gin-contrib\'s 204 with every origin, credentials and the fixed lists', async () => {
  for (const path of ['/api/user/self', '/api/user/login', '/api/token/3', '/api/nope', '/v1/models']) {
    const answer = await api.preflight(path, APP, 'PUT', 'content-type,new-api-user');
    expect([answer.status, answer.text, answer.cors], path).toEqual([204, '', PREFLIGHT]);
  }
});

test('cors: any OPTIONS with an Origin is a preflight to gin-contrib, Access-Control-Request-Method or not', async () => {
  const answer = await api.send('OPTIONS', '/api/user/self', { origin: 'null' });
  expect([answer.status, answer.text, answer.cors]).toEqual([204, '', PREFLIGHT]);
});

test('cors: OPTIONS without an Origin, or from the server\'s own host, is the 404 of an unknown route', async () => {
  const cases: Array<Record<string, string>> = [{}, { origin: api.ownOrigin, 'access-control-request-method': 'GET' }];
  for (const headers of cases) {
    const answer = await api.send('OPTIONS', '/api/user/self', headers);
    expect([answer.status, JSON.parse(answer.text), answer.cors]).toEqual([
      404,
      { error: { message: 'Invalid URL (OPTIONS /api/user/self)', type: 'invalid_request_error', param: '', code: '' } },
      {},
    ]);
  }
});

test('cors: an /api answer to another origin carries no CORS headers, so a browser cannot read it', async () => {
  const groups = await api.send('GET', '/api/user/groups', { origin: APP });
  expect([groups.status, groups.cors]).toEqual([200, {}]);
  const login = await api.send('POST', '/api/user/login', { origin: APP, 'content-type': 'application/json' });
  expect(login.cors).toEqual({});
});

test('cors: the 404 of an unknown route is answered through gin\'s NoRoute chain, which holds the middleware', async () => {
  const answer = await api.send('GET', '/api/nope', { origin: APP });
  expect([answer.status, answer.cors]).toEqual([404, { 'access-control-allow-credentials': 'true', 'access-control-allow-origin': '*' }]);
  const own = await api.send('GET', '/api/nope', { origin: api.ownOrigin });
  expect(own.cors).toEqual({});
});

test('cors: the sandbox\'s own /__mock/ paths never answer CORS', async () => {
  const answer = await api.preflight('/__mock/state', APP, 'PUT');
  expect(answer.status).not.toBe(204);
  expect(answer.cors).toEqual({});
});
