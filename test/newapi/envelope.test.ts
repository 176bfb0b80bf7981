import { expect, test } from 'vitest';
import { ApiError, NotFoundError, PermissionDeniedError, ValidationError } from '../../src/index.js';
import { NewApiClient, newApiEnvelope, quotaToUsd, usdToQuota } from '../../src/newapi/index.js';

const ok = new Response(null, { status: 200 });
const clientAnswering = (body: string | null, init: ResponseInit = {}) =>
  new NewApiClient({ baseURL: 'http://gw.test', maxRetries: 0, fetch: async () => new Response(body, init) });

test('envelope: success:true gives the data', () => {
  expect(newApiEnvelope({ success: true, message: '', data: { id: 1 } }, ok)).toEqual({ ok: true, data: { id: 1 } });
});

test('envelope: success:false inside HTTP 200 is an error with the server message and a meaning', () => {
  expect(newApiEnvelope({ success: false, message: 'record not found' }, ok)).toMatchObject({ ok: false, message: 'record not found', kind: 'not_found' });
  expect(newApiEnvelope({ success: false, message: '无权进行此操作，权限不足' }, ok)).toMatchObject({ kind: 'permission' });
});

test('envelope: the payment endpoints say success in `message` and put an error text in `data`', () => {
  expect(newApiEnvelope({ message: 'success', data: '7.30' }, ok)).toEqual({ ok: true, data: '7.30' });
  expect(newApiEnvelope({ message: 'error', data: '充值数量不能小于 1' }, ok)).toMatchObject({ ok: false, message: '充值数量不能小于 1' });
});

test('envelope: an empty 200 body is a success without data (NOV25 DELETE /api/user/:id)', () => {
  expect(newApiEnvelope(undefined, ok)).toEqual({ ok: true, data: undefined });
});

test('client: an HTTP 200 error throws the matching class, keeping status 200 and the raw body', async () => {
  const err = await clientAnswering(JSON.stringify({ success: false, message: 'record not found' })).users.retrieve(7).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err).toMatchObject({ status: 200, dialect: 'newapi', body: { success: false, message: 'record not found' } });
  expect(err.request).toEqual({ method: 'GET', url: 'http://gw.test/api/user/7' });
});

test('client: Chinese messages (BurnCloud, zh) classify too', async () => {
  const answer = (message: string) => clientAnswering(JSON.stringify({ success: false, message })).users.disable(2).catch((e) => e);
  expect(await answer('无权更新同权限等级或更高权限等级的用户信息')).toBeInstanceOf(PermissionDeniedError);
  expect(await answer('无效的参数')).toBeInstanceOf(ValidationError);
  const unknown = await answer('某个新的错误');
  expect(unknown.constructor).toBe(ApiError);
});

test('client: an empty 429 (upstream rate limit) is a RateLimitError', async () => {
  const err = await clientAnswering(null, { status: 429 }).groups.list().catch((e) => e);
  expect(err.name).toBe('RateLimitError');
  expect(err.status).toBe(429);
});

test('client: New-Api-User is the bare id and the token goes in Authorization, never BurnCloud\'s "Bearer <id>"', async () => {
  const seen: Headers[] = [];
  const client = new NewApiClient({
    baseURL: 'http://gw.test',
    accessToken: 'tok',
    userId: 42,
    fetch: async (request) => {
      seen.push(request.headers);
      return new Response(JSON.stringify({ success: true, message: '', data: {} }));
    },
  });
  await client.self.retrieve();
  expect(seen[0]!.get('new-api-user')).toBe('42');
  expect(seen[0]!.get('authorization')).toBe('Bearer tok');
});

test('quota: 500,000 quota is one USD, and the unit is configurable', () => {
  expect(quotaToUsd(1_250_000)).toBe(2.5);
  expect(usdToQuota(2.5)).toBe(1_250_000);
  expect(usdToQuota(0.0000031)).toBe(2);
  const custom = new NewApiClient({ baseURL: 'http://gw.test', quotaPerUnit: 1_000 });
  expect(custom.quotaToUsd(2_500)).toBe(2.5);
  expect(custom.usdToQuota(1)).toBe(1_000);
});

test('client: an error carries the X-Oneapi-Request-Id new-api answered with, else an X-Request-Id, and toJSON keeps it', async () => {
  const body = JSON.stringify({ success: false, message: 'record not found' });
  const both = await clientAnswering(body, { headers: { 'x-oneapi-request-id': 'oneapi-1', 'x-request-id': 'proxy-1' } }).users.retrieve(7).catch((e) => e);
  expect(both.requestId).toBe('oneapi-1');
  expect(JSON.parse(JSON.stringify(both)).requestId).toBe('oneapi-1');
  const proxied = await clientAnswering(body, { headers: { 'x-request-id': 'proxy-1' } }).users.retrieve(7).catch((e) => e);
  expect(proxied.requestId).toBe('proxy-1');
  const none = await clientAnswering(body).users.retrieve(7).catch((e) => e);
  expect(none.requestId).toBeUndefined();
});
