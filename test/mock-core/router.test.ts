import { expect, test } from 'vitest';
import { createRouter } from '../../mocks/core/router.js';

const routes = [
  { method: 'GET', path: '/api/user/:id' },
  { method: 'GET', path: '/api/user/search' },
  { method: 'GET', path: '/api/user/self' },
  { method: 'GET', path: '/api/user/' },
  { method: 'DELETE', path: '/api/user/:id' },
  { method: 'GET', path: '/api/user/:id/2fa' },
];

test('router: a static path beats a parameter registered before it', () => {
  const router = createRouter(routes);
  expect(router.match('GET', '/api/user/search')?.route.path).toBe('/api/user/search');
  expect(router.match('GET', '/api/user/self')?.route.path).toBe('/api/user/self');
});

test('router: a parameter captures the decoded segment', () => {
  const router = createRouter(routes);
  expect(router.match('GET', '/api/user/42')).toEqual({ route: routes[0], params: { id: '42' } });
  expect(router.match('GET', '/api/user/a%20b')?.params).toEqual({ id: 'a b' });
});

test('router: methods are matched separately', () => {
  const router = createRouter(routes);
  expect(router.match('DELETE', '/api/user/self')?.route).toBe(routes[4]);
  expect(router.match('POST', '/api/user/42')).toBeUndefined();
});

test('router: no match for unknown paths, empty parameters or a different segment count', () => {
  const router = createRouter(routes);
  expect(router.match('GET', '/api/users')).toBeUndefined();
  expect(router.match('GET', '/api/user//2fa')).toBeUndefined();
  expect(router.match('GET', '/api/user/1/2/3')).toBeUndefined();
  expect(router.match('GET', '/api/user/7/2fa')?.params).toEqual({ id: '7' });
});

test('router: the trailing slash is significant', () => {
  const router = createRouter(routes);
  expect(router.match('GET', '/api/user/')?.route.path).toBe('/api/user/');
  expect(router.match('GET', '/api/user')).toBeUndefined();
});

test('router: a route registered twice is rejected', () => {
  expect(() => createRouter([{ method: 'GET', path: '/a/:x' }, { method: 'GET', path: '/a/:x' }])).toThrow(/registered twice/);
  expect(() => createRouter([{ method: 'GET', path: '/a' }, { method: 'GET', path: '/a' }])).toThrow(/registered twice/);
});

test('router: allowed lists the methods that have a route for the path, none for an unknown path', () => {
  const router = createRouter(routes);
  expect(router.allowed('/api/user/42')).toEqual(['GET', 'DELETE']);
  expect(router.allowed('/api/user/self')).toEqual(['GET', 'DELETE']);
  expect(router.allowed('/api/user/42/2fa')).toEqual(['GET']);
  expect(router.allowed('/api/nope')).toEqual([]);
});

test('router: allowed names the methods in the order the path\'s own routes were registered, not the table\'s', () => {
  // FastAPI answers a 405 from the first route of the path, so this order is the `Allow` header aether sends.
  const router = createRouter([
    { method: 'GET', path: '/users' },
    { method: 'POST', path: '/users/:id/keys' },
    { method: 'GET', path: '/users/:id/keys' },
    { method: 'DELETE', path: '/users/:id/keys' },
  ]);
  expect(router.allowed('/users/7/keys')).toEqual(['POST', 'GET', 'DELETE']);
  expect(router.allowed('/users')).toEqual(['GET']);
});
