import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createReferenceServer } from '../../mocks/index.js';
import { json } from './support.js';

const reference = createReferenceServer({ dialect: 'newapi', seed: 1, baseUrl: 'http://gateway.test' });
const anyOrigin = createReferenceServer({ dialect: 'newapi', seed: 1 });
const msw = setupServer(...reference.handlers);

beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => msw.resetHandlers());
afterAll(() => msw.close());

test('msw: the derived handlers answer global fetch on the base URL', async () => {
  const login = await fetch('http://gateway.test/api/user/login', json('POST', { username: 'root', password: '123456' }));
  expect((await login.json()).data.username).toBe('root');
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const self = await fetch('http://gateway.test/api/user/self', { headers: { cookie, 'New-Api-User': '1' } });
  expect((await self.json()).data.id).toBe(1);
});

test('msw: static routes win over /api/user/:id', async () => {
  const response = await fetch('http://gateway.test/api/user/search?keyword=root', { headers: { 'New-Api-User': '1' } });
  expect(await response.json()).toEqual({ success: false, message: 'Unauthorized, not logged in and no access token provided' });
});

test('msw: one handler per route, control API included', () => {
  const routes = reference.handlers.map((h) => `${String(h.info.method)} ${String(h.info.path)}`);
  expect(new Set(routes).size).toBe(routes.length);
  const paths = reference.handlers.map((h) => h.info.path);
  expect(paths).toContain('http://gateway.test/api/user/:id');
  expect(paths).toContain('http://gateway.test/__mock/reset');
});

test('msw: without a base URL the handlers match any origin', async () => {
  msw.use(...anyOrigin.handlers);
  const response = await fetch('https://anything.example/api/user/groups');
  expect((await response.json()).data).toHaveProperty('default');
});
