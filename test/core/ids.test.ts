import { expect, test, vi } from 'vitest';
import { checkPathIds, integerId, prefixedId, staticBearer, uuidId } from '../../src/core/index.js';
import { NewApiClient } from '../../src/newapi/index.js';
import { PlatformClient } from '../../src/platform/index.js';
import { fakeFetch, json } from './fake-fetch.js';
import { BareClient } from './fixtures/bare-client.js';

test('a bad integer id is refused from the path template before anything is sent, even through request()', async () => {
  const { fetch, requests } = fakeFetch(json({ success: true, message: '', data: {} }));
  const client = new NewApiClient({ baseURL: 'http://gw.test', fetch, userId: 1 });
  for (const id of [0, -1, 1.5, '1', undefined]) {
    await expect(client.request('get', '/api/user/{id}', { path: { id: id as number } })).rejects.toThrow(/`id` must be a positive integer/);
  }
  await expect(client.tokens.revealKey(0)).rejects.toThrow('Failed to call POST /api/token/{id}/key: `id` must be a positive integer, got 0.');
  expect(requests).toEqual([]);
});

test('a prefixed id of the wrong kind, or one with a path in it, is refused before anything is sent', async () => {
  const { fetch, requests } = fakeFetch(json({ code: 0, message: 'ok', data: null }));
  const client = new PlatformClient({ baseURL: 'http://gw.test', fetch, tokens: { access_token: 'at_x' } });
  await expect(client.request('get', '/admin/v1/users/{user_id}', { path: { user_id: 'key_01HX' } })).rejects.toThrow('`userId` must be an id starting with `u_`');
  await expect(client.request('delete', '/api/v1/users/me/apikeys/{key_id}', { path: { key_id: 'key_1/../../x' } })).rejects.toThrow(TypeError);
  expect(requests).toEqual([]);
});

test('a UUID id is checked in its 36-character form, and a bad one is not echoed', async () => {
  const { fetch, requests } = fakeFetch(json({ id: 'x', email: 'a@b.c' }));
  const client = new BareClient({ baseURL: 'http://gw.test', fetch }, staticBearer('t'));
  const err = await client.request('get', '/api/users/{user_id}', { path: { user_id: 'secret-ish' } }).catch((e) => e);
  expect(err).toBeInstanceOf(TypeError);
  expect(err.message).toBe('Failed to call GET /api/users/{user_id}: `userId` must be a UUID.');
  expect(requests).toEqual([]);
  await client.request('get', '/api/users/{user_id}', { path: { user_id: '0b6e2c4a-3f1d-4c8e-9a7b-5d2f1e0c9b8a' } });
  expect(requests).toHaveLength(1);
});

test('a path param the dialect does not name still refuses undefined, empty strings and dot segments', () => {
  for (const bad of [undefined, '', '.', '..', 'a/b', 0]) expect(() => checkPathIds('get', '/x/{thing}', { thing: bad }, {})).toThrow(TypeError);
  expect(() => checkPathIds('get', '/x/{thing}', { thing: 'ok-1' }, {})).not.toThrow();
  expect(() => checkPathIds('get', '/x/{thing}', { thing: 3 }, {})).not.toThrow();
});

test('the id kinds: integer, UUID, prefixed', () => {
  expect([integerId.test(1), integerId.test(0), integerId.test(2 ** 53)]).toEqual([true, false, false]);
  expect([uuidId.test('0B6E2C4A-3F1D-4C8E-9A7B-5D2F1E0C9B8A'), uuidId.test('0b6e2c4a3f1d4c8e9a7b5d2f1e0c9b8a')]).toEqual([true, false]);
  const key = prefixedId('key_');
  expect([key.test('key_01H'), key.test('key_'), key.test('u_01H'), key.test('key_1-2')]).toEqual([true, false, false, false]);
});

test('a path template is parsed for its params once, not on every call', () => {
  const matchAll = vi.spyOn(String.prototype, 'matchAll');
  try {
    for (let i = 1; i <= 5; i++) checkPathIds('get', '/parsed-once/{thing_id}/x/{id}', { thing_id: 'a', id: i }, { id: integerId });
    expect(matchAll).toHaveBeenCalledTimes(1);
    expect(() => checkPathIds('get', '/parsed-once/{thing_id}/x/{id}', { thing_id: 'a', id: 0 }, { id: integerId })).toThrow('`id` must be a positive integer, got 0');
  } finally {
    matchAll.mockRestore();
  }
});
