import { expect, expectTypeOf, test } from 'vitest';
import { NotFoundError } from '../../src/index.js';
import { NewApiClient, type User } from '../../src/newapi/index.js';
import { PlatformClient, type ApiKey } from '../../src/platform/index.js';
import { readFileSync } from 'node:fs';
import { VERSION } from '../../src/index.js';
import { AetherClient } from '../../src/aether/index.js';
import { OpenCatClient } from '../../src/opencat/index.js';
import { fakeFetch, json } from './fake-fetch.js';

test('request(): any documented route, typed from the document, with the client auth and errors', async () => {
  const { fetch, requests } = fakeFetch(json({ success: false, message: 'record not found' }));
  const client = new NewApiClient({ baseURL: 'http://gw.test', fetch, userId: 7, maxRetries: 0 });
  const call = client.request('get', '/api/user/{id}', { path: { id: 42 } });
  expectTypeOf(call).resolves.toEqualTypeOf<User>();
  await expect(call).rejects.toBeInstanceOf(NotFoundError);
  expect(requests[0]!.url).toBe('http://gw.test/api/user/42');
  expect(requests[0]!.headers.get('new-api-user')).toBe('7');
});

test('request(): retries a safe method on a 503 as every resource method does', async () => {
  const { fetch, requests } = fakeFetch(new Response('', { status: 503 }), json({ code: 0, message: 'ok', data: { key_id: 'key_1' } }));
  const client = new PlatformClient({ baseURL: 'http://gw.test', fetch, tokens: { access_token: 'at_x' }, retry: { baseDelay: 0, maxDelay: 0 } });
  const key = await client.request('get', '/api/v1/users/me/apikeys/{key_id}', { path: { key_id: 'key_1' } });
  expectTypeOf(key).toEqualTypeOf<ApiKey>();
  expect(requests).toHaveLength(2);
  expect(requests[1]!.headers.get('authorization')).toBe('Bearer at_x');
});

test('request(): a route or method the document lacks does not compile', () => {
  const client = new NewApiClient({ baseURL: 'http://gw.test', fetch: async () => json({}) });
  const typed = () => {
    // @ts-expect-error no such route in new-api's document
    void client.request('get', '/api/nope', {});
    // @ts-expect-error `/api/user/self` has no POST
    void client.request('post', '/api/user/self', {});
  };
  expect(typed).toBeTypeOf('function');
});

test('X-Gatewaykit-Version: every dialect\'s client sends the package.json version on every request, unless switched off', async () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(VERSION).toBe(version);
  const { fetch, requests } = fakeFetch(json({}));
  const options = { baseURL: 'http://gw.test', fetch, maxRetries: 0 };
  const clients = [new NewApiClient(options), new PlatformClient(options), new AetherClient(options), new OpenCatClient({ ...options, token: 't' })];
  for (const client of clients) await (client as unknown as { request(m: string, p: string, i: object): Promise<unknown> }).request('get', '/x', {}).catch(() => {});
  expect(requests.map((r) => r.headers.get('x-gatewaykit-version'))).toEqual([version, version, version, version]);
  const ignore = () => {};
  await new NewApiClient({ ...options, versionHeader: false }).groups.list().catch(ignore);
  expect(requests[4]!.headers.has('x-gatewaykit-version')).toBe(false);
  await new NewApiClient({ ...options, headers: { 'X-Gatewaykit-Version': 'my-app/2' } }).groups.list().catch(ignore);
  await new NewApiClient(options).groups.list({ headers: { 'x-gatewaykit-version': 'call' } }).catch(ignore);
  expect([requests[5]!.headers.get('x-gatewaykit-version'), requests[6]!.headers.get('x-gatewaykit-version')]).toEqual(['my-app/2', 'call']);
});
