import { expect, test } from 'vitest';
import { ApiError, AuthenticationError, ConflictError, NotFoundError, RateLimitError, ServerError, ValidationError } from '../../src/index.js';
import { isPlatformError, PlatformClient, platformEnvelope } from '../../src/platform/index.js';

const answer = (status: number, body: unknown) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'retry-after': '3' } });
const clientAnswering = (status: number, body: unknown) =>
  new PlatformClient({ baseURL: 'http://platform.test', fetch: async () => answer(status, body), maxRetries: 0, tokens: { access_token: 'at_x' } });

test('code 0 unwraps to data', async () => {
  const user = { user_id: 'u_01HX3Z8K9Q2M7N4P5R6S7T8V9W', nickname: '张三' };
  expect(await clientAnswering(200, { code: 0, message: 'ok', data: user }).users.me.retrieve()).toEqual(user);
  expect(await clientAnswering(200, { code: 0, message: 'ok', data: null }).apiKeys.delete('key_01HX41B2C3D4E5F6G7H8J9KMNP')).toBeUndefined();
});

test('an error answer keeps the code and the server message, and is classed by the HTTP status', async () => {
  const cases: Array<[number, number, new (...args: never[]) => ApiError]> = [
    [400, 40001, ValidationError],
    [401, 40104, AuthenticationError],
    [404, 40402, NotFoundError],
    [409, 40901, ConflictError],
    [422, 42201, ValidationError],
    [429, 42903, RateLimitError],
    [500, 50000, ServerError],
  ];
  for (const [status, code, Class] of cases) {
    const err = await clientAnswering(status, { code, message: `message ${code}`, data: null }).users.me.retrieve().catch((e) => e);
    expect(err).toBeInstanceOf(Class);
    expect(err).toMatchObject({ status, code, message: `message ${code}`, dialect: 'platform' });
  }
});

test('a 429 carries Retry-After and the server data (retry_after, field errors) on the error body', async () => {
  const err = await clientAnswering(429, { code: 42903, message: 'Too many failed attempts.', data: { retry_after: 3 } }).users.me.retrieve().catch((e) => e);
  expect(err.retryAfter).toBe(3000);
  expect(err.body.data).toEqual({ retry_after: 3 });
});

test('an error code inside an HTTP 200 is still an error, classed by the code', async () => {
  const err = await clientAnswering(200, { code: 40101, message: 'Unauthenticated.', data: null }).users.me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err).toMatchObject({ status: 200, code: 40101 });
});

test('a body that is not the envelope is an error: a proxy page on 502, or a bare object on 200', async () => {
  const proxy = await clientAnswering(502, '<html>Bad Gateway</html>').users.me.retrieve().catch((e) => e);
  expect(proxy).toBeInstanceOf(ServerError);
  expect(proxy.message).not.toContain('<html>');
  const bare = await clientAnswering(200, { user_id: 'u_1' }).users.me.retrieve().catch((e) => e);
  expect(bare).toBeInstanceOf(ApiError);
  expect(bare.message).toMatch(/not a \{code, message, data\} envelope/);
});

test('platformEnvelope reads success only when both the code and the status say so', () => {
  expect(platformEnvelope({ code: 0, message: 'ok', data: 1 }, new Response(null, { status: 200 }))).toEqual({ ok: true, data: 1 });
  expect(platformEnvelope({ code: 0, message: 'ok', data: 1 }, new Response(null, { status: 500 }))).toMatchObject({ ok: false, code: 0 });
});

test('isPlatformError narrows to the contract\'s codes and types the error body', async () => {
  const fields = [{ field: 'name', reason: 'must be 1–64 characters' }];
  const err: unknown = await clientAnswering(400, { code: 40001, message: 'Validation failed.', data: { fields } }).users.me.retrieve().catch((e) => e);
  expect(isPlatformError(err)).toBe(true);
  expect(isPlatformError(err, 40001)).toBe(true);
  expect(isPlatformError(err, 42901, 42903)).toBe(false);
  if (isPlatformError(err, 40001)) expect(err.body.data?.fields).toEqual(fields); // no cast needed
  // @ts-expect-error 40014 is not a code of the contract
  expect(isPlatformError(err, 40014)).toBe(false);
  // Another dialect's error, or no API error at all, is not a platform error.
  const other = new ApiError({ status: 404, message: 'record not found', code: 40001, dialect: 'newapi', request: { method: 'GET', url: '/' } });
  expect([isPlatformError(other), isPlatformError(new Error('x')), isPlatformError(undefined)]).toEqual([false, false, false]);
  // `code: 0` inside a failed answer is not a contract error code.
  const zero = await clientAnswering(500, { code: 0, message: 'ok', data: null }).users.me.retrieve().catch((e) => e);
  expect([zero instanceof ApiError, isPlatformError(zero)]).toEqual([true, false]);
  // An error from another copy of gatewaykit (the ESM and the CJS build in one app) carries the same brand.
  const foreign = Object.assign(Object.create(null) as object, { [Symbol.for('gatewaykit.error')]: true, dialect: 'platform', code: 40402 });
  expect(isPlatformError(foreign, 40402)).toBe(true);
});
