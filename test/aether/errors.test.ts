import { expect, expectTypeOf, test } from 'vitest';
import { ApiError, AuthenticationError, NotFoundError, ServerError, ValidationError, isNotFoundError } from '../../src/index.js';
import { AetherClient, aetherEnvelope, isAetherError, type AetherApiError } from '../../src/aether/index.js';
import { useAether } from '../support/aether-client.js';
import { takeContractProblems } from '../support/contract.js';

const api = useAether();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A client whose every answer is `body` with `status`. */
const answering = (status: number, body: unknown) =>
  new AetherClient({ baseURL: 'http://aether.test', maxRetries: 0, tokens: { access_token: 'at' }, fetch: async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }) });

test('errors: the envelope gives code = error.type and the Chinese message; the body keeps the details', async () => {
  const admin = await api.loginAs('admin');
  const err = await admin.users.retrieve(UNKNOWN).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err).toMatchObject({ status: 404, code: 'not_found', message: '用户不存在', dialect: 'aether', request: { method: 'GET' } });
  expect(isAetherError(err, 'not_found')).toBe(true);
  expect(isAetherError(err, 'http_error')).toBe(false);
  if (isAetherError(err, 'not_found')) expect(err.body.error.details?.resource_type).toBe('user');
});

test('errors: a system_error 500 carries its 8-hex error_id and recovery_info (a duplicate email on update)', async () => {
  const admin = await api.loginAs('admin');
  const { id } = await admin.users.create({ username: 'mei_chen', email: 'mei@example.com', password: 'Blue-lotus-42' });
  const err = await admin.users.update(id, { email: api.account('user').email }).catch((e) => e);
  expect(err).toBeInstanceOf(ServerError);
  expect(err).toMatchObject({ status: 500, code: 'system_error', message: '系统遇到未知错误，请稍后重试或联系管理员' });
  expect(isAetherError(err, 'system_error')).toBe(true);
  const { details } = (err as AetherApiError<'system_error'>).body.error;
  expect(details.error_id).toMatch(/^[0-9a-f]{8}$/);
  expect(err.requestId).toBe(details.error_id);
  expect(details.recovery_info).toBe('请稍后重试，如问题持续请联系管理员');
});

test('errors: FastAPI\'s 422 list becomes a ValidationError whose message joins loc and msg; code is undefined', async () => {
  const admin = await api.loginAs('admin');
  const err = await admin.usage.stats({ start_date: 'not-a-date' }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err.status).toBe(422);
  expect(err.code).toBeUndefined();
  expect(err.message).toMatch(/^query\.start_date: /);
  expect(isAetherError(err)).toBe(true);
});

test('errors: query validation runs before authentication, so a 422 comes even without a token', async () => {
  const err = await Promise.resolve(api.client().users.list({ pageSize: 0 })).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err.message).toBe('query.limit: Input should be greater than or equal to 1');
});

test('errors: Starlette\'s 404 and 405 carry their detail as the message', async () => {
  const admin = await api.loginAs('admin');
  const notFound = await admin.request('get', '/api/admin/nothing-here' as '/api/admin/users', {}).catch((e) => e);
  expect(notFound).toBeInstanceOf(NotFoundError);
  expect(notFound).toMatchObject({ status: 404, message: 'Not Found', code: undefined, body: { detail: 'Not Found' } });
  const wrongMethod = await admin.request('patch' as 'put', '/api/admin/users/{user_id}', { path: { user_id: UNKNOWN }, body: {} }).catch((e) => e);
  expect(wrongMethod).toBeInstanceOf(ApiError);
  expect(wrongMethod).toMatchObject({ status: 405, message: 'Method Not Allowed' });
  expect(wrongMethod.headers.get('allow')).toBeTruthy();
  // Neither answer belongs to a documented operation: the contract check notes both, as it should.
  expect(takeContractProblems()).toEqual([
    'GET /api/admin/nothing-here → 404: no path in the document matches /api/admin/nothing-here',
    `PATCH /api/admin/users/${UNKNOWN} → 405: method PATCH is not documented for /api/admin/users/{user_id}`,
  ]);
});

test('errors: a bad group_by is refused before authentication with the route\'s own 400', async () => {
  const err = await api.client().usage.aggregation({ group_by: 'day' as 'model' }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err).toMatchObject({ status: 400, code: 'http_error', message: 'Invalid group_by value: day. Must be one of: model, user, provider, api_format' });
});

test('errors: guards hold across the classes, and toJSON leaves out the body and the headers', async () => {
  const err = await api.client().me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(isNotFoundError(err)).toBe(false);
  expect(JSON.parse(JSON.stringify(err))).toEqual({ name: 'AuthenticationError', message: '缺少用户凭证', status: 401, code: 'http_error', dialect: 'aether', request: err.request });
});

test('errors: a body that is no Aether shape (a proxy\'s HTML) is an error with its text or the status text', async () => {
  const html = await answering(502, '<html>Bad Gateway</html>').me.retrieve().catch((e) => e);
  expect(html).toBeInstanceOf(ServerError);
  expect(html.message).toBe('<html>Bad Gateway</html>');
  expect(isAetherError(html)).toBe(true);
  const empty = await answering(503, '').me.retrieve().catch((e) => e);
  expect(empty).toMatchObject({ status: 503, code: undefined });
});

test('errors: error.type decides the class where the status says nothing (a fork answering 418)', async () => {
  const err = await answering(418, { error: { type: 'not_found', message: 'API密钥不存在' } }).me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
});

test('aetherEnvelope: 2xx is data as it is; each failure shape reads to its message and code', () => {
  const ok = new Response(null, { status: 200 });
  const bad = (status: number) => new Response(null, { status });
  expect(aetherEnvelope([{ id: 'x' }], ok)).toEqual({ ok: true, data: [{ id: 'x' }] });
  expect(aetherEnvelope({ error: { type: 'invalid_request', message: '用户名: 此字段为必填项' } }, bad(400))).toEqual({ ok: false, message: '用户名: 此字段为必填项', code: 'invalid_request', kind: 'validation' });
  expect(aetherEnvelope({ detail: [{ loc: ['query', 'skip'], msg: 'Input should be greater than or equal to 0' }, { loc: [], msg: 'x' }] }, bad(422))).toMatchObject({ message: 'query.skip: Input should be greater than or equal to 0; x' });
  expect(aetherEnvelope({ detail: 'Method Not Allowed' }, bad(405))).toEqual({ ok: false, message: 'Method Not Allowed' });
});

test('isAetherError: narrows the body by type', () => {
  expectTypeOf<AetherApiError<'system_error'>['body']['error']['details']['error_id']>().toEqualTypeOf<string>();
  expectTypeOf<AetherApiError<'not_found'>['code']>().toEqualTypeOf<'not_found'>();
});
