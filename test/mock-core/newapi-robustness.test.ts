import { afterAll, expect, test } from 'vitest';
import { loginAs, newApiServer, serverErrors } from './support.js';

afterAll(() => expect(serverErrors.splice(0)).toEqual([]));

const ROUTES: Array<[string, string]> = [
  ['POST', '/api/user/register'], ['POST', '/api/user/login'], ['POST', '/api/user/login/2fa'], ['GET', '/api/user/logout'],
  ['GET', '/api/user/groups'], ['GET', '/api/user/self/groups'], ['GET', '/api/user/self'], ['GET', '/api/user/models'],
  ['PUT', '/api/user/self'], ['GET', '/api/user/token'], ['GET', '/api/user/'], ['GET', '/api/user/search'],
  ['GET', '/api/user/2'], ['POST', '/api/user/'], ['POST', '/api/user/manage'], ['PUT', '/api/user/'],
  ['GET', '/api/user/99999999999999999999'], ['DELETE', '/api/user/-1'], ['DELETE', '/api/user/self'],
];

const BODIES = [
  '', '{', 'null', '[]', '"text"', '42', 'true', '{"id":"1"}', '{"id":1.5}', '{"id":1e300}', '{"username":1,"password":[]}',
  '{"username":"x","password":"password1","role":"admin"}', '{"id":0,"action":"delete"}', '{"id":2,"action":null,"mode":7}',
  '{"id":2,"action":"add_quota","mode":"override","value":-5}', '{"sidebar_modules":{"a":1}}', '{"language":null}',
  '{"USERNAME":"CaseFolded","PassWord":"password123"}', '{"DeletedAt":"not a time"}', '{"admin_permissions":{"a":{"b":1}}}',
  '{"code":123456}', `{"a":${'['.repeat(500)}${']'.repeat(500)}}`,
];

const QUERIES = ['', '?p=-3&page_size=-1', '?p=abc&ps=0&size=7', '?keyword=%25_&status=-1&role=x&sort_by=quota&sort_order=asc', '?group=vip'];

test('robustness: malformed bodies and queries never produce a 500 on any route', async () => {
  const server = await newApiServer();
  for (const [method, path] of ROUTES) {
    // Each route starts from the seeded state: an earlier route may have deleted the user a later one needs.
    await server.reset();
    const root = await loginAs(server, 'root', '123456');
    for (const headers of [{}, root, { ...root, 'New-Api-User': '01' }]) {
      for (const query of QUERIES) {
        for (const body of method === 'GET' ? [undefined] : BODIES) {
          const response = await server.fetch(`${path}${query}`, { method, headers, body });
          expect(response.status, `${method} ${path}${query} ${body ?? ''}`).not.toBe(500);
          await response.arrayBuffer();
        }
      }
    }
  }
  // About 6,000 requests: a sweep, so its limit is explicit and generous (it timed out at the 5 s default on a
  // loaded 2-core machine). Nothing in it depends on speed; the limit only stops a hung server.
}, 120_000);

test('robustness: case-folded keys decode as Go does', async () => {
  const server = await newApiServer();
  const response = await server.fetch('/api/user/register', { method: 'POST', body: '{"USERNAME":"CaseFolded","PassWord":"password123"}' });
  expect(await response.json()).toEqual({ success: true, message: '' });
  expect(server.state.users.at(-1)!.username).toBe('CaseFolded');
});
